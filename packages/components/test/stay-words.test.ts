/**
 * Issue 8, words and warnings: items 7 and 13.
 * The real elements against the sandbox, typed by keyboard where a user types, with codes
 * counted through the sandbox's API rather than read off the UI.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';
import { $, $$, text, world } from './support.js';
import { creator } from './stay-support.js';

describe('item 7: each warning once', () => {
  for (const role of ['lowKeypadBattery', 'offline', 'slow', 'failing'] as const) {
    it(`${role}: no warning is said twice in the creator`, async () => {
      const w = world();
      const el = await creator(w, role);
      ($(el, '#name') as HTMLInputElement).focus();
      await sendKeys({ type: 'Guest' });
      await el.updateComplete;
      const warnings = $$(el, '.warning-text, [part~=field-warning]')
        .flatMap((node) => [...node.querySelectorAll('p, li'), node])
        .filter((node) => node.children.length === 0)
        .map((node) => (node.textContent ?? '').trim())
        .filter((line) => line !== '');
      expect(warnings.length, 'the lock has a caution').to.be.greaterThan(0);
      expect(warnings).to.deep.equal([...new Set(warnings)]);
      for (const line of warnings) {
        expect(text(el).split(line).length - 1, line).to.equal(1);
      }
    });
  }
});

describe('item 13: words for the person who can act', () => {
  it('a lock without a keypad cannot take codes at all, not "right now"', async () => {
    const el = await creator(world(), 'noAccessCodes');
    expect(text(el)).to.contain('This lock cannot take access codes.');
    expect(text(el)).to.not.contain('right now');
  });

  it('the failing lock’s unknown zone: the host reads which zone, the developer gets the fix', async () => {
    const warned: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warned.push(args.join(' '));
    try {
      const el = await creator(world(), 'failing');
      expect(text(el)).to.contain("The lock's time zone is unknown");
      expect(text(el)).to.not.contain('time-zone');
      expect(warned.some((line) => line.includes('time-zone attribute'))).to.equal(true);
    } finally {
      console.warn = original;
    }
  });

  it('the disconnected account’s lock is not summarised as "Online"', async () => {
    const el = await creator(world(), 'accountDisconnected');
    expect(text(el)).to.not.match(/\bOnline\b/);
    expect(text(el)).to.contain('account disconnected');
  });

  it('the PIN toggle says "Hide PIN" once shown; "Create another code" puts focus in the form', async () => {
    const w = world();
    const el = await creator(w, 'builtInKeypad');
    ($(el, '#code') as HTMLInputElement).focus();
    await sendKeys({ type: '4827' });
    $(el, '#submit').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.matches(':state(created)'), 'never created');
    const status = $(el, 'seam-code-status') as SeamCodeStatus;
    await status.updateComplete;
    const toggle = $$(status, '[part=pin] button')[0] as HTMLButtonElement;
    expect(toggle.textContent?.trim()).to.equal('Show PIN');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await status.updateComplete;
    expect(toggle.textContent?.trim()).to.equal('Hide PIN');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(text(status, '[part=pin]')).to.contain('4827');
    const another = $$(el, '.created button').find(
      (button) => button.textContent?.trim() === 'Create another code',
    ) as HTMLButtonElement;
    another.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.matches(':state(ready)'), 'the form never came back');
    await waitUntil(() => el.shadowRoot!.activeElement !== null, 'focus left the creator');
    expect(document.activeElement === el, 'focus in the creator').to.equal(true);
    expect(el.shadowRoot!.activeElement?.id).to.equal('name');
  });
});
