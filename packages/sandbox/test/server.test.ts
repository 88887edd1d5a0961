import type { AccessCode } from '@seamapi/types/connect';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_CATALOGUE } from '../src/index.js';
import { readStateFile, resumeTime, startServer } from '../src/node/index.js';
import { callerFor, readCode } from './support/api.js';
import { runCliOnce, startCli } from './support/cli.js';

const directory = mkdtempSync(join(tmpdir(), 'seam-sandbox-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('HTTP server', () => {
  it('serves the handler with CORS for credentialed browser callers', async () => {
    const sandbox = createSandbox({ speed: 0, start: '2026-03-02T15:00:00Z' });
    const server = await startServer(sandbox, { port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const preflight = await fetch(`${server.url}/access_codes/create`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type, seam-sdk-name',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('seam-sdk-name');

      const response = await fetch(`${server.url}/devices/list`, {
        method: 'POST',
        headers: {
          origin: 'http://localhost:5173',
          authorization: `Bearer ${sandbox.credentials.apiKey}`,
        },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-expose-headers')).toContain('seam-request-id');
      expect(response.headers.get('seam-request-id')).not.toBeNull();

      const big = await fetch(`${server.url}/devices/list`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ padding: 'x'.repeat(1_100_000) }),
      });
      expect(big.status).toBe(413);
    } finally {
      await server.close();
      sandbox.dispose();
    }
  });

  it('listens on loopback by default and refuses a bad port', async () => {
    const sandbox = createSandbox({ speed: 0 });
    await expect(startServer(sandbox, { port: 70_000 })).rejects.toThrow(/port must be/);
    sandbox.dispose();
  });
});

describe('persistence', () => {
  it('restores a snapshot into an identical world', async () => {
    const first = createSandbox({ speed: 0, start: '2026-03-02T15:00:00Z' });
    const api = callerFor(first.fetch, 'http://x', first.credentials.apiKey);
    const created = await api<{ access_code: AccessCode }>('/access_codes/create', {
      device_id: first.catalogue.devices.slow,
      code: '4242',
    });
    first.clock.advance(6 * 60_000);
    const second = createSandbox({ speed: 0, state: first.snapshot() });
    const again = callerFor(second.fetch, 'http://x', second.credentials.apiKey);
    const id = created.body.access_code.access_code_id;
    expect(await readCode(again, id)).toEqual(await readCode(api, id));
    // Timers come back from the records: both worlds finish the slow programming alike.
    first.clock.advance(20 * 60_000);
    second.clock.advance(20 * 60_000);
    expect((await readCode(again, id))?.status).toBe('set');
    expect(second.events()).toEqual(first.events());
  });

  it('lets virtual time catch up with the downtime of a running clock', () => {
    const file = {
      format: 'seam-sandbox-state' as const,
      saved_at: '2026-03-02T15:00:00.000Z',
      speed: 60,
      state: { now: Date.parse('2026-03-10T00:00:00Z') } as never,
    };
    const later = Date.parse('2026-03-02T15:00:10.000Z');
    expect(resumeTime(file, later)).toBe(Date.parse('2026-03-10T00:10:00Z'));
    expect(resumeTime({ ...file, speed: 0 }, later)).toBe(Date.parse('2026-03-10T00:00:00Z'));
  });
});

describe('seam-sandbox serve', () => {
  it('prints its URL and credentials, saves its state, stops on SIGTERM and resumes from the file', async () => {
    const state = join(directory, 'state.json');
    const first = await startCli(['--port', '0', '--speed', '0', '--state', state]);
    const { credentials, devices } = SANDBOX_CATALOGUE;
    expect(first.output()).toContain(credentials.apiKey);
    expect(first.output()).toContain(credentials.clientSessionToken);
    expect(first.output()).toContain(credentials.controlToken);
    expect(first.output()).toContain(`builtInKeypad       ${devices.builtInKeypad}`);
    const api = callerFor(fetch, first.url, credentials.apiKey);
    const control = callerFor(fetch, first.url, credentials.controlToken);
    const created = await api<{ access_code: AccessCode }>('/access_codes/create', {
      device_id: devices.builtInKeypad,
      code: '6543',
    });
    const id = created.body.access_code.access_code_id;
    await control('/_sandbox/clock/advance', { ms: 10_000 });
    const before = await readCode(api, id);
    expect(before?.status).toBe('set');
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(first.output()).toContain('SIGTERM, stopping');
    expect(readStateFile(state)?.state.access_codes.map((code) => code.access_code_id)).toContain(
      id,
    );

    const second = await startCli(['--port', '0', '--speed', '0', '--state', state]);
    expect(second.output()).toContain('(restored)');
    const again = callerFor(fetch, second.url, credentials.apiKey);
    expect(await readCode(again, id)).toEqual(before);
    expect(await second.stop('SIGINT')).toBe(0);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({ format: 'seam-sandbox-state' });
  });

  it('turns control off with --no-control and explains bad arguments', async () => {
    const closed = await startCli(['--port', '0', '--no-control']);
    const control = callerFor(fetch, closed.url, SANDBOX_CATALOGUE.credentials.controlToken);
    expect((await control('/_sandbox/clock/get')).status).toBe(404);
    expect(closed.output()).toContain('off (--no-control)');
    expect(await closed.stop()).toBe(0);

    const bad = await runCliOnce(['serve', '--speed', 'fast']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--speed must be a number of 0 or more, got "fast"');
    const unknown = await runCliOnce(['launch']);
    expect(unknown.code).toBe(2);
    expect((await runCliOnce(['--help'])).output).toContain('Usage: seam-sandbox serve');
  });
});
