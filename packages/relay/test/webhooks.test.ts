import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  WORKSPACE_B,
  accessCodeEvent,
  bearer,
  deliver,
  newWebhookSecret,
  postWebhook,
  signedDelivery,
  startTestRelay,
  token,
} from './support/fixtures.js';
import { openSse, type SseConnection } from './support/sse-client.js';

/** Sends a valid event for `code` and waits until `subscriber` has it: everything before it has arrived too. */
async function barrier(url: string, subscriber: SseConnection, code: string): Promise<void> {
  const event = accessCodeEvent({ access_code_id: code, event_type: 'access_code.changed' });
  expect((await deliver(url, event)).status).toBe(200);
  await subscriber.nextEvent((received) => received.id === event.event_id);
}

describe('POST /webhooks/seam', () => {
  it('fans a verified event out to the subscribers of its workspace and code only', async () => {
    const relay = await startTestRelay();
    const watcher = await openSse(`${relay.url}/events`, bearer(token(['code_1'])));
    const otherCode = await openSse(`${relay.url}/events`, bearer(token(['code_2'])));
    // Same code id, other workspace: ids are only unique within a workspace as far as we know.
    const otherWorkspace = await openSse(
      `${relay.url}/events`,
      bearer(token(['code_1'], { workspace_id: WORKSPACE_B })),
    );
    expect([watcher.status, otherCode.status, otherWorkspace.status]).toEqual([200, 200, 200]);

    const event = accessCodeEvent({ access_code_id: 'code_1' });
    const response = await deliver(relay.url, event);
    expect(response).toEqual({ status: 200, body: { status: 'accepted' } });

    const received = await watcher.nextEvent();
    expect(received.id).toBe(event.event_id);
    expect(received.event).toBe('access_code.set_on_device');
    expect(JSON.parse(received.data)).toEqual(event);

    await barrier(relay.url, otherCode, 'code_2');
    const workspaceBEvent = accessCodeEvent({
      access_code_id: 'code_1',
      workspace_id: WORKSPACE_B,
    });
    await deliver(relay.url, workspaceBEvent);
    await otherWorkspace.nextEvent((e) => e.id === workspaceBEvent.event_id);

    expect(otherCode.events.map((e) => e.id)).not.toContain(event.event_id);
    expect(otherWorkspace.events.map((e) => e.id)).toEqual([workspaceBEvent.event_id]);
    expect(watcher.events.map((e) => e.id)).toEqual([event.event_id]);
    expect(relay.relay.stats.webhooks.accepted).toBe(3);
    for (const connection of [watcher, otherCode, otherWorkspace]) connection.close();
  });

  it('accepts the unbranded webhook-* headers of Standard Webhooks', async () => {
    const relay = await startTestRelay();
    const watcher = await openSse(`${relay.url}/events`, bearer(token(['code_1'])));
    const event = accessCodeEvent({ access_code_id: 'code_1' });
    const { body, headers } = signedDelivery(event);
    const unbranded = {
      'content-type': 'application/json',
      'webhook-id': headers['svix-id'] ?? '',
      'webhook-timestamp': headers['svix-timestamp'] ?? '',
      'webhook-signature': headers['svix-signature'] ?? '',
    };
    expect((await postWebhook(relay.url, { body, headers: unbranded })).status).toBe(200);
    expect((await watcher.nextEvent()).id).toBe(event.event_id);
    watcher.close();
  });

  describe('refuses forged or stale deliveries and keeps nothing from them', () => {
    const cases: {
      name: string;
      status: number;
      type: string;
      make: (
        event: Record<string, unknown>,
        id: string,
      ) => { body: string; headers: Record<string, string> };
    }[] = [
      {
        name: 'a tampered body',
        status: 401,
        type: 'invalid_signature',
        make: (event, id) => {
          const delivery = signedDelivery(event, { id });
          return { ...delivery, body: delivery.body.replace('code_1', 'code_9') };
        },
      },
      {
        name: 'a tampered signature',
        status: 401,
        type: 'invalid_signature',
        make: (event, id) => {
          const delivery = signedDelivery(event, { id });
          const signature = delivery.headers['svix-signature'] ?? '';
          const flipped =
            signature.slice(0, 5) + (signature[5] === 'A' ? 'B' : 'A') + signature.slice(6);
          return { ...delivery, headers: { ...delivery.headers, 'svix-signature': flipped } };
        },
      },
      {
        name: 'the wrong secret',
        status: 401,
        type: 'invalid_signature',
        make: (event, id) => signedDelivery(event, { id, secret: newWebhookSecret() }),
      },
      {
        name: 'a replayed old timestamp (6 minutes)',
        status: 401,
        type: 'stale_timestamp',
        make: (event, id) => signedDelivery(event, { id, date: new Date(Date.now() - 6 * 60_000) }),
      },
      {
        name: 'a timestamp from the future (6 minutes)',
        status: 401,
        type: 'stale_timestamp',
        make: (event, id) => signedDelivery(event, { id, date: new Date(Date.now() + 6 * 60_000) }),
      },
      ...(['svix-id', 'svix-timestamp', 'svix-signature'] as const).map((missing) => ({
        name: `no ${missing} header`,
        status: 400,
        type: 'missing_signature_headers',
        make: (event: Record<string, unknown>, id: string) => {
          const delivery = signedDelivery(event, { id });
          const headers = { ...delivery.headers };
          delete headers[missing];
          return { ...delivery, headers };
        },
      })),
      {
        name: 'a non-numeric timestamp',
        status: 400,
        type: 'invalid_signature_headers',
        make: (event, id) => {
          const delivery = signedDelivery(event, { id });
          return { ...delivery, headers: { ...delivery.headers, 'svix-timestamp': 'yesterday' } };
        },
      },
    ];

    for (const testCase of cases) {
      it(`${testCase.name} → ${testCase.status} ${testCase.type}`, async () => {
        const relay = await startTestRelay();
        const watcher = await openSse(`${relay.url}/events`, bearer(token(['code_1'])));
        const event = accessCodeEvent({ access_code_id: 'code_1' });
        const svixId = `msg_forged_${Math.random().toString(36).slice(2)}`;

        const response = await postWebhook(relay.url, testCase.make(event, svixId));
        expect(response.status).toBe(testCase.status);
        expect(response.body).toMatchObject({ error: { type: testCase.type } });
        expect(relay.relay.stats).toMatchObject({
          replayBuffer: { size: 0 },
          webhooks: { accepted: 0, rejected: 1 },
          eventsDelivered: 0,
        });

        // Nothing was remembered: the genuine delivery with the same ids still goes through.
        expect(await deliver(relay.url, event, { id: svixId })).toEqual({
          status: 200,
          body: { status: 'accepted' },
        });
        const received = await watcher.nextEvent();
        expect(received.id).toBe(event.event_id);
        expect(watcher.events).toHaveLength(1);
        expect(relay.logs.find((entry) => entry.status === testCase.status)?.reason).toBe(
          testCase.type,
        );
        watcher.close();
      });
    }
  });

  it('delivers a retried delivery (same svix-id) once and acknowledges the retry', async () => {
    const relay = await startTestRelay();
    const watcher = await openSse(`${relay.url}/events`, bearer(token(['code_1', 'code_2'])));
    const event = accessCodeEvent({ access_code_id: 'code_1' });
    const svixId = 'msg_2a1b';
    expect((await deliver(relay.url, event, { id: svixId })).body).toEqual({ status: 'accepted' });
    // Svix re-signs each attempt with a new timestamp, same id.
    const retry = await deliver(relay.url, event, {
      id: svixId,
      date: new Date(Date.now() + 5000),
    });
    expect(retry).toEqual({ status: 200, body: { status: 'duplicate' } });
    // The same Seam event through a second endpoint (another svix-id) is a duplicate as well.
    expect((await deliver(relay.url, event, { id: 'msg_other_endpoint' })).body).toEqual({
      status: 'duplicate',
    });

    await barrier(relay.url, watcher, 'code_2');
    expect(watcher.events.filter((e) => e.id === event.event_id)).toHaveLength(1);
    expect(relay.relay.stats.webhooks).toMatchObject({ accepted: 2, duplicates: 2 });
    expect(relay.relay.stats.replayBuffer.size).toBe(2);
    watcher.close();
  });

  it('acknowledges but does not forward verified events that name no access code', async () => {
    const relay = await startTestRelay();
    const deviceEvent = {
      event_id: 'c2f3c1de-1111-4e2b-9f0e-2d7d1a9b0001',
      event_type: 'device.disconnected',
      workspace_id: 'workspace_a',
      device_id: 'device_1',
      created_at: new Date().toISOString(),
      occurred_at: new Date().toISOString(),
    };
    expect(await deliver(relay.url, deviceEvent)).toEqual({
      status: 200,
      body: { status: 'ignored' },
    });
    expect(relay.relay.stats).toMatchObject({
      replayBuffer: { size: 0 },
      webhooks: { ignored: 1 },
    });
  });

  it('refuses signed bodies that are not JSON or not Seam events with 400', async () => {
    const relay = await startTestRelay();
    const notJson = await deliver(relay.url, 'not json');
    expect(notJson).toMatchObject({ status: 400, body: { error: { type: 'invalid_json' } } });
    const notEvent = await deliver(relay.url, { hello: 'world' });
    expect(notEvent.status).toBe(400);
    expect(notEvent.body).toMatchObject({ error: { type: 'invalid_event' } });
    expect(JSON.stringify(notEvent.body)).toContain('event_id is missing');
    expect(relay.relay.stats.webhooks.rejected).toBe(2);
  });

  it('answers 413 to a body over the limit, declared or streamed, and stores nothing', async () => {
    const relay = await startTestRelay({ maxBodyBytes: 1024 });
    const big = accessCodeEvent({ access_code_id: 'code_1' });
    big.padding = 'x'.repeat(4096);
    const declared = await deliver(relay.url, big);
    expect(declared).toMatchObject({ status: 413, body: { error: { type: 'payload_too_large' } } });

    // Chunked, with no Content-Length: the relay must count as it reads.
    const { body, headers } = signedDelivery(big);
    const streamed = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${relay.url}/webhooks/seam`);
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let offset = 0; offset < body.length; offset += 512)
        req.write(body.slice(offset, offset + 512));
      req.end();
    });
    expect(streamed).toBe(413);
    expect(relay.relay.stats).toMatchObject({
      replayBuffer: { size: 0 },
      webhooks: { rejected: 2 },
    });
    // A body just under the limit still works.
    expect((await deliver(relay.url, accessCodeEvent({ access_code_id: 'code_1' }))).status).toBe(
      200,
    );
  });

  it('answers 405 to other methods and 404 to unknown paths', async () => {
    const relay = await startTestRelay();
    const get = await fetch(`${relay.url}/webhooks/seam`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const unknown = await fetch(`${relay.url}/webhooks/other`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { type: 'not_found' } });
  });
});

describe('prototype pollution through a webhook body', () => {
  it('leaves __proto__, constructor and prototype keys out of what subscribers receive', async () => {
    const relay = await startTestRelay();
    const watcher = await openSse(`${relay.url}/events`, bearer(token(['code_p'])));
    const event = {
      ...accessCodeEvent({ access_code_id: 'code_p' }),
      ['__proto__']: { polluted: 'yes' },
      data: { constructor: { prototype: { polluted: 'yes' } }, kept: 1 },
    };
    expect((await deliver(relay.url, event)).status).toBe(200);
    const received = await watcher.nextEvent();
    expect(received.data).not.toMatch(/__proto__|constructor|prototype/);
    expect(JSON.parse(received.data)).toMatchObject({
      access_code_id: 'code_p',
      data: { kept: 1 },
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    watcher.close();
  });
});
