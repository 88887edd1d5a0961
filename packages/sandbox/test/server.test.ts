import type { AccessCode } from '@seamapi/types/connect';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_CATALOGUE } from '../src/index.js';
import { parseServeArgs, readStateFile, resumeTime, startServer } from '../src/node/index.js';
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

  it('refuses requests addressed to another host name while it listens on loopback (DNS rebinding)', async () => {
    const sandbox = createSandbox({ speed: 0, start: '2026-03-02T15:00:00Z', control: true });
    const server = await startServer(sandbox, { port: 0 });
    const open = await startServer(sandbox, { port: 0, host: '0.0.0.0' });
    try {
      const ask = (port: number, host: string) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const request = httpRequest(
            {
              host: '127.0.0.1',
              port,
              path: '/_sandbox/clock/advance',
              method: 'POST',
              headers: {
                host,
                authorization: `Bearer ${sandbox.controlToken}`,
                'content-type': 'application/json',
              },
            },
            (response) => {
              let body = '';
              response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
              response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
            },
          );
          request.on('error', reject);
          request.end(JSON.stringify({ ms: 3_600_000 }));
        });
      const before = sandbox.clock.now();
      for (const host of ['evil.example', `evil.example:${server.port}`, '127.0.0.1.nip.io']) {
        const refused = await ask(server.port, host);
        expect(refused.status, host).toBe(403);
        expect(JSON.parse(refused.body).error.type).toBe('host_not_allowed');
      }
      expect(sandbox.clock.now()).toBe(before);
      for (const host of [
        `127.0.0.1:${server.port}`,
        `localhost:${server.port}`,
        `[::1]:${server.port}`,
      ]) {
        expect((await ask(server.port, host)).status, host).toBe(200);
      }
      // Bound to every interface on purpose: names are the operator's business.
      expect((await ask(open.port, 'sandbox.lan')).status).toBe(200);
    } finally {
      await server.close();
      await open.close();
    }
  });

  it('refuses other web sites: the demo credentials are public, so only local pages (and the ones you allow) may call it', async () => {
    const sandbox = createSandbox({ speed: 0, start: '2026-03-02T15:00:00Z', control: true });
    const server = await startServer(sandbox, { port: 0 });
    const allowing = await startServer(sandbox, {
      port: 0,
      allowedOrigins: ['https://staging.example.com'],
    });
    try {
      const control = { authorization: `Bearer ${sandbox.controlToken}` };
      for (const origin of [
        'https://evil.example',
        'http://localhost.evil.example',
        'http://127.0.0.1.nip.io:5173',
        'null',
      ]) {
        const preflight = await fetch(`${server.url}/_sandbox/clock/advance`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
        // The preflight passes so that the page's request comes and meets a readable refusal.
        expect(preflight.status, origin).toBe(204);
        expect(preflight.headers.get('access-control-allow-origin'), origin).toBe(origin);
        const before = sandbox.clock.now();
        const advanced = await fetch(`${server.url}/_sandbox/clock/advance`, {
          method: 'POST',
          headers: { ...control, origin, 'content-type': 'application/json' },
          body: JSON.stringify({ ms: 3_600_000 }),
        });
        expect(advanced.status, origin).toBe(403);
        // Readable by the refused page (issue 10, finding 5), so it can say what to do.
        expect(advanced.headers.get('access-control-allow-origin')).toBe(origin);
        expect(advanced.headers.get('access-control-allow-credentials')).toBe('true');
        const body = (await advanced.json()) as { error: { type: string; message: string } };
        expect(body.error.type).toBe('origin_not_allowed');
        expect(body.error.message).toContain(`--allow-origin ${origin}`);
        expect(sandbox.clock.now()).toBe(before);
      }
      // Local pages and browser extensions are served.
      for (const origin of [
        'http://localhost:5173',
        'http://127.0.0.1:8000',
        'http://[::1]:3000',
        'http://playground.localhost:5173',
        'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      ]) {
        const devices = await fetch(`${server.url}/devices/list`, {
          method: 'POST',
          headers: { origin, authorization: `Bearer ${sandbox.credentials.apiKey}` },
        });
        expect(devices.status, origin).toBe(200);
        expect(devices.headers.get('access-control-allow-origin')).toBe(origin);
      }
      // An origin the operator allowed.
      const staging = await fetch(`${allowing.url}/devices/list`, {
        method: 'POST',
        headers: {
          origin: 'https://staging.example.com',
          authorization: `Bearer ${sandbox.credentials.apiKey}`,
        },
      });
      expect(staging.status).toBe(200);
      expect(staging.headers.get('access-control-allow-origin')).toBe(
        'https://staging.example.com',
      );
      await expect(
        startServer(sandbox, { port: 0, allowedOrigins: ['https://x.com/'] }),
      ).rejects.toThrow(/not an origin/);
    } finally {
      await server.close();
      await allowing.close();
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
    const origin = await runCliOnce(['serve', '--allow-origin', 'https://staging.example.com/']);
    expect(origin.code).toBe(2);
    expect(origin.output).toContain('--allow-origin must be an origin');
    expect(
      parseServeArgs([
        'serve',
        '--allow-origin',
        'https://a.example',
        '--allow-origin',
        'http://b.example:8080',
      ])?.allowOrigins,
    ).toEqual(['https://a.example', 'http://b.example:8080']);
    const unknown = await runCliOnce(['launch']);
    expect(unknown.code).toBe(2);
    expect((await runCliOnce(['--help'])).output).toContain('Usage: seam-sandbox serve');
  });
});
