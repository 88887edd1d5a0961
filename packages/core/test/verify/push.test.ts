/**
 * Push end to end, in real time over loopback: the sandbox posts Svix-signed webhooks to the relay,
 * the relay streams them as SSE, the verifier's fetch-based stream reader applies them. Forged,
 * foreign and stale deliveries are refused by the relay and never reach a code; a token for other
 * codes gets no stream.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createSubscriberToken } from '../../../relay/src/index.js';
import { createVerifier, type VerifierErrorSource } from '../../src/verify/index.js';
import { eventually, startPushWorld, svixHeaders, type PushWorld } from './support/relay.js';

let world: PushWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const SECOND = 1_000;

describe('push through the relay', () => {
  it('verifies a code from the pushed webhooks with one look at Seam when the stream opens', async () => {
    world = await startPushWorld();
    const verifier = world.verifier();
    const code = await world.create({ device_id: world.sandbox.catalogue.devices.builtInKeypad });
    const id = code.access_code_id;
    verifier.watch(code);
    await eventually(() => world!.relay.relay.stats.subscribers === 1, 5_000, 'the stream opening');
    // Opened without a Last-Event-ID: one look, so nothing between create and open is missed.
    await eventually(() => world!.network.count() === 1, 5_000, 'the first look');
    expect(world.tokensMinted).toEqual([[id]]);

    world.sandbox.clock.advance(10 * SECOND);
    await eventually(() => verifier.getSnapshot(id)?.phase === 'active', 5_000, 'active');
    expect(verifier.getSnapshot(id)?.statusEvent?.eventType).toBe('access_code.set_on_device');
    // The happy path over push costs no request to Seam after the first look.
    expect(world.network.count()).toBe(1);
    expect(world.relay.relay.stats.webhooks.accepted).toBeGreaterThan(0);
  });

  it('reconnects with Last-Event-ID after the relay restarts, and looks at Seam once when told to resync', async () => {
    world = await startPushWorld();
    const verifier = world.verifier();
    const devices = world.sandbox.catalogue.devices;
    const code = await world.create({ device_id: devices.builtInKeypad });
    const id = code.access_code_id;
    verifier.watch(code);
    await eventually(() => world!.network.count() === 1, 5_000, 'the first look');
    world.sandbox.clock.advance(10 * SECOND);
    await eventually(() => verifier.getSnapshot(id)?.phase === 'active', 5_000, 'active');
    expect(world.network.count()).toBe(1);

    // A new instance has an empty replay buffer: it cannot resume from our Last-Event-ID.
    await world.restartRelay();
    await eventually(() => world!.network.count() === 2, 5_000, 'the resync look');
    expect(world.relay.relay.stats.subscribers).toBe(1);
    // And the stream carries on: the guest types the PIN.
    expect(world.sandbox.control.enterCode(devices.builtInKeypad, code.code!)).toBe(true);
    await eventually(() => verifier.getSnapshot(id)?.flags.used === true, 5_000, 'used');
    expect(world.network.count()).toBe(2);
  });

  it('a token provider that fails is reported, and the code shown degraded', async () => {
    world = await startPushWorld();
    const errors: { error: unknown; source: VerifierErrorSource }[] = [];
    const code = await world.create({ device_id: world.sandbox.catalogue.devices.builtInKeypad });
    const verifier = createVerifier({
      client: world.client,
      sources: {
        push: {
          url: world.relay.url,
          token: () => Promise.reject(new Error('the backend answered 500')),
          minReconnectDelayMs: 100,
        },
      },
      onError: (error, source) => errors.push({ error, source }),
    });
    verifier.watch(code);
    await eventually(() => errors.length > 0, 5_000, 'a report');
    expect(errors[0]!.source).toBe('push');
    expect((errors[0]!.error as Error).message).toBe(
      'The relay token provider failed: the backend answered 500',
    );
    await eventually(
      () => verifier.getSnapshot(code.access_code_id)?.flags.connectionDegraded === true,
    );
    await verifier.dispose();
  });

  it('a token for other codes gets no stream, and the code says why', async () => {
    world = await startPushWorld();
    const errors: { error: unknown; source: VerifierErrorSource }[] = [];
    const code = await world.create({ device_id: world.sandbox.catalogue.devices.builtInKeypad });
    const id = code.access_code_id;
    const otherCode = randomUUID();
    const secret = world.subscriberSecret;
    const workspaceId = world.workspaceId;
    const verifier = createVerifier({
      client: world.client,
      sources: {
        push: {
          url: world.relay.url,
          // A backend that mints a token for a different code than the page watches.
          token: () =>
            createSubscriberToken({
              secret,
              workspace_id: workspaceId,
              access_code_ids: [otherCode],
              expires_in_seconds: 600,
            }),
          minReconnectDelayMs: 100,
          maxReconnectDelayMs: 200,
        },
      },
      onError: (error, source) => errors.push({ error, source }),
    });
    verifier.watch(code);
    await eventually(() => errors.some((item) => item.source === 'push'), 5_000, 'a refusal');
    const refusal = errors.find((item) => item.source === 'push')!.error as Error & {
      status: number;
    };
    expect(refusal.name).toBe('RelayStreamError');
    expect(refusal.status).toBe(403);
    expect(refusal.message).toMatch(/does not allow these codes/);
    expect(refusal.message).not.toContain(secret);
    await eventually(() => verifier.getSnapshot(id)?.flags.connectionDegraded === true, 5_000);
    world.sandbox.clock.advance(10 * SECOND);
    await world.sandbox.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(verifier.getSnapshot(id)?.phase).not.toBe('active');
    await verifier.dispose();
  });

  it('one subscriber never receives another code’s events', async () => {
    world = await startPushWorld();
    const devices = world.sandbox.catalogue.devices;
    const mine = await world.create({ device_id: devices.builtInKeypad });
    const theirs = await world.create({ device_id: devices.nuki });
    const received: string[] = [];
    const verifier = world.verifier();
    verifier.subscribe((update) => received.push(update.accessCodeId));
    verifier.watch(mine);
    await eventually(() => world!.relay.relay.stats.subscribers === 1, 5_000);
    world.sandbox.clock.advance(30 * SECOND);
    await eventually(() => verifier.getSnapshot(mine.access_code_id)?.phase === 'active', 5_000);
    expect(received).not.toContain(theirs.access_code_id);
    expect(world.tokensMinted.flat()).not.toContain(theirs.access_code_id);
  });
});

describe('deliveries the relay refuses never reach a code', () => {
  async function pendingCode(w: PushWorld) {
    const devices = w.sandbox.catalogue.devices;
    w.sandbox.control.configureDevice(devices.builtInKeypad, { setLatencyMs: 3_600 * SECOND });
    const code = await w.create({ device_id: devices.builtInKeypad });
    const verifier = w.verifier();
    verifier.watch(code);
    await eventually(() => w.relay.relay.stats.subscribers === 1, 5_000);
    await eventually(() => w.network.count() === 1, 5_000);
    // The first look is applied before the forged event is made, so the event is newer.
    await verifier.idle();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(verifier.getSnapshot(code.access_code_id)?.phase).toBe('pending');
    await w.sandbox.whenIdle();
    const accepted = w.relay.relay.stats.webhooks.accepted;
    const forged = JSON.stringify({
      event_id: randomUUID(),
      event_type: 'access_code.set_on_device',
      workspace_id: w.workspaceId,
      created_at: new Date().toISOString(),
      occurred_at: new Date().toISOString(),
      access_code_id: code.access_code_id,
      device_id: devices.builtInKeypad,
      connected_account_id: w.sandbox.catalogue.connectedAccounts.yale,
      code: '0000',
    });
    return { verifier, id: code.access_code_id, forged, accepted };
  }

  async function expectUntouched(
    w: PushWorld,
    verifier: ReturnType<PushWorld['verifier']>,
    id: string,
    accepted: number,
  ) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(verifier.getSnapshot(id)?.phase).toBe('pending');
    expect(w.relay.relay.stats.webhooks.accepted).toBe(accepted);
    expect(w.relay.relay.stats.webhooks.rejected).toBeGreaterThan(0);
  }

  it('a tampered signature: 401', async () => {
    world = await startPushWorld();
    const { verifier, id, forged, accepted } = await pendingCode(world);
    const headers = svixHeaders(world.webhookSecret, forged);
    const signature = headers['svix-signature']!;
    headers['svix-signature'] = `${signature.slice(0, -6)}AAAAA=`;
    expect(await world.postWebhook(forged, headers)).toBe(401);
    // The right signature over a different body is tampering too.
    const signedOther = svixHeaders(world.webhookSecret, `${forged} `);
    expect(await world.postWebhook(forged, signedOther)).toBe(401);
    await expectUntouched(world, verifier, id, accepted);
  });

  it('a delivery signed with another secret: 401', async () => {
    world = await startPushWorld();
    const { verifier, id, forged, accepted } = await pendingCode(world);
    const otherSecret = `whsec_${Buffer.from('not the endpoint secret, 32 bytes!').toString('base64')}`;
    expect(await world.postWebhook(forged, svixHeaders(otherSecret, forged))).toBe(401);
    await expectUntouched(world, verifier, id, accepted);
  });

  it('a replayed delivery with an old timestamp: 401, even correctly signed', async () => {
    world = await startPushWorld();
    const { verifier, id, forged, accepted } = await pendingCode(world);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const headers = svixHeaders(world.webhookSecret, forged, { timestampSeconds: tenMinutesAgo });
    expect(await world.postWebhook(forged, headers)).toBe(401);
    await expectUntouched(world, verifier, id, accepted);
    // The same body signed now is accepted: the refusals above were for the signature and age.
    expect(await world.postWebhook(forged, svixHeaders(world.webhookSecret, forged))).toBe(200);
    await eventually(() => verifier.getSnapshot(id)?.phase === 'active', 5_000);
  });
});
