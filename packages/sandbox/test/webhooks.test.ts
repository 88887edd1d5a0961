import type { SeamEvent } from '@seamapi/types/connect';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'svix';
import { afterEach, describe, expect, it } from 'vitest';
import { RETRY_DELAYS_MS } from '../src/index.js';
import { createCode, minute, setup } from './support/api.js';

interface Received {
  body: string;
  headers: Record<string, string>;
}

/** A loopback receiver that answers `statuses` in turn (then 200) and records every request. */
async function receiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers[name] = value;
      }
      received.push({ body, headers });
      response.writeHead(statuses.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/seam`;
  servers.push(server);
  return { url, received };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

describe('webhooks', () => {
  it('delivers each event signed as Svix signs it; svix verifies every one', async () => {
    const { api, sandbox, devices } = setup();
    const { url, received } = await receiver();
    const created = await api<{ webhook: { webhook_id: string; secret: string } }>(
      '/webhooks/create',
      {
        url,
      },
    );
    expect(created.body.webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const code = await createCode(api, { device_id: devices.builtInKeypad, code: '6161' });
    sandbox.clock.advance(10_000);
    await sandbox.whenIdle();

    const verifier = new Webhook(created.body.webhook.secret);
    const events = received.map(
      (delivery) => verifier.verify(delivery.body, delivery.headers) as SeamEvent,
    );
    expect(events.map((event) => event.event_type)).toEqual([
      'access_code.created',
      'access_code.set_on_device',
    ]);
    // What arrives is exactly what /events/list returns.
    const listed = await api<{ events: SeamEvent[] }>('/events/list', {
      since: '2026-03-01T00:00:00Z',
      access_code_id: code.access_code.access_code_id,
    });
    expect(events).toEqual(listed.body.events);
    for (const delivery of received) {
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.headers['svix-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    }
    // A tampered body or another secret fails verification.
    const setOnDevice = received[1]!;
    expect(setOnDevice.body).toContain('"code":"6161"');
    expect(() =>
      verifier.verify(setOnDevice.body.replace('6161', '6162'), setOnDevice.headers),
    ).toThrow(WebhookVerificationError);
    const other = new Webhook(`whsec_${btoa('another secret of 24 byte')}`);
    expect(() => other.verify(received[0]!.body, received[0]!.headers)).toThrow(
      WebhookVerificationError,
    );
  });

  it('retries failed deliveries on Svix’s schedule with the same svix-id, then succeeds', async () => {
    const { api, sandbox, devices } = setup();
    const { url, received } = await receiver([500, 503]);
    await api('/webhooks/create', { url, event_types: ['access_code.created'] });
    await createCode(api, { device_id: devices.schlage, code: '13579' });
    await sandbox.whenIdle();
    expect(received).toHaveLength(1);
    sandbox.clock.advance(RETRY_DELAYS_MS[0]! - 1);
    await sandbox.whenIdle();
    expect(received).toHaveLength(1);
    sandbox.clock.advance(1);
    await sandbox.whenIdle();
    expect(received).toHaveLength(2);
    sandbox.clock.advance(5 * minute);
    await sandbox.whenIdle();
    expect(received).toHaveLength(3);
    expect(new Set(received.map((delivery) => delivery.headers['svix-id'])).size).toBe(1);
    const [delivery] = sandbox.deliveries();
    expect(delivery).toMatchObject({ state: 'delivered' });
    expect(delivery!.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
    expect(delivery!.attempts.map((attempt) => attempt.at)).toEqual([
      '2026-03-02T15:00:00.000Z',
      '2026-03-02T15:00:05.000Z',
      '2026-03-02T15:05:05.000Z',
    ]);
  });

  it('gives up after the last retry when the endpoint never answers', async () => {
    const { api, sandbox, devices } = setup({
      webhookFetch: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:9')),
    });
    await api('/webhooks/create', {
      url: 'http://127.0.0.1:9/hook',
      event_types: ['access_code.created'],
    });
    await createCode(api, { device_id: devices.schlage, code: '13579' });
    for (const delay of RETRY_DELAYS_MS) {
      await sandbox.whenIdle();
      sandbox.clock.advance(delay);
    }
    await sandbox.whenIdle();
    const [delivery] = sandbox.deliveries();
    expect(delivery?.state).toBe('failed');
    expect(delivery?.attempts).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(delivery?.attempts[0]?.error).toMatch(/ECONNREFUSED/);
  });

  it('filters by event type, keeps workspaces apart, and stops after delete', async () => {
    const { api, other, sandbox, devices } = setup();
    const mine = await receiver();
    const theirs = await receiver();
    const created = await api<{ webhook: { webhook_id: string } }>('/webhooks/create', {
      url: mine.url,
      event_types: ['access_code.set_on_device'],
    });
    await other('/webhooks/create', { url: theirs.url });
    await createCode(api, { device_id: devices.builtInKeypad, code: '6161' });
    sandbox.clock.advance(10_000);
    await sandbox.whenIdle();
    expect(mine.received.map((delivery) => JSON.parse(delivery.body).event_type)).toEqual([
      'access_code.set_on_device',
    ]);
    expect(theirs.received).toEqual([]);

    const listed = await api<{ webhooks: unknown[] }>('/webhooks/list');
    expect(listed.body.webhooks).toHaveLength(1);
    const got = await api('/webhooks/get', { webhook_id: created.body.webhook.webhook_id });
    expect(got.status).toBe(200);
    await api('/webhooks/update', {
      webhook_id: created.body.webhook.webhook_id,
      event_types: ['access_code.created'],
    });
    await api('/webhooks/delete', { webhook_id: created.body.webhook.webhook_id });
    await createCode(api, { device_id: devices.builtInKeypad, code: '6262' });
    await sandbox.whenIdle();
    expect(mine.received).toHaveLength(1);
    expect(
      (await other('/webhooks/get', { webhook_id: created.body.webhook.webhook_id })).status,
    ).toBe(404);
  });

  it('refuses URLs that are not http(s) and unknown event type shapes', async () => {
    const { api } = setup();
    const ftp = await api('/webhooks/create', { url: 'ftp://example.test/hook' });
    expect(ftp.status).toBe(400);
    const types = await api('/webhooks/create', {
      url: 'http://127.0.0.1/x',
      event_types: ['codes created'],
    });
    expect(types.body['error']).toMatchObject({ type: 'invalid_event_types' });
  });
});
