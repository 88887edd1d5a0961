import { describe, expect, it } from 'vitest';
import {
  SUBSCRIBER_SECRET,
  WORKSPACE_B,
  accessCodeEvent,
  bearer,
  deliver,
  sleep,
  startTestRelay,
  token,
} from './support/fixtures.js';
import { openSse } from './support/sse-client.js';

describe('GET /events', () => {
  it('opens an SSE stream with the headers proxies and browsers need, and a retry field', async () => {
    const relay = await startTestRelay({ retryMs: 2500 });
    const stream = await openSse(
      `${relay.url}/events?access_code_ids=code_1`,
      bearer(token(['code_1'])),
    );
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    await stream.waitForComment('connected');
    expect(stream.retry).toBe(2500);
    stream.close();
  });

  it('accepts the token as a query parameter, for EventSource, and never logs it', async () => {
    const relay = await startTestRelay();
    const subscriberToken = token(['code_1']);
    const stream = await openSse(
      `${relay.url}/events?access_code_ids=code_1&token=${encodeURIComponent(subscriberToken)}`,
    );
    expect(stream.status).toBe(200);
    const event = accessCodeEvent({ access_code_id: 'code_1' });
    await deliver(relay.url, event);
    expect((await stream.nextEvent()).id).toBe(event.event_id);
    stream.close();
    const refused = await openSse(`${relay.url}/events?token=${subscriberToken}x`);
    expect(refused.status).toBe(401);
    await stream.ended;
    await sleep(20);

    const logged = JSON.stringify(relay.logs);
    expect(relay.logs.some((entry) => entry.path === '/events')).toBe(true);
    expect(logged).not.toContain(subscriberToken.slice(0, 20));
    expect(logged).not.toContain(subscriberToken.split('.')[1]);
    expect(logged).not.toContain('token=');
    expect(logged).not.toContain(SUBSCRIBER_SECRET);
  });

  it('takes repeated and comma-separated access_code_ids, and defaults to all of the token’s codes', async () => {
    const relay = await startTestRelay();
    const subscriberToken = token(['code_1', 'code_2', 'code_3']);
    const some = await openSse(
      `${relay.url}/events?access_code_ids=code_1,code_2&access_code_ids=code_2`,
      bearer(subscriberToken),
    );
    const all = await openSse(`${relay.url}/events`, bearer(subscriberToken));
    const events = ['code_3', 'code_2', 'code_1'].map((code) =>
      accessCodeEvent({ access_code_id: code }),
    );
    for (const event of events) await deliver(relay.url, event);
    await all.nextEvent((e) => e.id === events[2]?.event_id);
    await some.nextEvent((e) => e.id === events[2]?.event_id);
    expect(all.events.map((e) => e.id)).toEqual(events.map((e) => e.event_id));
    expect(some.events.map((e) => e.id)).toEqual([events[1]?.event_id, events[2]?.event_id]);
    some.close();
    all.close();
  });

  describe('refuses subscribers that may not see the codes', () => {
    it('401 without a token, with a WWW-Authenticate challenge', async () => {
      const relay = await startTestRelay();
      const stream = await openSse(`${relay.url}/events?access_code_ids=code_1`);
      expect(stream.status).toBe(401);
      expect(stream.headers.get('www-authenticate')).toContain('Bearer');
      expect(stream.errorBody).toMatchObject({ error: { type: 'missing_token' } });
    });

    it('401 for an Authorization header that is not Bearer', async () => {
      const relay = await startTestRelay();
      const stream = await openSse(`${relay.url}/events`, { Authorization: 'Basic dXNlcjpwYXNz' });
      expect(stream.status).toBe(401);
      expect(stream.errorBody).toMatchObject({ error: { type: 'invalid_authorization' } });
    });

    it('401 for an expired token, saying so', async () => {
      const relay = await startTestRelay();
      const expired = token(['code_1'], { expires_in_seconds: 60, now: Date.now() - 61_000 });
      const stream = await openSse(`${relay.url}/events`, bearer(expired));
      expect(stream.status).toBe(401);
      expect(stream.errorBody).toMatchObject({ error: { type: 'invalid_token', code: 'expired' } });
    });

    it('401 for a token signed with another secret', async () => {
      const relay = await startTestRelay();
      const forged = token(['code_1'], { secret: 'another-secret-that-is-long-enough-1234' });
      const stream = await openSse(`${relay.url}/events`, bearer(forged));
      expect(stream.status).toBe(401);
      expect(stream.errorBody).toMatchObject({
        error: { type: 'invalid_token', code: 'bad_signature' },
      });
    });

    it('403 when access_code_ids asks for codes the token does not name', async () => {
      const relay = await startTestRelay();
      const stream = await openSse(
        `${relay.url}/events?access_code_ids=code_1,code_2`,
        bearer(token(['code_1'])),
      );
      expect(stream.status).toBe(403);
      expect(stream.errorBody).toMatchObject({ error: { type: 'forbidden_access_codes' } });
      expect(JSON.stringify(stream.errorBody)).toContain('code_2');
    });

    it('403 when workspace_id names another workspace than the token', async () => {
      const relay = await startTestRelay();
      const stream = await openSse(
        `${relay.url}/events?workspace_id=${WORKSPACE_B}&access_code_ids=code_1`,
        bearer(token(['code_1'])),
      );
      expect(stream.status).toBe(403);
      expect(stream.errorBody).toMatchObject({ error: { type: 'forbidden_workspace' } });
    });

    it('400 for access_code_ids that are not ids', async () => {
      const relay = await startTestRelay();
      const stream = await openSse(
        `${relay.url}/events?access_code_ids=${encodeURIComponent('code 1')}`,
        bearer(token(['code_1'])),
      );
      expect(stream.status).toBe(400);
      expect(stream.errorBody).toMatchObject({ error: { type: 'invalid_access_code_ids' } });
    });
  });

  it('replays what a subscriber missed after Last-Event-ID when it reconnects', async () => {
    const relay = await startTestRelay();
    const subscriberToken = token(['code_1']);
    const first = await openSse(
      `${relay.url}/events?access_code_ids=code_1`,
      bearer(subscriberToken),
    );
    const seen = accessCodeEvent({ access_code_id: 'code_1', event_type: 'access_code.created' });
    await deliver(relay.url, seen);
    const last = await first.nextEvent();
    first.close();
    await first.ended;

    // While it is away: two events for it, one for another code.
    const missed = [
      accessCodeEvent({ access_code_id: 'code_1', event_type: 'access_code.changed' }),
      accessCodeEvent({ access_code_id: 'code_2' }),
      accessCodeEvent({ access_code_id: 'code_1', event_type: 'access_code.set_on_device' }),
    ];
    for (const event of missed) await deliver(relay.url, event);

    const again = await openSse(`${relay.url}/events?access_code_ids=code_1`, {
      ...bearer(subscriberToken),
      'Last-Event-ID': last.id,
    });
    await again.nextEvent((e) => e.id === missed[2]?.event_id);
    expect(again.events.map((e) => [e.id, e.event])).toEqual([
      [missed[0]?.event_id, 'access_code.changed'],
      [missed[2]?.event_id, 'access_code.set_on_device'],
    ]);
    // Live events follow the replay on the same stream.
    const live = accessCodeEvent({ access_code_id: 'code_1', event_type: 'access_code.deleted' });
    await deliver(relay.url, live);
    expect((await again.nextEvent()).id).toBe(live.event_id);

    // A reloaded page (new EventSource) can pass the id as last_event_id instead.
    const reloaded = await openSse(
      `${relay.url}/events?access_code_ids=code_1&last_event_id=${missed[2]?.event_id}`,
      bearer(subscriberToken),
    );
    expect((await reloaded.nextEvent()).id).toBe(live.event_id);
    again.close();
    reloaded.close();
  });

  it('tells a subscriber to resync when its Last-Event-ID has left the replay buffer', async () => {
    const relay = await startTestRelay({ replayBufferSize: 2 });
    const events = [1, 2, 3].map(() => accessCodeEvent({ access_code_id: 'code_1' }));
    for (const event of events) await deliver(relay.url, event);
    expect(relay.relay.stats.replayBuffer).toEqual({ size: 2, capacity: 2 });

    const stream = await openSse(`${relay.url}/events`, {
      ...bearer(token(['code_1'])),
      'Last-Event-ID': events[0]?.event_id as string,
    });
    const resync = await stream.nextEvent();
    expect(resync.event).toBe('relay.resync');
    expect(resync.id).toBe(''); // A control message does not move lastEventId.
    expect(JSON.parse(resync.data)).toMatchObject({ reason: 'last_event_id_not_buffered' });

    const still = await openSse(`${relay.url}/events`, {
      ...bearer(token(['code_1'])),
      'Last-Event-ID': events[1]?.event_id as string,
    });
    expect((await still.nextEvent()).id).toBe(events[2]?.event_id);
    stream.close();
    still.close();
  });

  it('sends heartbeat comments while the stream is idle', async () => {
    const relay = await startTestRelay({ heartbeatIntervalMs: 50 });
    const stream = await openSse(`${relay.url}/events`, bearer(token(['code_1'])));
    await stream.waitForComment('heartbeat', 2000);
    await sleep(160);
    expect(
      stream.comments.filter((comment) => comment === 'heartbeat').length,
    ).toBeGreaterThanOrEqual(2);
    expect(stream.events).toEqual([]);
    stream.close();
  });

  it('ends the stream when the token expires, after a relay.token_expired event', async () => {
    const relay = await startTestRelay();
    const started = Date.now();
    // exp is whole seconds: minting 200 ms "ahead" puts it 0.2 to 1.2 s from now, never in the past.
    const shortLived = token(['code_1'], { expires_in_seconds: 1, now: started + 200 });
    const exp = (
      JSON.parse(Buffer.from(shortLived.split('.')[0] ?? '', 'base64url').toString()) as {
        exp: number;
      }
    ).exp;
    const stream = await openSse(`${relay.url}/events`, bearer(shortLived));
    expect(stream.status).toBe(200);
    const expired = await stream.nextEvent((e) => e.event === 'relay.token_expired', 3000);
    await stream.ended;
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    expect(Date.now()).toBeLessThan(exp * 1000 + 1500); // slack for a loaded machine
    expect(JSON.parse(expired.data)).toHaveProperty('exp');
    await sleep(20);
    expect(relay.relay.stats.subscribers).toBe(0);
  });

  describe('CORS', () => {
    it('reflects only configured origins, and refuses other browser origins with 403', async () => {
      const relay = await startTestRelay({ allowedOrigins: ['https://app.example.com'] });
      const allowed = await openSse(`${relay.url}/events`, {
        ...bearer(token(['code_1'])),
        Origin: 'https://app.example.com',
      });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(allowed.headers.get('vary')).toBe('Origin');
      allowed.close();

      const other = await openSse(`${relay.url}/events`, {
        ...bearer(token(['code_1'])),
        Origin: 'https://evil.example',
      });
      expect(other.status).toBe(403);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      expect(other.errorBody).toMatchObject({ error: { type: 'origin_not_allowed' } });
    });

    it('lets an allowed origin read refusals, so a page can tell an expired token', async () => {
      const relay = await startTestRelay({ allowedOrigins: ['https://app.example.com'] });
      const stream = await openSse(`${relay.url}/events`, { Origin: 'https://app.example.com' });
      expect(stream.status).toBe(401);
      expect(stream.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    });

    it('refuses every browser origin by default', async () => {
      const relay = await startTestRelay();
      const stream = await openSse(`${relay.url}/events`, {
        ...bearer(token(['code_1'])),
        Origin: 'http://localhost:5173',
      });
      expect(stream.status).toBe(403);
    });

    it('answers preflights for the Authorization and Last-Event-ID headers', async () => {
      const relay = await startTestRelay({ allowedOrigins: ['https://app.example.com'] });
      const preflight = await fetch(`${relay.url}/events`, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://app.example.com',
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization,last-event-id',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Last-Event-ID');

      const refused = await fetch(`${relay.url}/events`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
      });
      expect(refused.status).toBe(403);
    });
  });
});
