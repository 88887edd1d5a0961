/**
 * The official client, the latest `@seamapi/http` (2.32.0; it declares Node 22 and runs on 20),
 * against the sandbox over HTTP on loopback, through a code's whole lifecycle. The clock runs
 * 120× real time so the SDK's own polling of action attempts sees codes reach the lock; this is
 * the suite's one real-time test. The SDK's own resource types are used: 2.32 was generated
 * from newer types than the latest published `@seamapi/types` (1.977), whose create response
 * still carries the `action_attempt` the sandbox sends.
 */
import {
  isSeamActionAttemptFailedError,
  SeamHttp,
  SeamHttpApiError,
  SeamHttpInvalidInputError,
  SeamHttpUnauthorizedError,
  type ActionAttempt,
  type SeamActionAttemptFailedError,
} from '@seamapi/http/connect';
import type { AccessCode } from '@seamapi/types/connect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';
import { startServer, type SandboxServer } from '../src/node/index.js';
import { checkedHandle } from './support/api.js';

let sandbox: Sandbox;
let server: SandboxServer;
let seam: SeamHttp;

beforeAll(async () => {
  sandbox = createSandbox({ speed: 120, control: true });
  // Every response the SDK receives is checked against @seamapi/types on its way out.
  server = await startServer(checkedHandle(sandbox), { port: 0 });
  seam = new SeamHttp({
    apiKey: sandbox.credentials.apiKey,
    endpoint: server.url,
    waitForActionAttempt: { pollingInterval: 40, timeout: 5_000 },
  });
});

afterAll(async () => {
  await server.close();
  sandbox.dispose();
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

describe('@seamapi/http against seam-sandbox', () => {
  it('gets devices and locks', async () => {
    const { devices } = sandbox.catalogue;
    const device = await seam.devices.get({ device_id: devices.nuki });
    expect(device.properties.supported_code_lengths).toEqual([6]);
    const lock = await seam.locks.get({ device_id: devices.schlage });
    expect(lock.display_name).toBe('Main Entrance');
    const list = await seam.devices.list();
    expect(list.length).toBeGreaterThan(10);
  });

  it('creates an ongoing code and waits for it with the SDK’s own action-attempt polling', async () => {
    const device_id = sandbox.catalogue.devices.builtInKeypad;
    const response = (await seam.accessCodes
      .create({ device_id, name: 'SDK ongoing', code: '7391' })
      .fetchResponse()) as unknown as { access_code: AccessCode; action_attempt: ActionAttempt };
    expect(response.access_code.status).toBe('unset');
    // The SDK waits for the attempt itself; on a loaded machine it may time out first, so look
    // again until the lock has answered (the clock runs 120× real time).
    const attempt = await waitFor(
      () =>
        seam.actionAttempts
          .get({ action_attempt_id: response.action_attempt.action_attempt_id })
          .catch((error: unknown) => ({ status: 'pending', error })),
      (value) => value.status !== 'pending',
    );
    expect(attempt.status).toBe('success');
    const result = (attempt as unknown as { result: { access_code: AccessCode } }).result;
    expect(result.access_code).toMatchObject({ status: 'set', code: '7391' });
    const got = await seam.accessCodes.get({ access_code_id: response.access_code.access_code_id });
    expect(got.status).toBe('set');
  });

  it('creates a time-bound code, lists, updates with PUT, deletes, and reads 404 after removal', async () => {
    const device_id = sandbox.catalogue.devices.justInTime;
    const now = sandbox.clock.now();
    const created = await seam.accessCodes.create({
      device_id,
      name: 'SDK stay',
      starts_at: new Date(now + 3 * 86_400_000).toISOString(),
      ends_at: new Date(now + 5 * 86_400_000).toISOString(),
    });
    expect(created).toMatchObject({ type: 'time_bound', status: 'unset' });
    expect(created.code).toMatch(/^\d{6,8}$/);
    const listed = await seam.accessCodes.list({ device_id });
    expect(listed.map((code) => code.access_code_id)).toContain(created.access_code_id);

    await seam.accessCodes.update({
      access_code_id: created.access_code_id,
      name: 'SDK stay (extended)',
    });
    expect((await seam.accessCodes.get({ access_code_id: created.access_code_id })).name).toBe(
      'SDK stay (extended)',
    );

    await seam.accessCodes.delete({ access_code_id: created.access_code_id });
    const error = await seam.accessCodes
      .get({ access_code_id: created.access_code_id })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeamHttpApiError);
    expect(error).toMatchObject({ code: 'access_code_not_found', statusCode: 404 });
  });

  it('sees a set code removed at the end of a delete, through the SDK', async () => {
    const device_id = sandbox.catalogue.devices.schlage;
    const created = await seam.accessCodes.create({ device_id, code: '84026' });
    await waitFor(
      () => seam.accessCodes.get({ access_code_id: created.access_code_id }),
      (code) => code.status === 'set',
    );
    await seam.accessCodes.delete({ access_code_id: created.access_code_id });
    const gone = await waitFor(
      () =>
        seam.accessCodes
          .get({ access_code_id: created.access_code_id })
          .catch((error: unknown) => error),
      (value) => value instanceof SeamHttpApiError,
    );
    expect(gone).toMatchObject({ code: 'access_code_not_found' });
    const events = await seam.events.list({
      since: '2020-01-01T00:00:00Z',
      access_code_id: created.access_code_id,
    });
    expect(events.map((event) => event.event_type)).toEqual([
      'access_code.created',
      'access_code.set_on_device',
      'access_code.deleted',
      'access_code.removed_from_device',
    ]);
  });

  it('decodes errors into the SDK’s classes', async () => {
    const { devices } = sandbox.catalogue;
    const invalid = await seam.accessCodes
      .create({ device_id: devices.nuki, code: '120456' })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(SeamHttpInvalidInputError);
    expect(
      (invalid as SeamHttpInvalidInputError).getValidationErrorMessages('code').length,
    ).toBeGreaterThan(0);

    await seam.accessCodes.create({ device_id: devices.ttlock, code: '4127' });
    const duplicate = await seam.accessCodes
      .create({ device_id: devices.ttlock, code: '4127' })
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(SeamHttpApiError);
    expect(duplicate).toMatchObject({ code: 'duplicate_access_code', statusCode: 409 });
    expect((duplicate as SeamHttpApiError).requestId).toMatch(/^[0-9a-f-]{36}$/);

    const stranger = new SeamHttp({ apiKey: 'seam_sandbox_not_a_real_key', endpoint: server.url });
    await expect(stranger.devices.list()).rejects.toBeInstanceOf(SeamHttpUnauthorizedError);

    const failing = (await seam.accessCodes
      .create({ device_id: devices.failing, code: '5150' })
      .fetchResponse()) as unknown as { action_attempt: ActionAttempt };
    const failed = await seam.actionAttempts
      .get({ action_attempt_id: failing.action_attempt.action_attempt_id })
      .catch((error: unknown) => error);
    expect(isSeamActionAttemptFailedError(failed)).toBe(true);
    expect((failed as SeamActionAttemptFailedError<ActionAttempt>).code).toBe(
      'failed_to_set_on_device',
    );
  });

  it('creates linked codes with PUT /access_codes/create_multiple and generates a PIN', async () => {
    const { devices } = sandbox.catalogue;
    const codes = await seam.accessCodes.createMultiple({
      device_ids: [devices.builtInKeypad, devices.kwikset],
      name: 'Family',
    });
    expect(new Set(codes.map((code) => code.code)).size).toBe(1);
    const generated = await seam.accessCodes.generateCode({ device_id: devices.nuki });
    expect(generated.code).toMatch(/^[1-9]{6}$/);
  });

  it('works with client sessions: a publishable key session and the demo token', async () => {
    const { credentials, devices } = sandbox.catalogue;
    const fromKey = await SeamHttp.fromPublishableKey(credentials.publishableKey, 'sdk-user-7f3a', {
      endpoint: server.url,
    });
    // Seam starts publishable-key sessions empty.
    expect(await fromKey.devices.list()).toEqual([]);
    const browser = SeamHttp.fromClientSessionToken(credentials.clientSessionToken, {
      endpoint: server.url,
    });
    const visible = (await browser.devices.list()).map((device) => device.device_id);
    expect(visible).toContain(devices.nuki);
    expect(visible).not.toContain(devices.ownerOnly);
  });

  it('calls what Seam’s components call: accounts, unlock and lock, rename', async () => {
    const { devices, connectedAccounts } = sandbox.catalogue;
    const accounts = await seam.connectedAccounts.list();
    expect(accounts.map((account) => account.connected_account_id)).toContain(
      connectedAccounts.yale,
    );
    const account = await seam.connectedAccounts.get({
      connected_account_id: connectedAccounts.yale,
    });
    expect(account.connected_account_id).toBe(connectedAccounts.yale);
    const unlocked = await seam.locks.unlockDoor({ device_id: devices.kwikset });
    expect(unlocked).toMatchObject({ action_type: 'UNLOCK_DOOR', status: 'success' });
    expect((await seam.locks.get({ device_id: devices.kwikset })).properties.locked).toBe(false);
    await seam.locks.lockDoor({ device_id: devices.kwikset });
    expect((await seam.locks.get({ device_id: devices.kwikset })).properties.locked).toBe(true);
    await seam.devices.update({ device_id: devices.kwikset, name: 'Garage (SDK)' });
    expect((await seam.devices.get({ device_id: devices.kwikset })).display_name).toBe(
      'Garage (SDK)',
    );
  });

  it('drives Seam’s simulate routes: keypad entry (waits for its action attempt) and disconnect', async () => {
    const { devices } = sandbox.catalogue;
    const attempt = await seam.locks.simulate.keypadCodeEntry({
      device_id: devices.builtInKeypad,
      code: '5550',
    });
    expect(attempt).toMatchObject({ status: 'success', action_type: 'SIMULATE_KEYPAD_CODE_ENTRY' });
    await seam.devices.simulate.disconnect({ device_id: devices.kwikset });
    expect((await seam.devices.get({ device_id: devices.kwikset })).properties.online).toBe(false);
    await seam.devices.simulate.connect({ device_id: devices.kwikset });
  });
});
