/**
 * Attack tests from the security review (issue 10), each failing before its fix: prototype
 * pollution through the query string and the JSON body, the --state temporary file, and the
 * refused origin.
 */
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { readStateFile, writeStateFile } from '../src/node/persistence.js';
import { createCode, setup } from './support/api.js';

const base = 'http://sandbox.test';

afterEach(() => {
  // A failed attack test must not leave the prototype polluted for the rest of the run.
  for (const key of ['code', 'name', 'polluted']) {
    delete (Object.prototype as Record<string, unknown>)[key];
  }
});

describe('prototype pollution through request parameters', () => {
  it('refuses GET /health?__proto__.code=4321 without credentials, and later PINs stay random', async () => {
    const { sandbox, api, devices } = setup();
    const response = await sandbox.fetch(`${base}/health?__proto__.code=4321`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_input');
    expect(body.error.message).toContain('__proto__');
    expect(({} as Record<string, unknown>)['code']).toBeUndefined();
    const created = await createCode(api, { device_id: devices.builtInKeypad, name: 'Guest' });
    expect(created.access_code.code).not.toBe('4321');
  });

  it('refuses constructor.prototype paths, in any position, and in [] keys', async () => {
    const { sandbox } = setup();
    for (const query of [
      'constructor.prototype.code=4321',
      'device_id.__proto__.polluted=1',
      'a.prototype=1',
      '__proto__[]=1',
    ]) {
      const response = await sandbox.fetch(`${base}/health?${query}`);
      expect(response.status, query).toBe(400);
    }
    expect(({} as Record<string, unknown>)['code']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a JSON body with a __proto__ key, and a create cannot be steered through it', async () => {
    const { sandbox, api, devices } = setup();
    const response = await sandbox.fetch(`${base}/access_codes/create`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.credentials.apiKey}`,
        'content-type': 'application/json',
      },
      body: `{"device_id":"${devices.builtInKeypad}","__proto__":{"code":"4321"}}`,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe(
      'invalid_input',
    );
    const list = await api<{ access_codes: unknown[] }>('/access_codes/list', {
      device_id: devices.builtInKeypad,
    });
    expect(list.body.access_codes).toHaveLength(0);
  });

  it('reads only own properties: a prototype polluted elsewhere never becomes a parameter', async () => {
    const { api, devices } = setup();
    (Object.prototype as Record<string, unknown>)['code'] = '4321';
    (Object.prototype as Record<string, unknown>)['name'] = 'Polluted';
    const created = await createCode(api, { device_id: devices.builtInKeypad });
    delete (Object.prototype as Record<string, unknown>)['code'];
    delete (Object.prototype as Record<string, unknown>)['name'];
    expect(created.access_code.code).not.toBe('4321');
    expect(created.access_code.name).not.toBe('Polluted');
  });
});

describe('the --state file', () => {
  it('is read without letting a __proto__ key reach any prototype', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-sandbox-state-'));
    try {
      const path = join(dir, 'state.json');
      writeFileSync(path, '{"format":"seam-sandbox-state","__proto__":{"code":"4321"}}');
      expect(() => readStateFile(path)).toThrow(/__proto__/);
      expect(({} as Record<string, unknown>)['code']).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the --state temporary file', () => {
  it('never writes through a symlink planted at a predictable name, and is private', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-sandbox-state-'));
    try {
      const victim = join(dir, 'victim.txt');
      writeFileSync(victim, 'precious');
      const path = join(dir, 'state.json');
      // The names the old code used (pid-based), and a few around it.
      for (const pid of [process.pid, process.pid + 1, process.pid - 1]) {
        symlinkSync(victim, `${path}.${pid}.tmp`);
      }
      const sandbox = createSandbox({ speed: 0, start: '2026-03-02T15:00:00.000Z' });
      writeStateFile(path, sandbox);
      sandbox.dispose();
      expect(readFileSync(victim, 'utf8')).toBe('precious');
      expect(readStateFile(path)?.format).toBe('seam-sandbox-state');
      expect(statSync(path).mode & 0o777).toBe(0o600);
      // Nothing left behind but the planted links.
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp')).length).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
