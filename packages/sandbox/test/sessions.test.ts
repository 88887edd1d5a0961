import type { ActionAttempt, ClientSession, Device } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import { callerFor, createCode, day, minute, setup } from './support/api.js';

describe('client sessions', () => {
  it('an API key mints a token scoped to the accounts it names; get_or_create reuses it', async () => {
    const { api, sandbox, catalogue } = setup();
    const created = await api<{ client_session: ClientSession }>('/client_sessions/create', {
      user_identifier_key: 'guest-portal-41',
      connected_account_ids: [catalogue.connectedAccounts.nuki],
    });
    expect(created.status).toBe(200);
    const session = created.body.client_session;
    expect(session).toMatchObject({
      user_identifier_key: 'guest-portal-41',
      device_count: 1,
      connected_account_ids: [catalogue.connectedAccounts.nuki],
      expires_at: new Date(sandbox.clock.now() + day).toISOString(),
    });
    expect(session.token).toMatch(/^seam_cst/);
    const browser = callerFor(sandbox.fetch, 'http://sandbox.test', session.token);
    const devices = await browser<{ devices: Device[] }>('/devices/list');
    expect(devices.body.devices.map((device) => device.device_id)).toEqual([
      catalogue.devices.nuki,
    ]);
    // The same token in the client-session-token header alone works too.
    const header = await browser(
      '/devices/list',
      {},
      { token: null, headers: { 'client-session-token': session.token } },
    );
    expect(header.status).toBe(200);
    const own = await browser<{ client_session: ClientSession }>('/client_sessions/get');
    expect(own.body.client_session.client_session_id).toBe(session.client_session_id);

    const again = await api<{ client_session: ClientSession }>('/client_sessions/get_or_create', {
      user_identifier_key: 'guest-portal-41',
    });
    expect(again.body.client_session.token).toBe(session.token);
    const duplicate = await api('/client_sessions/create', {
      user_identifier_key: 'guest-portal-41',
    });
    expect(duplicate.status).toBe(409);
    // API keys can filter by the session's user.
    const filtered = await api<{ devices: Device[] }>('/devices/list', {
      user_identifier_key: 'guest-portal-41',
    });
    expect(filtered.body.devices).toHaveLength(1);

    sandbox.clock.advance(day);
    const expired = await browser('/devices/list');
    expect(expired.status).toBe(401);
    expect((expired.body['error'] as { message: string }).message).toMatch(/expired/);
  });

  it('refuses accounts of another workspace, and a past expires_at', async () => {
    const { api, catalogue } = setup();
    const foreign = await api('/client_sessions/create', {
      connected_account_ids: [catalogue.connectedAccounts.otherWorkspace],
    });
    expect(foreign.status).toBe(404);
    const past = await api('/client_sessions/create', { expires_at: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
  });

  it('a publishable key only makes empty sessions, and needs a user_identifier_key', async () => {
    const { api, sandbox, catalogue } = setup();
    const headers = { 'seam-publishable-key': sandbox.credentials.publishableKey };
    const empty = await api<{ client_session: ClientSession }>(
      '/client_sessions/get_or_create',
      { user_identifier_key: 'visitor-9c1e' },
      { token: null, headers },
    );
    expect(empty.body.client_session).toMatchObject({ connected_account_ids: [], device_count: 0 });
    const scoped = await api(
      '/client_sessions/get_or_create',
      {
        user_identifier_key: 'visitor-9c1e',
        connected_account_ids: [catalogue.connectedAccounts.nuki],
      },
      { token: null, headers },
    );
    expect(scoped.status).toBe(403);
    const anonymous = await api('/client_sessions/get_or_create', {}, { token: null, headers });
    expect(anonymous.status).toBe(401);
    const wrongKey = await api(
      '/client_sessions/get_or_create',
      { user_identifier_key: 'x' },
      { token: null, headers: { 'seam-publishable-key': 'seam_pk_nope' } },
    );
    expect(wrongKey.status).toBe(401);
  });
});

describe('client session scoping of action attempts', () => {
  it("a token scoped to one account cannot read the attempts (and PINs) of another account's locks", async () => {
    const { api, sandbox, catalogue } = setup();
    const session = await api<{ client_session: ClientSession }>('/client_sessions/create', {
      user_identifier_key: 'nuki-only-host',
      connected_account_ids: [catalogue.connectedAccounts.nuki],
    });
    const nukiOnly = callerFor(
      sandbox.fetch,
      'http://sandbox.test',
      session.body.client_session.token,
    );

    // A code on a Yale lock (another account of the same workspace), made with the API key.
    const { action_attempt: yaleAttempt } = await createCode(api, {
      device_id: catalogue.devices.builtInKeypad,
      name: 'Yale guest',
      code: '7294',
    });
    sandbox.clock.advance(minute);
    const leaked = await nukiOnly('/action_attempts/get', {
      action_attempt_id: yaleAttempt.action_attempt_id,
    });
    expect(leaked.status).toBe(404);
    expect(JSON.stringify(leaked.body)).not.toContain('7294');

    // Its own lock's attempts stay readable.
    const { action_attempt: nukiAttempt } = await createCode(api, {
      device_id: catalogue.devices.nuki,
      name: 'Nuki guest',
      code: '345678',
    });
    const own = await nukiOnly<{ action_attempt: ActionAttempt }>('/action_attempts/get', {
      action_attempt_id: nukiAttempt.action_attempt_id,
    });
    expect(own.status).toBe(200);
    expect(own.body.action_attempt.action_attempt_id).toBe(nukiAttempt.action_attempt_id);
  });
});
