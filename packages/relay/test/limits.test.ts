import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createRelay } from '../src/relay.js';
import {
  SUBSCRIBER_SECRET,
  WEBHOOK_SECRET,
  accessCodeEvent,
  bearer,
  deliver,
  sleep,
  startTestRelay,
  token,
} from './support/fixtures.js';
import { openSse } from './support/sse-client.js';

describe('limits', () => {
  it('refuses a subscriber beyond the per-token limit with 429, and frees the slot on disconnect', async () => {
    const relay = await startTestRelay({ maxSubscribersPerToken: 2 });
    const subscriberToken = token(['code_1']);
    const first = await openSse(`${relay.url}/events`, bearer(subscriberToken));
    const second = await openSse(`${relay.url}/events`, bearer(subscriberToken));
    const third = await openSse(`${relay.url}/events`, bearer(subscriberToken));
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(third.errorBody).toMatchObject({ error: { type: 'too_many_streams_for_token' } });

    // Another token of the same user is counted separately.
    const otherToken = await openSse(`${relay.url}/events`, bearer(token(['code_1', 'code_2'])));
    expect(otherToken.status).toBe(200);

    first.close();
    await first.ended;
    await waitUntil(() => relay.relay.stats.subscribers === 2);
    const again = await openSse(`${relay.url}/events`, bearer(subscriberToken));
    expect(again.status).toBe(200);
    for (const stream of [second, otherToken, again]) stream.close();
  });

  it('refuses a subscriber beyond the instance limit with 503', async () => {
    const relay = await startTestRelay({ maxSubscribers: 2 });
    const streams = [];
    for (const code of ['code_1', 'code_2', 'code_3']) {
      streams.push(await openSse(`${relay.url}/events`, bearer(token([code]))));
    }
    expect(streams.map((stream) => stream.status)).toEqual([200, 200, 503]);
    expect(streams[2]?.errorBody).toMatchObject({ error: { type: 'too_many_subscribers' } });
    expect(streams[2]?.headers.get('retry-after')).toMatch(/^\d+$/);
    for (const stream of streams) stream.close();
  });

  it('drops a subscriber that stops reading instead of buffering without bound', async () => {
    const relay = await startTestRelay({ maxBufferedBytesPerSubscriber: 64 * 1024 });
    const url = new URL(relay.url);
    // A raw client that sends the request and then never reads: the kernel buffers fill up first.
    const socket = connect(Number(url.port), url.hostname);
    socket.write(
      `GET /events HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token(['code_1'])}\r\n\r\n`,
    );
    await waitUntil(() => relay.relay.stats.subscribers === 1);
    socket.pause();

    const bulky = { ...accessCodeEvent({ access_code_id: 'code_1' }), padding: 'x'.repeat(60_000) };
    for (let sent = 0; sent < 200 && relay.relay.stats.subscribers === 1; sent += 1) {
      await deliver(relay.url, { ...bulky, event_id: `event_${sent}` });
    }
    expect(relay.relay.stats.subscribers).toBe(0);
    expect(relay.logs.some((entry) => entry.reason === 'slow_subscriber')).toBe(true);
    socket.destroy();
  });
});

describe('robustness', () => {
  it('answers 400 to a request target that is not a URL, and keeps serving', async () => {
    const relay = await startTestRelay();
    const url = new URL(relay.url);
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      socket.write(`GET http://[ HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
      socket.once('data', (data) => {
        resolve(data.toString().split('\r\n')[0] ?? '');
        socket.destroy();
      });
      socket.once('error', reject);
    });
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${relay.url}/health`)).status).toBe(200);
  });
});

describe('GET /health', () => {
  it('reports counts as JSON without secrets', async () => {
    const relay = await startTestRelay({ replayBufferSize: 50 });
    const stream = await openSse(`${relay.url}/events`, bearer(token(['code_1'])));
    await deliver(relay.url, accessCodeEvent({ access_code_id: 'code_1' }));
    await stream.nextEvent();
    const response = await fetch(`${relay.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'ok',
      subscribers: 1,
      tokens: 1,
      replayBuffer: { size: 1, capacity: 50 },
      webhooks: { accepted: 1, duplicates: 0, ignored: 0, rejected: 0 },
      eventsDelivered: 1,
    });
    expect(typeof body.uptimeSeconds).toBe('number');
    const text = JSON.stringify(body);
    expect(text).not.toContain(SUBSCRIBER_SECRET);
    expect(text).not.toContain(WEBHOOK_SECRET.slice(6));
    stream.close();
  });
});

describe('close', () => {
  it('ends open streams, then refuses new requests with 503', async () => {
    const relay = createRelay({
      webhookSecret: WEBHOOK_SECRET,
      subscriberSecret: SUBSCRIBER_SECRET,
    });
    const server = await startTestRelay();
    const stream = await openSse(`${server.url}/events`, bearer(token(['code_1'])));
    await server.close();
    await stream.ended;
    expect(server.relay.stats.subscribers).toBe(0);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();

    // The bare handler, closed, answers 503 (a framework may keep its server running).
    await relay.close();
    const { createServer } = await import('node:http');
    const host = createServer(relay.handle);
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const address = host.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${address.port}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { type: 'shutting_down' } });
    host.closeAllConnections();
    await new Promise((resolve) => host.close(resolve));
  });
});

describe('options', () => {
  it.each([
    [{ webhookSecret: 'not-a-secret' }, /webhookSecret must be the Seam webhook signing secret/],
    [{ webhookSecret: 'whsec_c2hvcnQ=' }, /at least 16 bytes/],
    [{ subscriberSecret: 'short' }, /at least 32 bytes/],
    [{ maxBodyBytes: 0 }, /maxBodyBytes must be a whole number ≥ 1/],
    [{ heartbeatIntervalMs: 1.5 }, /heartbeatIntervalMs must be a whole number/],
    [{ allowedOrigins: ['https://app.example.com/'] }, /write it as scheme:\/\/host\[:port\]/],
    [{ allowedOrigins: ['app.example.com'] }, /is not an origin/],
  ])('createRelay refuses %j', (override, message) => {
    expect(() =>
      createRelay({
        webhookSecret: WEBHOOK_SECRET,
        subscriberSecret: SUBSCRIBER_SECRET,
        ...override,
      }),
    ).toThrow(message);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}
