// Per-request timeouts against a local server on 127.0.0.1 that never answers, and AbortSignal
// handling: an abort rejects with the signal's reason and is never retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SeamClient, SeamTimeoutError, isSeamTimeoutError } from '../../src/client/index.js';
import { recordingFetch, startLocalServer, type LocalServer } from './support/servers.js';

let silent: LocalServer;

beforeAll(async () => {
  // Reads the request, then never answers.
  silent = await startLocalServer(() => undefined);
});

afterAll(async () => {
  await silent.close();
});

describe('timeouts', () => {
  it('a read gets SeamTimeoutError after timeoutMs, once per attempt, and is retried', async () => {
    // Attempts are counted as the client makes them: under load the server may not see a request
    // before its attempt times out.
    const recorder = recordingFetch();
    const client = SeamClient.withoutAuth({
      endpoint: silent.endpoint,
      fetch: recorder.fetch,
      timeoutMs: 80,
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const started = performance.now();
    const error = await client.devices.list().then(
      () => null,
      (caught: unknown) => caught,
    );
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(SeamTimeoutError);
    expect(isSeamTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({
      route: '/devices/list',
      timeoutMs: 80,
      requestMayHaveBeenSent: true,
    });
    expect((error as Error).message).toMatch(/got no answer within 80 ms/);
    expect(recorder.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('a write that timed out is not retried: it may have been acted on', async () => {
    const recorder = recordingFetch();
    const client = SeamClient.withoutAuth({
      endpoint: silent.endpoint,
      fetch: recorder.fetch,
      timeoutMs: 50,
    });
    await expect(
      client.accessCodes.create({ device_id: 'd1', code: '1234' }),
    ).rejects.toBeInstanceOf(SeamTimeoutError);
    expect(recorder.requests).toHaveLength(1);
  });

  it('a per-call timeoutMs overrides the client default', async () => {
    const client = SeamClient.withoutAuth({
      endpoint: silent.endpoint,
      timeoutMs: 60_000,
      retry: false,
    });
    await expect(client.devices.get({ device_id: 'd1' }, { timeoutMs: 40 })).rejects.toMatchObject({
      timeoutMs: 40,
    });
  });

  it('holds even for a transport that ignores the signal', async () => {
    const client = new SeamClient({
      transport: () => new Promise(() => undefined),
      timeoutMs: 30,
      retry: false,
    });
    await expect(client.devices.get({ device_id: 'd1' })).rejects.toBeInstanceOf(SeamTimeoutError);
  });

  it('Infinity disables the timeout', async () => {
    const client = new SeamClient({
      transport: () =>
        new Promise((resolve) => setTimeout(() => resolve({ device: { device_id: 'd1' } }), 30)),
      timeoutMs: Infinity,
    });
    await expect(client.devices.get({ device_id: 'd1' })).resolves.toEqual({ device_id: 'd1' });
  });
});

describe('AbortSignal', () => {
  it('an abort mid-request rejects with the signal reason, with no retry', async () => {
    const recorder = recordingFetch();
    const client = SeamClient.withoutAuth({
      endpoint: silent.endpoint,
      fetch: recorder.fetch,
      timeoutMs: 10_000,
    });
    const controller = new AbortController();
    const reason = new Error('closed the dialog');
    const pending = client.devices.list({}, { signal: controller.signal }).toArray();
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(recorder.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const before = silent.requests.length;
    const client = SeamClient.withoutAuth({ endpoint: silent.endpoint });
    const controller = new AbortController();
    controller.abort('gone');
    await expect(
      client.accessCodes.get({ access_code_id: 'a1' }, { signal: controller.signal }),
    ).rejects.toBe('gone');
    expect(silent.requests.length - before).toBe(0);
  });

  it('the transport receives a signal that aborts with the caller', async () => {
    let seen: AbortSignal | undefined;
    const client = new SeamClient({
      transport: (_route, _body, { signal }) => {
        seen = signal;
        return new Promise(() => undefined);
      },
    });
    const controller = new AbortController();
    const pending = client.devices.get({ device_id: 'd1' }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen?.aborted).toBe(false);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(seen?.aborted).toBe(true);
  });
});
