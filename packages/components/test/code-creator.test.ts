import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  PIN_RULES,
  describeCapabilities,
  type PinConstraintType,
  type SeamClient,
} from '@seam-codes/core';
import { SANDBOX_DEVICE_ROLES, createSandbox, type SandboxDeviceRole } from '@seam-codes/sandbox';
import type { AccessCode } from '@seamapi/types/connect';
import '../src/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';
import type {
  SeamCodeCreatedEvent,
  SeamCodeSetEvent,
  SeamCodeSubmitEvent,
} from '../src/code-creator/code-creator.events.js';
import type { SeamErrorEvent } from '../src/internal/events.js';
import { de } from '../src/internal/strings/de.js';
import { $, $$, START, check, settle, text, type, untilState, world } from './support.js';

type World = ReturnType<typeof world>;

async function creator(w: World, role: SandboxDeviceRole, attributes: Record<string, string> = {}) {
  const el = await fixture<SeamCodeCreator>(
    html`<seam-code-creator
      lang=${attributes.lang ?? 'en'}
      viewer-time-zone=${attributes.viewer ?? 'UTC'}
    ></seam-code-creator>`,
  );
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'lang' && name !== 'viewer') el.setAttribute(name, value);
  }
  el.now = w.now;
  el.client = w.client;
  el.verifier = w.verifier;
  el.deviceId = w.sandbox.catalogue.devices[role];
  await el.updateComplete;
  await waitUntil(
    () =>
      !el.matches(':state(loading)') &&
      (el.matches(':state(ready)') || el.matches(':state(cannot)') || el.matches(':state(error)')),
    `the creator for ${role} never finished loading`,
    { timeout: 4000 },
  );
  await el.updateComplete;
  return el;
}

async function codesOn(client: SeamClient, deviceId: string): Promise<AccessCode[]> {
  return client.accessCodes.list({ device_id: deviceId });
}

async function submit(el: SeamCodeCreator): Promise<void> {
  $(el, '#submit').click();
  await el.updateComplete;
}

describe('<seam-code-creator> with every lock of the sandbox catalogue', () => {
  for (const role of SANDBOX_DEVICE_ROLES) {
    it(`${role}: shows what the lock accepts, or why it cannot take a code`, async () => {
      const w = world();
      const el = await creator(w, role);
      const deviceId = w.sandbox.catalogue.devices[role];
      let device;
      try {
        device = await w.client.devices.get({ device_id: deviceId });
      } catch {
        // Not visible to the page's session (another workspace, an owner-only account): the
        // element says the lock could not be loaded, with Seam's reason.
        expect(el.matches(':state(error)')).to.equal(true);
        expect(text(el)).to.contain('The lock could not be loaded.');
        expect($$(el, 'form')).to.have.length(0);
        await expect(el).to.be.accessible();
        return;
      }
      const existingCodes = await codesOn(w.client, deviceId);
      const caps = describeCapabilities(device, { existingCodes });
      const canTake = (caps.canTakeOnlineCodes || caps.canTakeOfflineCodes) && !caps.isFull;
      expect(el.matches(':state(ready)'), 'form shown').to.equal(canTake);
      expect(el.matches(':state(cannot)'), 'explanation shown').to.equal(!canTake);
      const shown = text(el);
      if (canTake) {
        expect($$(el, 'form')).to.have.length(1);
        if (caps.canTakeOnlineCodes) expect(shown).to.contain('Takes PIN codes');
        if (caps.canTakeOnlineCodes && caps.canChoosePin) {
          expect($$(el, '#code')).to.have.length(1);
        }
        if (!caps.canChoosePin) {
          expect($$(el, '#code')).to.have.length(0);
          expect(shown).to.contain('chooses the PIN itself');
        }
        for (const reason of caps.reasons.onlineCodes.filter((r) => r.severity === 'caution')) {
          expect(shown).to.contain(reason.message);
        }
      } else {
        expect($$(el, 'form')).to.have.length(0);
        const blocking = caps.reasons.onlineCodes.filter((r) => r.severity === 'blocking');
        expect(blocking.length + (caps.isFull ? 1 : 0)).to.be.greaterThan(0);
        for (const reason of blocking) expect(shown).to.contain(reason.message);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('the outcomes are the catalogue’s: happy path, keypad, no codes, other workspace', async () => {
    const w = world();
    expect((await creator(w, 'builtInKeypad')).matches(':state(ready)')).to.equal(true);
    expect((await creator(w, 'keypadDisconnected')).matches(':state(cannot)')).to.equal(true);
    expect((await creator(w, 'noAccessCodes')).matches(':state(cannot)')).to.equal(true);
    expect((await creator(w, 'accountDisconnected')).matches(':state(cannot)')).to.equal(true);
    expect((await creator(w, 'otherWorkspace')).matches(':state(error)')).to.equal(true);
    expect(text(await creator(w, 'lowKeypadBattery'), '[part=capabilities]')).to.match(
      /Online · battery \d+%.* · keypad connected \(battery 12%\)/,
    );
    expect(text(await creator(w, 'offline'), '[part=capabilities]')).to.contain('Offline');
    const salto = await creator(w, 'salto');
    expect(salto.matches(':state(ready)')).to.equal(true);
    expect($$(salto, '#code')).to.have.length(0);
  });
});

describe('<seam-code-creator> validation', () => {
  /** A lock of the catalogue for each digit rule, or a copy of the happy-path lock with it added. */
  const ruleLocks: Record<PinConstraintType, { role: SandboxDeviceRole; bad: string }> = {
    no_zeros: { role: 'nuki', bad: '305678' },
    cannot_start_with_12: { role: 'nuki', bad: '123456' },
    no_triple_consecutive_ints: { role: 'builtInKeypad', bad: '4777' },
    no_ascending_or_descending_sequence: { role: 'nativeScheduling', bad: '34567' },
    at_least_three_unique_digits: { role: 'nativeScheduling', bad: '11212' },
    cannot_contain_089: { role: 'ttlock', bad: '1829' },
    cannot_contain_0789: { role: 'builtInKeypad', bad: '1627' },
    unique_first_four_digits: { role: 'schlage', bad: '2721' },
    no_all_same_digits: { role: 'nearlyFull', bad: '5555' },
  };

  for (const [rule, { role, bad }] of Object.entries(ruleLocks) as [
    PinConstraintType,
    { role: SandboxDeviceRole; bad: string },
  ][]) {
    it(`${rule}: says what is wrong with the PIN as it is typed`, async () => {
      const w = withConstraint(role, rule);
      const el = await creator(w, role);
      type(el, '#code', bad);
      await el.updateComplete;
      expect($(el, '#code').getAttribute('aria-invalid')).to.equal('true');
      expect(text(el, '#code-error')).to.contain(PIN_RULES[rule].message);
      await expect(el).to.be.accessible();
    });
  }

  it('every other rule: length, digits, name, window, start in the future', async () => {
    const w = world();
    const kwikset = await creator(w, 'kwikset');
    type(kwikset, '#code', '12');
    type(kwikset, '#name', 'A');
    await kwikset.updateComplete;
    expect(text(kwikset, '#code-error')).to.contain('This lock takes PINs of 4 to 8 digits');
    expect(text(kwikset, '#name-error')).to.contain('at least 2 characters');
    type(kwikset, '#code', '12a4');
    type(kwikset, '#name', 'A name far too long for it');
    await kwikset.updateComplete;
    expect(text(kwikset, '#code-error')).to.contain('only the digits 0 to 9');
    expect(text(kwikset, '#name-error')).to.contain('at most 14 characters');

    check(kwikset, '#timing-time_bound');
    await kwikset.updateComplete;
    type(kwikset, '#starts_at', '2026-01-14T10:05'); // 10:05 in Denver is 17:05Z: 5 min from now
    type(kwikset, '#ends_at', '2026-01-14T09:00');
    await kwikset.updateComplete;
    expect(text(kwikset, '#starts_at-error')).to.contain('at least 15 minutes from now');
    expect(text(kwikset, '#ends_at-error')).to.contain('The end must come after the start');
    await expect(kwikset).to.be.accessible();
  });

  it('a submit with errors sends nothing, counts them and focuses the first', async () => {
    const w = world();
    const el = await creator(w, 'nuki');
    type(el, '#code', '120000');
    const before = w.requests.length;
    await submit(el);
    await el.submit();
    expect(w.requests.length).to.equal(before);
    expect(el.matches(':state(invalid)')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.id).to.equal('code');
    expect(text(el, '[role=status]')).to.match(/things? needs? fixing/);
  });

  it('speaks German when the page does', async () => {
    const w = world();
    const el = await creator(w, 'nuki', { lang: 'de' });
    expect(text(el)).to.contain('Neuer Zugangscode für');
    expect($(el, 'label[for=name]').textContent).to.equal(de.creator.name);
    type(el, '#code', '120000');
    await el.updateComplete;
    expect(text(el, '#code-error')).to.contain('Dieses Schloss nimmt die Ziffer 0 nicht an.');
    expect(text(el, '#code-error')).to.contain('keine PIN an, die mit 12 beginnt');
    await expect(el).to.be.accessible();
  });
});

describe('<seam-code-creator> creating', () => {
  it('creates one code and follows it until it is set on the lock', async () => {
    const w = world();
    const el = await creator(w, 'builtInKeypad', { name: 'Guest: Ana Silva' });
    const deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    const before = (await codesOn(w.client, deviceId)).length;
    expect(($(el, '#name') as HTMLInputElement).value).to.equal('Guest: Ana Silva');
    type(el, '#code', '48213');

    const submitted = oneEvent(el, 'seam-code-submit') as Promise<SeamCodeSubmitEvent>;
    const created = oneEvent(el, 'seam-code-created') as Promise<SeamCodeCreatedEvent>;
    const set = oneEvent(el, 'seam-code-set') as Promise<SeamCodeSetEvent>;
    await submit(el);
    expect((await submitted).detail.request).to.deep.include({
      device_id: deviceId,
      name: 'Guest: Ana Silva',
      code: '48213',
    });
    const { detail } = await created;
    expect(detail.adopted).to.equal(false);
    expect(detail.accessCode.code).to.equal('48213');
    await untilState(el, 'created');
    await expect(el).to.be.accessible();

    await w.advance(60_000);
    const { detail: setDetail } = await set;
    expect(setDetail.accessCode.access_code_id).to.equal(detail.accessCode.access_code_id);
    expect(setDetail.accessCode.status).to.equal('set');
    const status = el.shadowRoot!.querySelector('seam-code-status')!;
    await waitUntil(() => status.matches(':state(active)'), 'the status never showed active');
    expect((await codesOn(w.client, deviceId)).length).to.equal(before + 1);
    await expect(el).to.be.accessible();
    await expect(el).to.be.accessible();
  });

  it('double click, Enter twice and a lost response still make one code', async () => {
    const w = world();
    const deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    const el = await creator(w, 'builtInKeypad');
    type(el, '#name', 'Twice');
    type(el, '#code', '50917');
    const before = (await codesOn(w.client, deviceId)).length;
    const created: SeamCodeCreatedEvent[] = [];
    el.addEventListener('seam-code-created', (event) => created.push(event));
    $(el, '#submit').click();
    $(el, '#submit').click();
    const form = $(el, 'form') as HTMLFormElement;
    form.requestSubmit();
    form.requestSubmit();
    await untilState(el, 'created');
    await settle();
    expect(created).to.have.length(1);
    expect(w.requests.filter((route) => route === '/access_codes/create')).to.have.length(1);
    expect((await codesOn(w.client, deviceId)).length).to.equal(before + 1);
  });

  it('adopts the code when the create response is lost, instead of making a second one', async () => {
    const sandbox = createSandbox({ speed: 0, start: START, rateLimits: false });
    const base = world();
    let dropped = false;
    const { SeamClient } = await import('@seam-codes/core');
    const client = SeamClient.fromClientSessionToken(sandbox.credentials.clientSessionToken, {
      endpoint: 'https://sandbox.invalid',
      retry: false,
      fetch: async (request) => {
        const response = await sandbox.fetch(request);
        if (!dropped && new URL(request.url).pathname === '/access_codes/create') {
          dropped = true; // Seam acted on it; the answer never arrives.
          throw new TypeError('Failed to fetch');
        }
        return response;
      },
    });
    const deviceId = sandbox.catalogue.devices.builtInKeypad;
    const el = await creator(
      { ...base, sandbox, client, now: () => sandbox.clock.now() },
      'builtInKeypad',
    );
    type(el, '#name', 'Lost answer');
    type(el, '#code', '60423');
    const before = (await codesOn(client, deviceId)).length;
    const created = oneEvent(el, 'seam-code-created') as Promise<SeamCodeCreatedEvent>;
    await submit(el);
    const { detail } = await created;
    expect(dropped).to.equal(true);
    expect(detail.adopted).to.equal(true);
    expect((await codesOn(client, deviceId)).length).to.equal(before + 1);
  });

  it('a canceled seam-code-submit sends nothing', async () => {
    const w = world();
    const el = await creator(w, 'builtInKeypad');
    type(el, '#code', '70531');
    el.addEventListener('seam-code-submit', (event) => event.preventDefault());
    const before = w.requests.length;
    await submit(el);
    await el.submit();
    expect(w.requests.length).to.equal(before);
    expect(el.matches(':state(ready)')).to.equal(true);
  });

  it('maps Seam’s refusals onto the fields and keeps what was typed', async () => {
    const w = world();
    const deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    const el = await creator(w, 'builtInKeypad');
    type(el, '#name', 'Clash');
    type(el, '#code', '82461');
    // The PIN appears on the lock after the form loaded: only Seam can say so.
    w.sandbox.control.addUnmanagedCode(deviceId, { name: 'Typed at the keypad', code: '82461' });
    const errors: SeamErrorEvent[] = [];
    el.addEventListener('seam-error', (event) => errors.push(event));
    await submit(el);
    await waitUntil(() => errors.length > 0, 'no seam-error');
    await el.updateComplete;
    expect(errors[0]!.detail.stage).to.equal('create');
    expect($(el, '#code').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#code-error')).to.not.equal('');
    expect(($(el, '#name') as HTMLInputElement).value).to.equal('Clash');
    expect(($(el, '#code') as HTMLInputElement).value).to.equal('82461');
    expect(el.shadowRoot!.activeElement?.id).to.equal('code');
    await expect(el).to.be.accessible();

    // A window the page's clock thinks is in the future and Seam's knows is past.
    const skewed = await creator(w, 'builtInKeypad');
    skewed.now = () => w.now() - 3 * 24 * 3600_000;
    check(skewed, '#timing-time_bound');
    await skewed.updateComplete;
    type(skewed, '#starts_at', '2026-01-12T09:00');
    type(skewed, '#ends_at', '2026-01-12T18:00');
    type(skewed, '#code', '93571');
    await submit(skewed);
    await waitUntil(() => $$(skewed, '#ends_at-error, #starts_at-error, #submit-error').length > 0);
    expect(($(skewed, '#ends_at') as HTMLInputElement).value).to.equal('2026-01-12T18:00');
    await expect(skewed).to.be.accessible();
  });

  it('puts one PIN on several locks with create_multiple', async () => {
    const w = world();
    const el = await fixture<SeamCodeCreator>(
      html`<seam-code-creator lang="en"></seam-code-creator>`,
    );
    el.now = w.now;
    el.client = w.client;
    el.verifier = w.verifier;
    el.verifier = w.verifier;
    el.deviceIds = [w.sandbox.catalogue.devices.builtInKeypad, w.sandbox.catalogue.devices.slow];
    await untilState(el, 'ready');
    expect(text(el)).to.contain('One PIN for');
    type(el, '#code', '31852');
    const created = oneEvent(el, 'seam-code-created') as Promise<SeamCodeCreatedEvent>;
    await submit(el);
    const { detail } = await created;
    expect(detail.accessCodes).to.have.length(2);
    expect(new Set(detail.accessCodes.map((code) => code.code))).to.deep.equal(new Set(['31852']));
    expect(w.requests).to.include('/access_codes/create_multiple');
  });

  it('suggests a PIN that the lock accepts, and asks Seam for one', async () => {
    const w = world();
    const el = await creator(w, 'nuki');
    $(el, 'button:not([type=submit])').click();
    await el.updateComplete;
    const suggested = ($(el, '#code') as HTMLInputElement).value;
    expect(suggested).to.match(/^[1-9]{6}$/);
    expect(suggested.startsWith('12')).to.equal(false);
    expect($(el, '#code').getAttribute('aria-invalid')).to.equal('false');
    const [, askSeam] = $$(el, '.control-row button');
    askSeam!.click();
    await waitUntil(() => w.requests.includes('/access_codes/generate_code'));
    await settle();
    await el.updateComplete;
    expect(($(el, '#code') as HTMLInputElement).value).to.match(/^\d{6}$/);
  });

  it('lets Seam choose the PIN with a preferred length', async () => {
    const w = world();
    const el = await creator(w, 'builtInKeypad', { 'preferred-code-length': '6' });
    expect(($(el, '#pin-mode-seam') as HTMLInputElement).checked).to.equal(true);
    const created = oneEvent(el, 'seam-code-created') as Promise<SeamCodeCreatedEvent>;
    await submit(el);
    const { detail } = await created;
    expect(detail.accessCode.code).to.have.length(6);
  });
});

describe('<seam-code-creator> time zones', () => {
  it('enters times at the lock across its DST change and shows the viewer’s zone beside them', async () => {
    // The Seaside Cottage lock is in Los Angeles; clocks go forward on 2026-03-08 at 02:00.
    const w = world({ start: '2026-03-01T12:00:00Z' });
    const el = await creator(w, 'builtInKeypad', { viewer: 'Europe/Berlin' });
    check(el, '#timing-time_bound');
    await el.updateComplete;
    type(el, '#starts_at', '2026-03-07T15:00');
    type(el, '#ends_at', '2026-03-09T11:00');
    await el.updateComplete;
    expect(text(el)).to.contain("lock's time zone: America/Los_Angeles");
    expect(text(el, '#starts_at-hint')).to.contain('PST');
    expect(text(el, '#ends_at-hint')).to.contain('PDT');
    // The viewer is in Berlin: 15:00 PST is midnight there, 11:00 PDT is 19:00.
    expect(text(el, '#starts_at-hint')).to.match(/For you: Mar 8, 2026, 12:00\s?AM/);
    expect(text(el, '#ends_at-hint')).to.match(/For you: Mar 9, 2026, 7:00\s?PM/);

    type(el, '#code', '74153');
    const submitted = oneEvent(el, 'seam-code-submit') as Promise<SeamCodeSubmitEvent>;
    await submit(el);
    const { request } = (await submitted).detail;
    expect(request.starts_at).to.equal('2026-03-07T23:00:00.000Z');
    expect(request.ends_at).to.equal('2026-03-09T18:00:00.000Z');
  });

  it('says when a wall time falls in the skipped hour', async () => {
    const w = world({ start: '2026-03-01T12:00:00Z' });
    const el = await creator(w, 'builtInKeypad');
    check(el, '#timing-time_bound');
    await el.updateComplete;
    type(el, '#starts_at', '2026-03-08T02:30');
    await el.updateComplete;
    expect(text(el, '#starts_at-hint')).to.contain('does not exist on this day');
    expect(text(el, '#starts_at-hint')).to.match(/3:30\s?AM PDT/);
  });

  it('reads presets as instants or lock wall times', async () => {
    const w = world();
    const el = await creator(w, 'nuki', {
      'starts-at': '2026-02-01T14:00:00Z',
      'ends-at': '2026-02-05T10:00',
      code: '345678',
    });
    expect(($(el, '#timing-time_bound') as HTMLInputElement).checked).to.equal(true);
    // Berlin is UTC+1 in February.
    expect(($(el, '#starts_at') as HTMLInputElement).value).to.equal('2026-02-01T15:00');
    expect(($(el, '#ends_at') as HTMLInputElement).value).to.equal('2026-02-05T10:00');
    expect(($(el, '#code') as HTMLInputElement).value).to.equal('345678');
    el.setAttribute('starts-at', 'next tuesday');
    await el.updateComplete;
    expect(text(el, '#starts_at-error')).to.contain('"next tuesday" is not a date and time');
  });

  it('falls back to the time-zone attribute when the lock has none', async () => {
    const w = world();
    const el = await creator(w, 'failing', { 'time-zone': 'America/Chicago' });
    expect(text(el)).to.contain("property's time zone: America/Chicago");
  });
});

describe('<seam-code-creator> configuration', () => {
  it('refuses an API key outside a local sandbox, and says how to fix it', async () => {
    const errors: SeamErrorEvent[] = [];
    const el = await fixture<SeamCodeCreator>(
      html`<seam-code-creator
        lang="en"
        device-id="x"
        api-key="seam_test_key"
        endpoint="https://connect.getseam.com"
        @seam-error=${(event: SeamErrorEvent) => errors.push(event)}
      ></seam-code-creator>`,
    );
    await el.updateComplete;
    expect(text(el)).to.contain('An API key is refused here');
    expect(errors[0]?.detail.code).to.equal('api_key_refused');
    await expect(el).to.be.accessible();
  });

  it('needs user-identifier-key with publishable-key, and credentials at all', async () => {
    const pk = await fixture<SeamCodeCreator>(
      html`<seam-code-creator
        lang="en"
        device-id="x"
        publishable-key="seam_pk1_token"
      ></seam-code-creator>`,
    );
    expect(text(pk)).to.contain('publishable-key needs user-identifier-key');
    const none = await fixture<SeamCodeCreator>(
      html`<seam-code-creator lang="en" device-id="x"></seam-code-creator>`,
    );
    expect(text(none)).to.contain('This element has no credentials');
  });

  it('asks for a lock when device-id is missing', async () => {
    const w = world();
    const el = await fixture<SeamCodeCreator>(
      html`<seam-code-creator lang="en"></seam-code-creator>`,
    );
    el.client = w.client;
    el.verifier = w.verifier;
    el.verifier = w.verifier;
    await el.updateComplete;
    expect(text(el)).to.contain('Set device-id');
  });
});

/**
 * A world whose `role` lock also declares `rule`, for the two digit rules no catalogue lock has:
 * the sandbox is restored from its own snapshot with the constraint added.
 */
function withConstraint(role: SandboxDeviceRole, rule: PinConstraintType): World {
  const probe = createSandbox({ speed: 0, start: START });
  const state = probe.snapshot();
  probe.dispose();
  const deviceId = probe.catalogue.devices[role];
  const device = state.devices.find((record) => record.device_id === deviceId);
  if (device === undefined) throw new Error(`no ${role} in the snapshot`);
  const constraints = device.base.properties.code_constraints ?? [];
  if (!constraints.some((constraint) => constraint.constraint_type === rule)) {
    device.base.properties.code_constraints = [
      ...constraints,
      { constraint_type: rule } as (typeof constraints)[number],
    ];
  }
  return world({ state });
}
