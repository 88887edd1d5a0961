import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  PIN_WITHHELD,
  initialCodeState,
  isSeamApiError,
  transitionAll,
  withoutPins,
  type CodeState,
  type DerivedPhase,
  type Observation,
} from '@seam-codes/core';
import type { SandboxDeviceRole } from '@seam-codes/sandbox';
import type { AccessCode } from '@seamapi/types/connect';
import '../src/define.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';
import type {
  SeamCodeDeleteEvent,
  SeamStatusChangeEvent,
} from '../src/code-status/code-status.events.js';
import { de } from '../src/internal/strings/de.js';
import { en } from '../src/internal/strings/index.js';
import { $, $$, text, world } from './support.js';

type World = ReturnType<typeof world>;
const HOUR = 3_600_000;

/** Creates a code on a catalogue lock through the client, as a page would. */
async function create(
  w: World,
  role: SandboxDeviceRole,
  params: Record<string, unknown> = {},
): Promise<AccessCode> {
  return w.client.accessCodes.create({
    device_id: w.sandbox.catalogue.devices[role],
    name: `Test ${role}`,
    ...params,
  });
}

/**
 * Everything observable about a code now, through the pure lifecycle: its snapshot (or a 404)
 * and its events, as the verifier would feed them.
 */
async function stateOf(w: World, accessCodeId: string, events = true): Promise<CodeState> {
  const observedAt = new Date(w.now()).toISOString();
  const observations: Observation[] = events
    ? w.sandbox
        .events()
        .filter((event) => 'access_code_id' in event && event.access_code_id === accessCodeId)
        .map((event) => ({ type: 'event.received', event }))
    : [];
  try {
    const accessCode = await w.client.accessCodes.get({ access_code_id: accessCodeId });
    observations.push({ type: 'code.observed', accessCode, observedAt });
  } catch (error) {
    if (!isSeamApiError(error) || error.status !== 404) throw error;
    observations.push({ type: 'code.notFound', accessCodeId, observedAt });
  }
  return transitionAll(initialCodeState(accessCodeId), observations)[0];
}

async function show(state: CodeState, attributes: { lang?: string; timeZone?: string } = {}) {
  const el = await fixture<SeamCodeStatus>(
    html`<seam-code-status
      lang=${attributes.lang ?? 'en'}
      time-zone=${attributes.timeZone ?? 'America/Los_Angeles'}
      viewer-time-zone="UTC"
      .state=${state}
    ></seam-code-status>`,
  );
  await el.updateComplete;
  return el;
}

/** One scenario per derived phase, each driven through the sandbox (or our own requests). */
const scenarios: Record<DerivedPhase, (w: World) => Promise<CodeState>> = {
  submitting: async () =>
    transitionAll(initialCodeState(), [
      { type: 'request.started', requestId: 'r1', operation: 'create', observedAt: START_ISO },
    ])[0],
  rejected: async () =>
    transitionAll(initialCodeState(), [
      { type: 'request.started', requestId: 'r1', operation: 'create', observedAt: START_ISO },
      {
        type: 'request.failed',
        requestId: 'r1',
        operation: 'create',
        observedAt: START_ISO,
        error: { type: 'invalid_input', message: 'code is too short', status: 400 },
      },
    ])[0],
  pending: async (w) => {
    const code = await create(w, 'justInTime', {
      code: '635241',
      starts_at: new Date(w.now() + 5 * 24 * HOUR).toISOString(),
      ends_at: new Date(w.now() + 7 * 24 * HOUR).toISOString(),
    });
    w.sandbox.clock.advance(10_000);
    return stateOf(w, code.access_code_id);
  },
  scheduled: async (w) => {
    const code = await create(w, 'builtInKeypad', {
      code: '83524',
      starts_at: new Date(w.now() + 48 * HOUR).toISOString(),
      ends_at: new Date(w.now() + 96 * HOUR).toISOString(),
    });
    w.sandbox.clock.advance(10 * 60_000);
    return stateOf(w, code.access_code_id);
  },
  programming: async (w) => {
    const code = await create(w, 'slow', { code: '47261' });
    w.sandbox.clock.advance(60_000);
    return stateOf(w, code.access_code_id);
  },
  delayed: async (w) => {
    const code = await create(w, 'slow', { code: '47262' });
    w.sandbox.clock.advance(15 * 60_000);
    return stateOf(w, code.access_code_id);
  },
  failed: async (w) => {
    const code = await create(w, 'failing', { code: '5824' });
    w.sandbox.clock.advance(5 * 60_000);
    return stateOf(w, code.access_code_id);
  },
  awaiting_code: async (w) => {
    const code = await create(w, 'salto');
    w.sandbox.clock.advance(1_000);
    return stateOf(w, code.access_code_id);
  },
  active: async (w) => {
    const code = await create(w, 'builtInKeypad', { code: '71935' });
    w.sandbox.clock.advance(5 * 60_000);
    return stateOf(w, code.access_code_id);
  },
  removing: async (w) => {
    const code = await create(w, 'slow', { code: '47263' });
    w.sandbox.clock.advance(60 * 60_000);
    await w.client.accessCodes.delete({ access_code_id: code.access_code_id });
    w.sandbox.clock.advance(60_000);
    // As a poller sees it: the snapshot says `removing`.
    return stateOf(w, code.access_code_id, false);
  },
  removing_failed: async (w) => {
    const code = await create(w, 'builtInKeypad', { code: '71936' });
    w.sandbox.clock.advance(5 * 60_000);
    w.sandbox.control.failNextRemove(w.sandbox.catalogue.devices.builtInKeypad, 5);
    await w.client.accessCodes.delete({ access_code_id: code.access_code_id });
    w.sandbox.clock.advance(10 * 60_000);
    return stateOf(w, code.access_code_id, false);
  },
  removed: async (w) => {
    const code = await create(w, 'builtInKeypad', { code: '71937' });
    w.sandbox.clock.advance(5 * 60_000);
    await w.client.accessCodes.delete({ access_code_id: code.access_code_id });
    w.sandbox.clock.advance(30 * 60_000);
    return stateOf(w, code.access_code_id);
  },
  unknown: async (w) => {
    const code = await create(w, 'builtInKeypad', { code: '71938' });
    w.sandbox.clock.advance(5 * 60_000);
    w.sandbox.control.setAccountConnected(w.sandbox.catalogue.connectedAccounts.yale, false);
    w.sandbox.clock.advance(60_000);
    return stateOf(w, code.access_code_id);
  },
};

const START_ISO = '2026-01-14T17:00:00.000Z';

describe('<seam-code-status> shows every derived phase', () => {
  for (const [phase, scenario] of Object.entries(scenarios) as [
    DerivedPhase,
    (w: World) => Promise<CodeState>,
  ][]) {
    it(`${phase}`, async () => {
      const w = world();
      const state = await scenario(w);
      expect(state.phase, 'the sandbox scenario reaches the phase').to.equal(phase);
      const el = await show(state);
      expect(el.matches(`:state(${phase})`)).to.equal(true);
      expect(text(el, '[part=phase]')).to.equal(en.status.phases[phase].label);
      expect(text(el, '[part=detail]')).to.not.equal('');
      expect($$(el, '[part=issue]')).to.have.length(state.issues.length);
      await expect(el).to.be.accessible();
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('pending says when the code goes to the lock; scheduled when it starts', async () => {
    const w = world();
    const state = await scenarios.pending(w);
    // Without the lock, only "before it starts"; with it, the hour of a just-in-time lock.
    const bare = await show(state, { timeZone: 'Australia/Sydney' });
    expect(text(bare, '[part=detail]')).to.equal(en.status.phases.pending.detail(null));
    const pending = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        .client=${w.client}
        .verifier=${w.verifier}
        .state=${state}
      ></seam-code-status>`,
    );
    // Starts Jan 19 17:00 UTC; Lockly programs 60 min before: 16:00 UTC, 03:00 next day in Sydney.
    await waitUntil(() => text(pending, '[part=detail]').includes('around'));
    expect(text(pending, '[part=detail]')).to.match(
      /Seam puts the code on the lock around Jan 20, 2026, 3:00\s?AM (GMT\+11|AEDT)/,
    );
    expect(text(pending, '[part=window]')).to.contain('lock time, Australia/Sydney');
    const scheduled = await show(await scenarios.scheduled(w));
    expect(text(scheduled, '[part=detail]')).to.match(
      /Preloaded on the lock; it starts working at Jan 16, 2026, 9:00\s?AM PST/,
    );
    expect(text(scheduled, '[part=window]')).to.contain('lock time, America/Los_Angeles');
  });

  it('failed shows the guidance, and the backup code when the lock has one', async () => {
    const w = world();
    const code = await create(w, 'builtInKeypad', {
      code: '29471',
      use_backup_access_code_pool: true,
      starts_at: new Date(w.now() + 2 * HOUR).toISOString(),
      ends_at: new Date(w.now() + 50 * HOUR).toISOString(),
    });
    w.sandbox.control.scriptCode(code.access_code_id, Array(10).fill('failure'));
    w.sandbox.clock.advance(10 * 60_000);
    const state = await stateOf(w, code.access_code_id);
    expect(state.phase).to.equal('failed');
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        viewer-time-zone="UTC"
        .client=${w.client}
        .verifier=${w.verifier}
        .now=${w.now}
        .state=${state}
      ></seam-code-status>`,
    );
    expect(text(el, '[part=issues]')).to.contain('Not on the lock yet');
    expect(state.flags.backupAvailable, 'the pool has a backup for it').to.equal(true);
    {
      const pull = $$(el, '[part~=actions] button').find((b) =>
        /backup/i.test(b.textContent ?? ''),
      );
      expect(pull, 'a backup button').to.not.equal(undefined);
      pull!.click();
      await waitUntil(() => $$(el, '[part=backup]').length > 0, 'no backup shown');
      expect(text(el, '[part=backup]')).to.match(/\d{4,}/);
    }
    await expect(el).to.be.accessible();
  });

  it('hides the errors and warnings a host filters out, and shows the code id', async () => {
    const w = world();
    const state = await scenarios.failed(w);
    expect(state.issues.some((issue) => issue.kind === 'error')).to.equal(true);
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        time-zone="UTC"
        .state=${state}
        .errorFilter=${() => false}
        .warningFilter=${() => false}
      ></seam-code-status>`,
    );
    expect($$(el, '[part=issue]')).to.have.length(0);
    expect(text(el, '[part=timeline]')).to.contain(state.accessCodeId!);
    el.hideIds = true;
    await el.updateComplete;
    expect(text(el, '[part=timeline]')).to.not.contain(state.accessCodeId!);
  });

  it('speaks German', async () => {
    const w = world();
    const el = await show(await scenarios.failed(w), { lang: 'de' });
    expect(text(el, '[part=phase]')).to.equal(de.status.phases.failed.label);
    expect(text(el, '[part=issues]')).to.contain(de.guidance['not_set']![0]);
    await expect(el).to.be.accessible();
  });
});

describe('<seam-code-status> PIN, window, timeline and use', () => {
  it('masks the PIN until revealed, and copies it', async () => {
    const w = world();
    const el = await show(await scenarios.active(w));
    expect(text(el, '[part=pin]')).to.contain('•••••');
    expect(text(el, '[part=pin]')).to.not.contain('71935');
    const [reveal] = $$(el, '[part=pin] button');
    reveal!.click();
    await el.updateComplete;
    expect(reveal!.getAttribute('aria-pressed')).to.equal('true');
    expect(text(el, '[part=pin]')).to.contain('71935');
    await expect(el).to.be.accessible();
  });

  it('reveals a PIN withheld from stored state by reading it from Seam, only when asked', async () => {
    const w = world();
    const state = await scenarios.active(w);
    // As a state resumed from IndexedDB or shared by another tab carries it: no PIN at rest.
    const stored = withoutPins(state);
    expect(stored.snapshot?.accessCode.code).to.equal(PIN_WITHHELD);
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        time-zone="UTC"
        .client=${w.client}
        .verifier=${w.verifier}
        .state=${stored}
      ></seam-code-status>`,
    );
    await el.updateComplete;
    const reads = () => w.requests.filter((path) => path === '/access_codes/get').length;
    const before = reads();
    expect(text(el, '[part=pin]')).to.not.contain('71935');
    expect(reads()).to.equal(before);
    const [reveal] = $$(el, '[part=pin] button');
    reveal!.click();
    await waitUntil(() => text(el, '[part=pin]').includes('71935'), 'the PIN was never fetched');
    expect(reveal!.getAttribute('aria-pressed')).to.equal('true');
    expect(reads()).to.equal(before + 1);
    expect(text(el, '[part=pin]')).to.not.contain(PIN_WITHHELD);
    // Hidden again, the fetched PIN is dropped; the host page never had it in a property.
    reveal!.click();
    await el.updateComplete;
    expect(text(el, '[part=pin]')).to.not.contain('71935');
    const shown = (el as unknown as { codeState: unknown }).codeState;
    expect(JSON.stringify(shown)).to.not.contain('71935');
  });

  it('shows the window in the lock zone and the viewer zone, and a timeline', async () => {
    const w = world();
    const state = await scenarios.scheduled(w);
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        time-zone="America/Los_Angeles"
        viewer-time-zone="Europe/Berlin"
        .state=${state}
      ></seam-code-status>`,
    );
    expect(text(el, '[part=window]')).to.match(/For you: Jan 16, 2026, 6:00\s?PM GMT\+1/);
    expect($$(el, '[part=timeline] li').length).to.be.greaterThan(1);
    expect(text(el, '[part=timeline]')).to.contain('Preloaded on the lock');
  });

  it('says the code was used when the lock reports an unlock with it', async () => {
    const w = world();
    const code = await create(w, 'builtInKeypad', { code: '61427' });
    w.sandbox.clock.advance(5 * 60_000);
    expect(
      w.sandbox.control.enterCode(w.sandbox.catalogue.devices.builtInKeypad, '61427'),
    ).to.equal(true);
    const state = await stateOf(w, code.access_code_id);
    expect(state.flags.used).to.equal(true);
    const el = await show(state);
    expect(el.matches(':state(used)')).to.equal(true);
    expect(text(el, '[part=flags]')).to.contain('Used: the door was last opened with this code');
  });
});

describe('<seam-code-status> with a client and the verifier', () => {
  it('reads the code, deletes it after confirmation, and fires the events', async () => {
    const w = world();
    const code = await create(w, 'slow', { code: '38417' });
    w.sandbox.clock.advance(60 * 60_000);
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        .client=${w.client}
        .verifier=${w.verifier}
        .now=${w.now}
        access-code-id=${code.access_code_id}
      ></seam-code-status>`,
    );
    await w.advance(0);
    await waitUntil(() => el.matches(':state(active)'), 'never active');
    const changes: SeamStatusChangeEvent[] = [];
    el.addEventListener('seam-status-change', (event) => changes.push(event));
    $(el, '#delete').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('confirm-delete');
    await expect(el).to.be.accessible();
    const deleting = oneEvent(el, 'seam-code-delete') as Promise<SeamCodeDeleteEvent>;
    $(el, '#confirm-delete').click();
    expect((await deleting).detail.accessCodeId).to.equal(code.access_code_id);
    await waitUntil(() => el.matches(':state(removing)'), 'never removing');
    await w.advance(30 * 60_000);
    await waitUntil(() => el.matches(':state(removed)'), 'never removed');
    expect(
      changes.some((c) => c.detail.phase === 'removing' && c.detail.previousPhase === 'active'),
    ).to.equal(true);
    expect(w.requests).to.include('/access_codes/delete');
  });

  it('a canceled seam-code-delete keeps the code', async () => {
    const w = world();
    const code = await create(w, 'builtInKeypad', { code: '38418' });
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        .client=${w.client}
        .verifier=${w.verifier}
        .now=${w.now}
        .accessCode=${code}
        @seam-code-delete=${(event: Event) => event.preventDefault()}
      ></seam-code-status>`,
    );
    $(el, '#delete').click();
    await el.updateComplete;
    $(el, '#confirm-delete').click();
    await el.updateComplete;
    expect(w.requests).to.not.include('/access_codes/delete');
  });

  it('shows removed when Seam no longer has the code', async () => {
    const w = world();
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        .client=${w.client}
        .verifier=${w.verifier}
        .now=${w.now}
        access-code-id="00000000-0000-4000-8000-000000000000"
      ></seam-code-status>`,
    );
    await w.advance(0);
    await waitUntil(() => el.matches(':state(removed)'), 'never removed');
    await expect(el).to.be.accessible();
  });
});
