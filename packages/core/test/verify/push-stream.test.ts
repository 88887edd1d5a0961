/**
 * One relay stream against a local SSE server that misbehaves on purpose: silence, closed streams,
 * expired tokens, wrong content types, overload, broken messages. Real HTTP on 127.0.0.1; the
 * reconnect and idle timers run on a manual clock, so no test waits for them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeamEvent } from '@seamapi/types/connect';
import type { TransportFailure } from '../../src/lifecycle/index.js';
import { createManualClock } from '../../src/verify/index.js';
import { resolvePushOptions } from '../../src/verify/push-options.js';
import { PushStream, type PushStreamHost } from '../../src/verify/push-source.js';
import { eventually } from './support/relay.js';

type Handler = (request: IncomingMessage, response: ServerResponse, index: number) => void;

let server: Server | undefined;
let stream: PushStream | undefined;
afterEach(async () => {
  stream?.close();
  stream = undefined;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(handler: Handler) {
  const requests: IncomingMessage[] = [];
  server = createServer((request, response) => {
    requests.push(request);
    handler(request, response, requests.length - 1);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests };
}

function sse(response: ServerResponse, text = ': connected\n\n'): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write(text);
}

function eventFrame(id: string): string {
  const event = { event_id: id, event_type: 'access_code.set_on_device', access_code_id: 'c1' };
  return `id: ${id}\nevent: access_code.set_on_device\ndata: ${JSON.stringify(event)}\n\n`;
}

function host() {
  const clock = createManualClock({ start: 0 });
  const record = {
    events: [] as SeamEvent[],
    opens: [] as { ids: readonly string[]; resumed: boolean }[],
    resyncs: 0,
    failures: [] as TransportFailure[],
    recovered: 0,
    lastIds: [] as string[],
    reports: [] as Error[],
  };
  const value: PushStreamHost = {
    clock,
    random: () => 0.5,
    onEvent: (event) => record.events.push(event),
    onOpen: (ids, resumed) => record.opens.push({ ids, resumed }),
    onResync: () => (record.resyncs += 1),
    onFailure: (_ids, failure) => record.failures.push(failure),
    onRecovered: () => (record.recovered += 1),
    onLastEventId: (id) => record.lastIds.push(id),
    report: (error) => record.reports.push(error as Error),
  };
  return { clock, record, value };
}

function open(url: string, h: ReturnType<typeof host>, token: string | (() => string) = 'tok') {
  const options = resolvePushOptions(
    { url, token, minReconnectDelayMs: 1_000, maxReconnectDelayMs: 8_000, idleTimeoutMs: 45_000 },
    'test',
  );
  stream = new PushStream(options, h.value, ['c1', 'c2'], '');
  stream.open();
  return stream;
}

describe('a relay stream', () => {
  it('sends the token in a header, the codes in the query, and applies events with ids', async () => {
    const { url, requests } = await serve((_request, response) => {
      sse(response, `retry: 500\n: connected\n\n${eventFrame('e1')}`);
    });
    const h = host();
    open(url, h);
    await eventually(() => h.record.events.length === 1, 5_000, 'an event');
    expect(requests[0]!.url).toBe('/events?access_code_ids=c1,c2');
    expect(requests[0]!.headers.authorization).toBe('Bearer tok');
    expect(requests[0]!.headers.accept).toBe('text/event-stream');
    expect(requests[0]!.headers['last-event-id']).toBeUndefined();
    expect(h.record.opens).toEqual([{ ids: ['c1', 'c2'], resumed: false }]);
    expect(h.record.lastIds).toEqual(['e1']);
  });

  it('reconnects after the server ends the stream, after its retry, with Last-Event-ID', async () => {
    const { url, requests } = await serve((_request, response, index) => {
      sse(response, `retry: 500\n\n${eventFrame(`e${index + 1}`)}`);
      if (index === 0) response.end();
    });
    const h = host();
    open(url, h);
    await eventually(() => h.clock.pendingTimers() > 0 && h.record.events.length === 1, 5_000);
    expect(h.clock.nextTimerAt()).toBe(500);
    await h.clock.advance(500);
    await eventually(() => requests.length === 2, 5_000, 'the reconnect');
    expect(requests[1]!.headers['last-event-id']).toBe('e1');
    await eventually(() => h.record.opens.length === 2, 5_000);
    expect(h.record.opens[1]!.resumed).toBe(true);
    // A clean end is no failure: nothing to report, nothing degraded.
    expect(h.record.failures).toEqual([]);
  });

  it('presumes a silent stream dead after the idle timeout and reconnects', async () => {
    const { url, requests } = await serve((_request, response) => sse(response));
    const h = host();
    open(url, h);
    await eventually(() => h.record.opens.length === 1, 5_000);
    await h.clock.advance(45_000);
    expect(h.record.failures[0]?.message).toMatch(/sent nothing for 45 s/);
    await h.clock.advance(1_000);
    await eventually(() => requests.length === 2, 5_000, 'the reconnect');
    await eventually(() => h.record.recovered === 1, 5_000, 'the recovery');
  });

  it('asks for a new token and reconnects at once when the relay says the token expired', async () => {
    let minted = 0;
    const { url, requests } = await serve((_request, response, index) => {
      sse(response);
      if (index === 0) {
        response.write('event: relay.token_expired\ndata: {}\n\n');
        response.end();
      }
    });
    const h = host();
    open(url, h, () => `tok${++minted}`);
    await eventually(() => h.clock.pendingTimers() > 0 && requests.length === 1, 5_000);
    await h.clock.advance(0);
    await eventually(() => requests.length === 2, 5_000, 'the reconnect');
    expect(requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer tok1',
      'Bearer tok2',
    ]);
  });

  it('waits out Retry-After when the relay is overloaded, and reports refusals', async () => {
    const { url, requests } = await serve((_request, response, index) => {
      if (index === 0) {
        response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '30' });
        response.end(JSON.stringify({ error: { type: 'too_many_subscribers', message: 'Full.' } }));
      } else if (index === 1) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { type: 'invalid_token', message: 'Expired.' } }));
      } else {
        sse(response);
      }
    });
    const h = host();
    open(url, h);
    await eventually(() => h.record.failures.length === 1 && h.clock.pendingTimers() > 0, 5_000);
    expect(h.record.failures[0]).toMatchObject({ type: 'too_many_subscribers', status: 503 });
    expect(h.clock.nextTimerAt()).toBe(30_000);
    await h.clock.advance(30_000);
    await eventually(() => requests.length === 2 && h.clock.pendingTimers() > 0, 5_000);
    expect(h.record.reports.map((error) => (error as Error & { status: number }).status)).toEqual([
      401,
    ]);
    expect(h.record.reports[0]!.message).toMatch(/refused the token/);
    await h.clock.advance(8_000);
    await eventually(() => h.record.opens.length === 1, 5_000, 'the open');
    expect(h.record.failures).toHaveLength(1);
    expect(h.record.recovered).toBe(1);
  });

  it('refuses a response that is not an event stream, and skips broken messages', async () => {
    const { url, requests } = await serve((_request, response, index) => {
      if (index === 0) {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<h1>Welcome</h1>');
      } else {
        sse(
          response,
          `id: x1\ndata: {not json\n\nid: x2\ndata: {"hello":1}\n\n${eventFrame('e3')}`,
        );
      }
    });
    const h = host();
    open(url, h);
    await eventually(() => h.record.failures.length === 1, 5_000);
    expect(h.record.failures[0]!.message).toMatch(/text\/html instead of text\/event-stream/);
    await h.clock.advance(8_000);
    await eventually(() => h.record.events.length === 1 && requests.length === 2, 5_000);
    expect(h.record.reports.map((error) => error.message)).toEqual([
      'The relay sent event x1 with data that is not JSON; it was skipped.',
      'The relay sent event x2, which is not a Seam event; it was skipped.',
    ]);
    expect(h.record.lastIds).toEqual(['x1', 'x2', 'e3']);
  });

  it('the push URL becomes <url>/events, once', () => {
    expect(
      resolvePushOptions({ url: 'https://relay.example.com', token: 't' }, 't').eventsUrl,
    ).toBe('https://relay.example.com/events');
    expect(resolvePushOptions({ url: 'https://x.test/relay/', token: 't' }, 't').eventsUrl).toBe(
      'https://x.test/relay/events',
    );
    expect(resolvePushOptions({ url: 'https://x.test/events', token: 't' }, 't').eventsUrl).toBe(
      'https://x.test/events',
    );
  });
});
