import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_CODES_PER_SUBSCRIBER_TOKEN,
  SubscriberTokenError,
  createSubscriberToken,
  verifySubscriberToken,
  type SubscriberTokenErrorCode,
} from '../src/token.js';

const secret = 'a-subscriber-secret-of-32-bytes!!';
const now = Date.UTC(2026, 10, 25, 12, 0, 0);
const nowSeconds = now / 1000;

/** Signs arbitrary claims the way the real format does, to test what verification refuses. */
function forge(claims: unknown, key = secret): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

const validClaims = {
  v: 1,
  aud: 'seam-codes-relay',
  workspace_id: 'workspace_a',
  access_code_ids: ['code_1'],
  iat: nowSeconds,
  exp: nowSeconds + 600,
};

function refusal(token: string, at = now): SubscriberTokenErrorCode {
  try {
    verifySubscriberToken({ token, secret, now: at });
  } catch (error) {
    expect(error).toBeInstanceOf(SubscriberTokenError);
    return (error as SubscriberTokenError).code;
  }
  throw new Error('the token was accepted');
}

describe('createSubscriberToken / verifySubscriberToken', () => {
  it('round-trips the claims, with version, audience and whole-second times', () => {
    const token = createSubscriberToken({
      secret,
      workspace_id: 'workspace_a',
      access_code_ids: ['code_1', 'code_2', 'code_1'],
      expires_in_seconds: 900,
      now: now + 400,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifySubscriberToken({ token, secret, now: now + 1000 })).toEqual({
      v: 1,
      aud: 'seam-codes-relay',
      workspace_id: 'workspace_a',
      access_code_ids: ['code_1', 'code_2'],
      iat: nowSeconds,
      exp: nowSeconds + 900,
    });
  });

  it('accepts expires_at as a Date or Unix seconds, and Uint8Array secrets', () => {
    const bytes = new Uint8Array(32).fill(7);
    const at = createSubscriberToken({
      secret: bytes,
      workspace_id: 'w',
      access_code_ids: ['c'],
      expires_at: new Date(now + 60_000),
      now,
    });
    expect(verifySubscriberToken({ token: at, secret: bytes, now }).exp).toBe(nowSeconds + 60);
    const seconds = createSubscriberToken({
      secret,
      workspace_id: 'w',
      access_code_ids: ['c'],
      expires_at: nowSeconds + 120,
      now,
    });
    expect(verifySubscriberToken({ token: seconds, secret, now }).exp).toBe(nowSeconds + 120);
  });

  it('refuses a token whose payload was changed (signature no longer matches)', () => {
    const token = createSubscriberToken({
      secret,
      workspace_id: 'workspace_a',
      access_code_ids: ['code_1'],
      expires_in_seconds: 600,
      now,
    });
    const [, signature] = token.split('.');
    const widened = Buffer.from(
      JSON.stringify({ ...validClaims, access_code_ids: ['code_1', 'code_2'] }),
    ).toString('base64url');
    expect(refusal(`${widened}.${signature}`)).toBe('bad_signature');
    expect(refusal(forge(validClaims, 'another-secret-of-at-least-32-bytes'))).toBe(
      'bad_signature',
    );
    expect(refusal(`${token.split('.')[0]}.${'A'.repeat(43)}`)).toBe('bad_signature');
    expect(refusal(`${token.split('.')[0]}.AAAA`)).toBe('bad_signature');
  });

  it.each([
    ['', 'malformed'],
    ['onlyonepart', 'malformed'],
    ['a.b.c', 'malformed'],
    ['a+b.c/d', 'malformed'],
  ] as const)('refuses %j as %s', (token, code) => {
    expect(refusal(token)).toBe(code);
  });

  it.each([
    ['expired', { exp: nowSeconds }, 'expired'],
    ['no exp', { exp: undefined }, 'invalid_claims'],
    ['fractional exp', { exp: nowSeconds + 0.5 }, 'invalid_claims'],
    ['no iat', { iat: undefined }, 'invalid_claims'],
    ['a lifetime over 24 h', { exp: nowSeconds + 86_401 }, 'lifetime_too_long'],
    [
      'an iat in the past but exp over 24 h ahead',
      { iat: nowSeconds - 10, exp: nowSeconds + 86_400 },
      'lifetime_too_long',
    ],
    ['an iat in the future', { iat: nowSeconds + 120, exp: nowSeconds + 600 }, 'not_yet_valid'],
    ['another version', { v: 2 }, 'unsupported_version'],
    ['another audience', { aud: 'someone-else' }, 'wrong_audience'],
    ['no workspace', { workspace_id: undefined }, 'invalid_claims'],
    ['no codes', { access_code_ids: [] }, 'invalid_claims'],
    ['a code that is not an id', { access_code_ids: ['code 1'] }, 'invalid_claims'],
    ['codes that are not an array', { access_code_ids: 'code_1' }, 'invalid_claims'],
  ] as const)('refuses a signed token with %s', (_name, change, code) => {
    expect(refusal(forge({ ...validClaims, ...change }))).toBe(code);
  });

  it('refuses signed claims that are not a JSON object', () => {
    expect(refusal(forge(['not', 'an', 'object']))).toBe('malformed');
    const payload = Buffer.from('not json').toString('base64url');
    const token = `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    expect(refusal(token)).toBe('malformed');
  });

  it('never puts the token or the secret into its messages', () => {
    expect.assertions(3);
    const token = forge({ ...validClaims, exp: nowSeconds - 5 });
    try {
      verifySubscriberToken({ token, secret, now });
    } catch (error) {
      expect((error as Error).message).toContain('expired 5 s ago');
      expect((error as Error).message).not.toContain(token.split('.')[1]);
      expect((error as Error).message).not.toContain(secret);
    }
  });

  describe('refuses bad options with a message that says how to fix them', () => {
    const base = { secret, workspace_id: 'w', access_code_ids: ['c'], now };
    it.each([
      [{ ...base, secret: 'short' }, /at least 32 bytes .*openssl rand/],
      [{ ...base }, /exactly one of expires_in_seconds/],
      [{ ...base, expires_in_seconds: 60, expires_at: nowSeconds + 60 }, /exactly one/],
      [{ ...base, expires_in_seconds: 0 }, /from 1 to 86400/],
      [{ ...base, expires_in_seconds: 86_401 }, /from 1 to 86400/],
      [{ ...base, expires_in_seconds: 1.5 }, /whole number/],
      [{ ...base, expires_at: nowSeconds - 1 }, /after now and at most 24 h away/],
      [{ ...base, expires_at: new Date(Number.NaN) }, /valid Date/],
      [{ ...base, expires_in_seconds: 60, workspace_id: '' }, /workspace_id must be a Seam id/],
      [{ ...base, expires_in_seconds: 60, access_code_ids: [] }, /non-empty array/],
      [
        { ...base, expires_in_seconds: 60, access_code_ids: ['a/b'] },
        /access_code_ids\[0\] must be a Seam id/,
      ],
      [
        {
          ...base,
          expires_in_seconds: 60,
          access_code_ids: Array.from(
            { length: MAX_CODES_PER_SUBSCRIBER_TOKEN + 1 },
            (_, i) => `c${i}`,
          ),
        },
        /at most 500 fit in one token/,
      ],
    ])('%#', (options, message) => {
      expect(() => createSubscriberToken(options)).toThrow(message);
    });
  });

  it('keeps a token with the most codes small enough for a URL', () => {
    const ids = Array.from(
      { length: MAX_CODES_PER_SUBSCRIBER_TOKEN },
      (_, i) => `1b7c0f6e-8a8e-4d0b-9c1d-${String(i).padStart(12, '0')}`,
    );
    const token = createSubscriberToken({
      secret,
      workspace_id: 'workspace_a',
      access_code_ids: ids,
      expires_in_seconds: 600,
      now,
    });
    expect(token.length).toBeLessThan(32 * 1024);
    expect(verifySubscriberToken({ token, secret, now }).access_code_ids).toHaveLength(500);
  });
});
