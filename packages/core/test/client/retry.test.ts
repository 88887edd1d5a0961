// Retries: reads survive a 503 outage window on the real fake, writes are not retried blindly,
// 429 honours Retry-After, backoff is exponential with full jitter. Delays are injected, so no
// test waits for real except the one that checks the default timer with tiny delays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  SeamApiError,
  SeamClient,
  SeamNetworkError,
  SeamRateLimitError,
  defaultRetryOptions,
  isRetryable,
  parseRetryAfter,
  type SeamRetryEvent,
  type Sleep,
} from '../../src/client/index.js';
import { retryDelay } from '../../src/client/retry.js';
import {
  recordingFetch,
  sendJson,
  startFakeSeam,
  startLocalServer,
  type FakeSeam,
} from './support/servers.js';

let seam: FakeSeam;

beforeAll(async () => {
  seam = await startFakeSeam();
});

afterAll(async () => {
  await seam.close();
});

async function outage(routes: string[]): Promise<void> {
  const response = await fetch(`${seam.endpoint}/_fake/simulate_workspace_outage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ workspace_id: seam.seed.seed_workspace_1, routes }),
  });
  expect(response.status).toBe(200);
}

/** A sleep that records the delays and runs `onSleep` instead of waiting. */
function fakeSleep(onSleep: (count: number) => void | Promise<void> = () => undefined) {
  const delays: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted();
    delays.push(ms);
    await onSleep(delays.length);
  };
  return { sleep, delays };
}

describe('reads against a 503 outage of the fake', () => {
  it('a read survives an outage window that ends during its backoff', async () => {
    await outage(['/devices/get']);
    const recorder = recordingFetch();
    const retries: SeamRetryEvent[] = [];
    const { sleep, delays } = fakeSleep(async (count) => {
      if (count === 2) await outage([]); // The outage ends during the second backoff.
    });
    const client = SeamClient.fromApiKey(seam.seed.seam_apikey1_token, {
      endpoint: seam.endpoint,
      fetch: recorder.fetch,
      retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 },
      sleep,
      random: () => 0.5,
      onRetry: (event) => retries.push(event),
    });
    const device = await client.devices.get({ device_id: seam.seed.august_device_1 });
    expect(device.device_id).toBe(seam.seed.august_device_1);
    expect(recorder.requests).toHaveLength(3);
    expect(delays).toEqual([50, 100]); // 0.5 × 100, 0.5 × 200: exponential, full jitter.
    expect(
      retries.map((event) => [event.attempt, event.delayMs, (event.error as SeamApiError).status]),
    ).toEqual([
      [1, 50, 503],
      [2, 100, 503],
    ]);
  });

  it('a read that outlasts its retries throws the 503', async () => {
    await outage(['/devices/get']);
    try {
      const recorder = recordingFetch();
      const { sleep } = fakeSleep();
      const client = SeamClient.fromApiKey(seam.seed.seam_apikey1_token, {
        endpoint: seam.endpoint,
        fetch: recorder.fetch,
        retry: { retries: 2 },
        sleep,
      });
      await expect(
        client.devices.get({ device_id: seam.seed.august_device_1 }),
      ).rejects.toMatchObject({
        name: 'SeamApiError',
        status: 503,
      });
      expect(recorder.requests).toHaveLength(3);
    } finally {
      await outage([]);
    }
  });

  it('a write is not retried on 503: Seam may have acted', async () => {
    await outage(['/access_codes/create']);
    try {
      const recorder = recordingFetch();
      const { sleep, delays } = fakeSleep();
      const client = SeamClient.fromApiKey(seam.seed.seam_apikey1_token, {
        endpoint: seam.endpoint,
        fetch: recorder.fetch,
        sleep,
      });
      await expect(
        client.accessCodes.create({
          device_id: seam.seed.august_device_1,
          name: 'During outage',
          code: '9753',
        }),
      ).rejects.toMatchObject({ status: 503 });
      expect(recorder.requests).toHaveLength(1);
      expect(delays).toEqual([]);
    } finally {
      await outage([]);
    }
  });
});

describe('rate limits (429 with Retry-After) on a local server', () => {
  async function rateLimitedServer(retryAfter: string, successBody: unknown) {
    let calls = 0;
    return startLocalServer((_request, response) => {
      calls += 1;
      if (calls === 1) {
        sendJson(
          response,
          429,
          { error: { type: 'rate_limited', message: 'Too many requests' } },
          { 'retry-after': retryAfter },
        );
      } else {
        sendJson(response, 200, successBody);
      }
    });
  }

  it('a read waits Retry-After seconds, then succeeds', async () => {
    const server = await rateLimitedServer('2', { device: { device_id: 'd1' } });
    try {
      const { sleep, delays } = fakeSleep();
      const client = SeamClient.withoutAuth({ endpoint: server.endpoint, sleep, random: () => 0 });
      await expect(client.devices.get({ device_id: 'd1' })).resolves.toEqual({ device_id: 'd1' });
      expect(delays).toEqual([2000]);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('a write is retried on 429 too, because Seam turned it away before acting', async () => {
    const server = await rateLimitedServer('1', {
      access_code: { access_code_id: 'a1', device_id: 'd1' },
    });
    try {
      const { sleep, delays } = fakeSleep();
      const client = SeamClient.withoutAuth({ endpoint: server.endpoint, sleep, random: () => 0 });
      await expect(client.accessCodes.create({ device_id: 'd1' })).resolves.toMatchObject({
        access_code_id: 'a1',
      });
      expect(delays).toEqual([1000]);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('a Retry-After longer than maxDelayMs is not waited out: the caller gets retryAfterMs', async () => {
    const server = await rateLimitedServer('60', { device: { device_id: 'd1' } });
    try {
      const { sleep, delays } = fakeSleep();
      const client = SeamClient.withoutAuth({ endpoint: server.endpoint, sleep });
      const error = await client.devices
        .get({ device_id: 'd1' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SeamRateLimitError);
      expect((error as SeamRateLimitError).retryAfterMs).toBe(60_000);
      expect(delays).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('a Retry-After given as an HTTP date is honoured', async () => {
    const when = new Date(Date.now() + 3_000).toUTCString();
    const server = await rateLimitedServer(when, { device: { device_id: 'd1' } });
    try {
      const { sleep, delays } = fakeSleep();
      const client = SeamClient.withoutAuth({ endpoint: server.endpoint, sleep, random: () => 0 });
      await client.devices.get({ device_id: 'd1' });
      expect(delays).toHaveLength(1);
      // HTTP dates have whole seconds: between 1 s and 3 s remain.
      expect(delays[0]).toBeGreaterThan(1_000);
      expect(delays[0]).toBeLessThanOrEqual(3_000);
    } finally {
      await server.close();
    }
  });
});

describe('network errors', () => {
  it('a read is retried after the connection dropped; the default timer is used with tiny delays', async () => {
    let calls = 0;
    const server = await startLocalServer((_request, response) => {
      calls += 1;
      if (calls === 1) response.socket?.destroy();
      else sendJson(response, 200, { devices: [{ device_id: 'd1' }] });
    });
    try {
      const client = SeamClient.withoutAuth({
        endpoint: server.endpoint,
        retry: { baseDelayMs: 5, maxDelayMs: 5 },
      });
      await expect(client.devices.list()).resolves.toEqual([{ device_id: 'd1' }]);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('a write that was certainly not sent (connection refused) is retried; one that may have been sent is not', async () => {
    let refused = 0;
    const refusing = async (): Promise<Response> => {
      refused += 1;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    };
    const { sleep } = fakeSleep();
    const client = SeamClient.withoutAuth({ fetch: refusing, sleep });
    await expect(client.accessCodes.create({ device_id: 'd1' })).rejects.toMatchObject({
      name: 'SeamNetworkError',
      requestMayHaveBeenSent: false,
    });
    expect(refused).toBe(1 + defaultRetryOptions.retries);

    let reset = 0;
    const resetting = async (): Promise<Response> => {
      reset += 1;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      });
    };
    const writer = SeamClient.withoutAuth({ fetch: resetting, sleep });
    const error = await writer.accessCodes
      .create({ device_id: 'd1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeamNetworkError);
    expect((error as SeamNetworkError).requestMayHaveBeenSent).toBe(true);
    expect((error as Error).message).toContain('socket hang up (ECONNRESET)');
    expect(reset).toBe(1);
  });

  it('an abort during the backoff rejects with the signal reason and sends nothing more', async () => {
    let calls = 0;
    const failing = async (): Promise<Response> => {
      calls += 1;
      return new Response('', { status: 503 });
    };
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const client = SeamClient.withoutAuth({
      fetch: failing,
      retry: { retries: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 },
      random: () => 0.99,
      onRetry: () => queueMicrotask(() => controller.abort(reason)),
    });
    await expect(client.devices.list({}, { signal: controller.signal })).rejects.toBe(reason);
    expect(calls).toBe(1);
  });
});

describe('the retry policy itself', () => {
  const options = { retries: 3, baseDelayMs: 100, maxDelayMs: 250 };
  const serverError = new SeamApiError({
    type: 'internal_server_error',
    message: 'x',
    status: 500,
  });

  it('backs off exponentially up to maxDelayMs with full jitter', () => {
    expect(
      [0, 1, 2].map((attempt) => retryDelay(serverError, attempt, 'read', options, () => 0.999)),
    ).toEqual([99, 199, 249]);
    expect(
      [0, 1, 2].map((attempt) => retryDelay(serverError, attempt, 'read', options, () => 0)),
    ).toEqual([0, 0, 0]);
    expect(retryDelay(serverError, 3, 'read', options, () => 0.5)).toBeNull();
  });

  it('retries reads on 5xx (not 501/505), timeouts and network errors; writes only on 429 or unsent requests', () => {
    const status = (code: number) => new SeamApiError({ type: 't', message: 'm', status: code });
    expect(isRetryable(status(503), 'read')).toBe(true);
    expect(isRetryable(status(501), 'read')).toBe(false);
    expect(isRetryable(status(404), 'read')).toBe(false);
    expect(isRetryable(status(503), 'write')).toBe(false);
    expect(
      isRetryable(new SeamRateLimitError({ type: 'r', message: 'm', status: 429 }), 'write'),
    ).toBe(true);
    expect(
      isRetryable(new SeamNetworkError({ message: 'm', requestMayHaveBeenSent: true }), 'read'),
    ).toBe(true);
    expect(
      isRetryable(new SeamNetworkError({ message: 'm', requestMayHaveBeenSent: true }), 'write'),
    ).toBe(false);
    expect(
      isRetryable(new SeamNetworkError({ message: 'm', requestMayHaveBeenSent: false }), 'write'),
    ).toBe(true);
    expect(isRetryable(new Error('unknown'), 'read')).toBe(false);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
