// Attack tests from the security review (issue 10) on the client side: a server that echoes the
// credential anywhere in its answer, and JSON bodies that try to reach Object.prototype.
import { describe, expect, it } from 'vitest';

import {
  SeamClient,
  SeamInvalidInputError,
  isForbiddenKey,
  parseJsonSafe,
  ForbiddenKeyError,
} from '../../src/client/index.js';
import { sendJson, startLocalServer } from './support/servers.js';

const apiKey = 'seam_test_echoed_secret_1234567890';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('redaction of every string that leaves the transport', () => {
  it('redacts an echoed Authorization in validation_errors, data, the request id and 2xx bodies', async () => {
    const server = await startLocalServer((request, response) => {
      const echoed = String(request.headers['authorization']);
      if (request.url === '/access_codes/create') {
        sendJson(
          response,
          400,
          {
            error: {
              type: 'invalid_input',
              message: 'Invalid input.',
              data: { header: echoed, nested: [{ again: `key=${apiKey}` }] },
              validation_errors: { code: { _errors: [`You sent ${echoed}`] } },
            },
            ok: false,
          },
          { 'seam-request-id': `req ${apiKey}` },
        );
      } else {
        sendJson(response, 200, {
          device: { device_id: 'd1', display_name: `Lock of ${apiKey}`, [apiKey]: 1 },
          ok: true,
        });
      }
    });
    try {
      const client = SeamClient.fromApiKey(apiKey, { endpoint: server.endpoint, retry: false });
      const error = await failure(client.accessCodes.create({ device_id: 'd1', code: '1234' }));
      expect(error).toBeInstanceOf(SeamInvalidInputError);
      const invalid = error as SeamInvalidInputError;
      const everything = JSON.stringify([invalid.toJSON(), invalid.message, invalid.requestId]);
      expect(everything).not.toContain(apiKey);
      expect(invalid.getValidationErrorMessages('code')).toEqual(['You sent [redacted]']);
      expect(invalid.data).toEqual({
        header: '[redacted]',
        nested: [{ again: 'key=[redacted]' }],
      });

      const device = await client.devices.get({ device_id: 'd1' });
      expect(JSON.stringify(device)).not.toContain(apiKey);
      expect(device.display_name).toBe('Lock of [redacted]');
    } finally {
      await server.close();
    }
  });
});

describe('prototype-less JSON', () => {
  it('refuses or drops __proto__, constructor and prototype keys at any depth', () => {
    const text = '{"a":{"__proto__":{"polluted":1}},"b":[{"constructor":{"prototype":{"x":1}}}]}';
    expect(() => parseJsonSafe(text, 'throw')).toThrow(ForbiddenKeyError);
    const dropped = parseJsonSafe(text, 'drop') as { a: object; b: object[] };
    expect(Object.keys(dropped.a)).toEqual([]);
    expect(Object.keys(dropped.b[0]!)).toEqual([]);
    expect(Object.getPrototypeOf(dropped)).toBeNull();
    expect(Object.getPrototypeOf(dropped.a)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(['__proto__', 'constructor', 'prototype'].every(isForbiddenKey)).toBe(true);
  });

  it('decodes a Seam answer with a __proto__ key without it reaching any prototype', async () => {
    const server = await startLocalServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        '{"device":{"device_id":"d1","__proto__":{"polluted":"yes"},"properties":{}},"ok":true}',
      );
    });
    try {
      const client = SeamClient.withoutAuth({ endpoint: server.endpoint, retry: false });
      const device = await client.devices.get({ device_id: 'd1' });
      const merged = Object.assign({}, device) as Record<string, unknown>;
      expect(merged['polluted']).toBeUndefined();
      expect(Object.keys(device)).not.toContain('__proto__');
    } finally {
      await server.close();
    }
  });
});
