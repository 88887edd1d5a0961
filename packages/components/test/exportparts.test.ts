/**
 * A page styles the status that the creator shows after creating a code with
 * `seam-code-creator::part(status-…)`: the creator passes the status's parts on (exportparts).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';
import { $, type, untilState, world } from './support.js';

describe('<seam-code-creator> exportparts', () => {
  it('lets the page style the inner status through ::part(status-phase)', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      'seam-code-creator::part(status-phase) { outline: 3px solid rgb(1, 2, 3); }' +
        'seam-code-creator::part(phase) { outline: 5px dotted rgb(9, 9, 9); }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const w = world();
      const el = await fixture<SeamCodeCreator>(
        html`<seam-code-creator lang="en" viewer-time-zone="UTC"></seam-code-creator>`,
      );
      el.now = w.now;
      el.client = w.client;
      el.verifier = w.verifier;
      el.deviceId = w.sandbox.catalogue.devices.builtInKeypad;
      await waitUntil(() => el.shadowRoot!.querySelector('#code') !== null, 'no form', {
        timeout: 5000,
      });
      type(el, '#name', 'Guest: Ana');
      type(el, '#code', '48213');
      await el.submit();
      await untilState(el, 'created');
      const status = el.shadowRoot!.querySelector('seam-code-status')!;
      await waitUntil(() => status.shadowRoot?.querySelector('[part~="phase"]'), 'no phase', {
        timeout: 5000,
      });
      const phase = status.shadowRoot!.querySelector('[part~="phase"]')!;
      const style = getComputedStyle(phase);
      expect(style.outlineColor).to.equal('rgb(1, 2, 3)');
      expect(style.outlineWidth).to.equal('3px');
      expect($(el, 'seam-code-status').getAttribute('exportparts')).to.contain(
        'phase: status-phase',
      );
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});
