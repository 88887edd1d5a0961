/**
 * Issue 8, the status: items 3, 6, 10 and 12.
 * The real elements against the sandbox, typed by keyboard where a user types, with codes
 * counted through the sandbox's API rather than read off the UI.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { initialCodeState, transitionAll, type Observation } from '@seam-codes/core';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';
import { $, $$, text, world } from './support.js';
import { codesOn, seamStatus, statusOf, until, windowFrom } from './stay-support.js';

describe('item 3: "Removed" only once Seam confirms it', () => {
  it('slow lock: removing for as long as get and list say removing, then removed on the 404', async () => {
    const w = world();
    const deviceId = w.sandbox.catalogue.devices.slow;
    const code = await w.client.accessCodes.create({ device_id: deviceId, code: '38417' });
    await w.advance(30 * 60_000);
    const el = await statusOf(w, code);
    await until(w, () => el.matches(':state(active)'), 'never active');
    // Delete and confirm by keyboard.
    $(el, '#delete').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('confirm-delete');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.matches(':state(removing)'), 'never removing');
    let seam = await seamStatus(w.client, code.access_code_id);
    let steps = 0;
    while (seam !== 'gone' && steps++ < 200) {
      // 2 s first (when the premature "Removed" used to show), then 30 s steps.
      await w.advance(steps === 1 ? 2_000 : 30_000);
      await el.updateComplete;
      const listed = (await codesOn(w.client, deviceId)).find(
        (candidate) => candidate.access_code_id === code.access_code_id,
      );
      seam = await seamStatus(w.client, code.access_code_id);
      if (listed?.status === 'removing') {
        expect(el.matches(':state(removed)'), `removed shown at step ${steps}`).to.equal(false);
        expect(text(el, '[part=phase]')).to.equal('Removing');
      }
    }
    expect(steps, 'the slow lock took a while to remove the code').to.be.greaterThan(3);
    await until(w, () => el.matches(':state(removed)'), 'never removed after the 404');
  });
});

describe('item 6: the backup code', () => {
  it('a failed code made with the backup pool offers "Use a backup code", and shows it', async () => {
    const w = world();
    const deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    // Another code with the pool first: its pool codes are programmed in the background.
    await w.client.accessCodes.create({
      device_id: deviceId,
      code: '5937',
      use_backup_access_code_pool: true,
      ...windowFrom(w, 3_600_000),
    });
    w.sandbox.control.failNextSet(deviceId, 1);
    const code = await w.client.accessCodes.create({
      device_id: deviceId,
      code: '6048',
      use_backup_access_code_pool: true,
      ...windowFrom(w, 3_600_000),
    });
    const el = await statusOf(w, code);
    // The fault aimed at the next set hit that code, not a pool code nor the other one.
    await until(w, () => el.matches(':state(failed)'), 'the next set did not fail');
    const button = $$(el, '[part=actions] button').find(
      (b) => b.textContent?.trim() === 'Use a backup code',
    );
    expect(button, 'a "Use a backup code" button').to.not.equal(undefined);
    button!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $$(el, '#backup').length === 1, 'no backup shown');
    const pulled = await w.client.accessCodes.get({ access_code_id: code.access_code_id });
    const backupId = (pulled as { pulled_backup_access_code_id?: string | null })
      .pulled_backup_access_code_id;
    expect(backupId).to.be.a('string');
    const backup = await w.client.accessCodes.get({ access_code_id: backupId as string });
    expect(text(el, '#backup')).to.contain(backup.code as string);
    expect(el.shadowRoot!.activeElement?.id).to.equal('backup');
  });

  it('a failed code without a backup: no button, and the guidance does not advise one', async () => {
    const w = world();
    const deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    w.sandbox.control.failNextSet(deviceId, 1);
    const code = await w.client.accessCodes.create({ device_id: deviceId, code: '6149' });
    const el = await statusOf(w, code);
    await until(w, () => el.matches(':state(failed)'), 'never failed');
    // Our words (title, explanation, what helps); Seam's own message is quoted as it is.
    const ours = $$(el, '[part=issue] p')
      .map((p) => p.textContent ?? '')
      .filter((line) => !line.trim().startsWith('Seam says'));
    expect(ours.length).to.be.greaterThan(1);
    expect(ours.join(' ')).to.not.match(/backup/i);
    expect($$(el, '[part=actions] button').map((b) => b.textContent?.trim())).to.not.include(
      'Use a backup code',
    );
  });

  it('an active code made with the pool does not say "No backup codes left"', async () => {
    const w = world();
    const deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    const code = await w.client.accessCodes.create({
      device_id: deviceId,
      code: '6250',
      use_backup_access_code_pool: true,
      ...windowFrom(w, -60_000),
    });
    const el = await statusOf(w, code);
    await until(w, () => el.matches(':state(active)'), 'never active');
    expect(text(el)).to.not.contain('No backup codes left');
  });
});

describe('item 10: no date in the past while a new code waits', () => {
  it('a code starting tomorrow on a preloading lock: never "around" a past date, then Scheduled', async () => {
    const w = world();
    const code = await w.client.accessCodes.create({
      device_id: w.sandbox.catalogue.devices.nativeScheduling,
      code: '52846',
      ...windowFrom(w, 24 * 3_600_000),
    });
    const el = await statusOf(w, code);
    for (let second = 0; second < 10 && !el.matches(':state(scheduled)'); second++) {
      await el.updateComplete;
      if (el.matches(':state(pending)')) {
        expect(text(el, '[part=detail]')).to.not.contain('around');
      }
      await w.advance(1_000);
    }
    await until(w, () => el.matches(':state(scheduled)'), 'never scheduled');
  });
});

describe('item 12: the history, one entry per fact in Seam’s order', () => {
  it('events and snapshots seen by a browser clock 90 s ahead: "Set on the lock" once, in order', async () => {
    const w = world();
    const code = await w.client.accessCodes.create({
      device_id: w.sandbox.catalogue.devices.builtInKeypad,
      code: '8461',
    });
    const ahead = 90_000;
    const seen = (ms: number) => new Date(w.now() + ms + ahead).toISOString();
    const observations: Observation[] = [
      { type: 'request.started', requestId: 'c1', operation: 'create', observedAt: seen(0) },
      {
        type: 'request.succeeded',
        requestId: 'c1',
        operation: 'create',
        observedAt: seen(10),
        accessCode: code,
      },
    ];
    for (const step of [2_000, 5_000, 60_000]) {
      w.sandbox.clock.advance(step);
      const accessCode = await w.client.accessCodes.get({ access_code_id: code.access_code_id });
      observations.push({ type: 'code.observed', accessCode, observedAt: seen(0) });
    }
    for (const event of w.sandbox.events()) {
      if ('access_code_id' in event && event.access_code_id === code.access_code_id) {
        observations.push({ type: 'event.received', event });
      }
    }
    const [state] = transitionAll(initialCodeState(), observations);
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status lang="en" time-zone="UTC" .state=${state}></seam-code-status>`,
    );
    await el.updateComplete;
    const lines = $$(el, '[part=timeline] li span').map((span) => span.textContent?.trim() ?? '');
    expect(
      lines.filter((line) => line === 'Set on the lock'),
      lines.join(' | '),
    ).to.have.length(1);
    expect(new Set(lines).size, lines.join(' | ')).to.equal(lines.length);
    const times = $$(el, '[part=timeline] li time').map((node) =>
      Date.parse(node.getAttribute('datetime') ?? ''),
    );
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    // One clock, Seam's: nothing before Seam created the code, nothing after its clock's now.
    const created = Date.parse(code.created_at);
    expect(
      times.every((time) => time >= created && time <= w.now()),
      lines.join(' | '),
    ).to.equal(true);
  });
});
