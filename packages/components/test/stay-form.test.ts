/**
 * Issue 8, the creator's form: items 1, 2, 4, 5, 8 and 9.
 * The real elements against the sandbox, typed by keyboard where a user types, with codes
 * counted through the sandbox's API rather than read off the UI.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';
import { $, $$, check, text, world } from './support.js';
import { clearByKeyboard, codesOn, creator, focus, formShape, ready } from './stay-support.js';

describe('item 1: a time-bound choice never becomes "until deleted"', () => {
  for (const lang of ['en', 'de']) {
    it(`${lang}: both times cleared by keyboard is an error on each field, and nothing is sent`, async () => {
      const w = world();
      const el = await creator(w, 'builtInKeypad', { lang });
      const deviceId = w.sandbox.catalogue.devices.builtInKeypad;
      const before = (await codesOn(w.client, deviceId)).length;
      check(el, '#timing-time_bound');
      await el.updateComplete;
      await clearByKeyboard(el, '#starts_at');
      await clearByKeyboard(el, '#ends_at');
      await el.updateComplete;
      expect(($(el, '#starts_at') as HTMLInputElement).value).to.equal('');
      expect(($(el, '#ends_at') as HTMLInputElement).value).to.equal('');
      $(el, '#submit').click();
      await el.updateComplete;
      await el.submit();
      await el.updateComplete;
      expect((await codesOn(w.client, deviceId)).length).to.equal(before);
      expect(w.requests.filter((route) => route.endsWith('/create'))).to.deep.equal([]);
      expect($(el, '#starts_at').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#ends_at').getAttribute('aria-invalid')).to.equal('true');
      expect(text(el, '#starts_at-error')).to.not.equal('');
      expect(text(el, '#ends_at-error')).to.not.equal('');
      // The choice stands.
      expect(($(el, '#timing-time_bound') as HTMLInputElement).checked).to.equal(true);
      expect(el.shadowRoot!.activeElement?.id).to.equal('starts_at');
    });
  }

  it('a completed window creates a time-bound code, never an ongoing one', async () => {
    const w = world();
    const el = await creator(w, 'builtInKeypad');
    check(el, '#timing-time_bound');
    await el.updateComplete;
    await el.submit();
    const [code] = (await codesOn(w.client, w.sandbox.catalogue.devices.builtInKeypad)).filter(
      (candidate) => candidate.is_managed,
    );
    expect(code?.type).to.equal('time_bound');
  });
});

describe('item 2: a date typed by keyboard stays as typed', () => {
  for (const lang of ['en', 'de']) {
    it(`${lang}: "12 02 2026", Tab, "03 15 P" in Starts gives Dec 2, 2026 3:15 PM`, async () => {
      const w = world();
      const el = await creator(w, 'builtInKeypad', { lang });
      check(el, '#timing-time_bound');
      await el.updateComplete;
      const input = await focus(el, '#starts_at');
      await sendKeys({ type: '12022026' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '0315P' });
      await el.updateComplete;
      expect(input.value).to.equal('2026-12-02T15:15');
      // The same keys on a plain input of the page give the same value: nothing was rewritten.
      const plain = await fixture<HTMLInputElement>(
        html`<input type="datetime-local" value="2026-01-15T10:00" />`,
      );
      plain.focus();
      await sendKeys({ type: '12022026' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '0315P' });
      expect(plain.value).to.equal(input.value);
    });
  }

  it('arrow keys step a segment, and paste (an input event with a whole value) is taken', async () => {
    const w = world();
    const el = await creator(w, 'builtInKeypad');
    check(el, '#timing-time_bound');
    await el.updateComplete;
    const input = await focus(el, '#ends_at');
    const start = input.value;
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(input.value).to.not.equal(start);
    expect(input.value.slice(5, 7)).to.equal(
      String((Number(start.slice(5, 7)) % 12) + 1).padStart(2, '0'),
    );
    input.value = '2026-02-03T11:00';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(input.value).to.equal('2026-02-03T11:00');
    expect(text(el, '#ends_at-hint')).to.contain('2026');
    expect($$(el, '#ends_at-error')).to.have.length(0);
  });
});

describe('item 4: names follow the limits, and nothing grows wider than its container', () => {
  it('a pasted 5,000-character name is an error on the name, and nothing is sent', async () => {
    const w = world();
    const el = await creator(w, 'builtInKeypad');
    const deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    const before = (await codesOn(w.client, deviceId)).length;
    const name = $(el, '#name') as HTMLInputElement;
    name.focus();
    await sendKeys({ type: 'Guest ' });
    // A paste: one input event carrying the whole text.
    name.value += 'x'.repeat(5000);
    name.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(text(el, '#name-error')).to.contain('at most 60 characters');
    await el.submit();
    expect((await codesOn(w.client, deviceId)).length).to.equal(before);
    expect(name.value).to.have.length(5006);
  });

  it('a status card for a code with a 5,000-character name stays within 375 px', async () => {
    const w = world();
    const code = await w.client.accessCodes.create({
      device_id: w.sandbox.catalogue.devices.builtInKeypad,
      name: 'y'.repeat(5000),
      code: '7384',
    });
    const box = await fixture<HTMLDivElement>(html`<div style="width: 375px"></div>`);
    const el = document.createElement('seam-code-status') as SeamCodeStatus;
    el.client = w.client;
    el.verifier = w.verifier;
    el.now = w.now;
    el.accessCode = code;
    box.append(el);
    await w.advance(5_000);
    await el.updateComplete;
    expect(el.getBoundingClientRect().width).to.be.at.most(375);
    expect(el.shadowRoot!.querySelector('.base')!.scrollWidth).to.be.at.most(375);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
  });
});

describe('item 5: switching locks gives the form a fresh load gives', () => {
  it('Salto (the lock picks the PIN), then the built-in keypad: "Choose it" and the PIN field', async () => {
    const w = world();
    const el = await creator(w, 'salto');
    expect($$(el, '#code')).to.have.length(0);
    ($(el, '#name') as HTMLInputElement).focus();
    await sendKeys({ type: 'Guest Ana' });
    el.deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    await ready(el);
    await waitUntil(() => $$(el, '#code').length === 1, 'no PIN field after the switch');
    const fresh = await creator(w, 'builtInKeypad');
    ($(fresh, '#name') as HTMLInputElement).focus();
    await sendKeys({ type: 'Guest Ana' });
    await fresh.updateComplete;
    expect(formShape(el)).to.deep.equal(formShape(fresh));
    expect(($(el, '#pin-mode-choose') as HTMLInputElement).checked).to.equal(true);
    expect(($(el, '#name') as HTMLInputElement).value).to.equal('Guest Ana');
  });
});

describe('item 8: the name hint and the name rule are one thing', () => {
  it('Kwikset (2 to 14): an empty name is an error where the hint says so; nothing is sent', async () => {
    const w = world();
    const el = await creator(w, 'kwikset');
    const deviceId = w.sandbox.catalogue.devices.kwikset;
    const before = (await codesOn(w.client, deviceId)).length;
    expect(text(el, '#name-hint')).to.contain('2 to 14 characters');
    ($(el, '#code') as HTMLInputElement).focus();
    await sendKeys({ type: '4829' });
    $(el, '#submit').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.submit();
    expect((await codesOn(w.client, deviceId)).length).to.equal(before);
    expect(text(el, '#name-error')).to.contain('at least 2 characters');
    expect(el.shadowRoot!.activeElement?.id).to.equal('name');
    ($(el, '#name') as HTMLInputElement).focus();
    await sendKeys({ type: 'Ana' });
    await el.updateComplete;
    await el.submit();
    const codes = await codesOn(w.client, deviceId);
    expect(codes.length).to.equal(before + 1);
    expect(codes.find((code) => code.code === '4829')?.name).to.equal('Ana');
  });
});

describe('item 9: a start already past is said before Create, and on the status', () => {
  it('typed by keyboard: a warning under Starts, then "From now" on the status', async () => {
    const w = world();
    const el = await creator(w, 'builtInKeypad');
    check(el, '#timing-time_bound');
    await el.updateComplete;
    // The lock's clock reads the morning of Jan 14 (the sandbox starts at 17:00 UTC).
    await focus(el, '#starts_at');
    await sendKeys({ type: '01142026' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '0100A' });
    await el.updateComplete;
    expect(text(el, '#starts_at-warning')).to.contain('starts as soon as it reaches the lock');
    await el.submit();
    await el.updateComplete;
    const status = $(el, 'seam-code-status') as SeamCodeStatus;
    await status.updateComplete;
    await waitUntil(() => text(status, '[part=window]').includes('From now'), 'no "From now"');
    const [code] = (await codesOn(w.client, w.sandbox.catalogue.devices.builtInKeypad)).filter(
      (candidate) => candidate.is_managed,
    );
    expect(code?.type).to.equal('time_bound');
  });
});
