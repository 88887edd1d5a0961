/**
 * `./code-creator/define.js` alone: the page gets the creator's form without the status element,
 * which is fetched and defined when a code is created (this file imports no other define module).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/code-creator/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';
import { $, type, untilState, world } from './support.js';

/** The modules this page has fetched whose path contains `fragment`. */
function fetched(fragment: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes(fragment));
}

describe('<seam-code-creator> loads the status element when a code is created', () => {
  it('shows the form without the status module, then the created code’s status', async () => {
    const w = world();
    const el = await fixture<SeamCodeCreator>(
      html`<seam-code-creator lang="en" viewer-time-zone="UTC"></seam-code-creator>`,
    );
    el.now = w.now;
    el.client = w.client;
    el.verifier = w.verifier;
    el.deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    await untilState(el, 'ready');
    expect(customElements.get('seam-code-status')).to.equal(undefined);
    expect(fetched('code-status/code-status.ts')).to.deep.equal([]);

    type(el, '#code', '48213');
    const created = oneEvent(el, 'seam-code-created');
    $(el, '#submit').click();
    await created;
    await untilState(el, 'created');
    expect(customElements.get('seam-code-status')).to.not.equal(undefined);
    expect(fetched('code-status/code-status.ts')).to.have.length(1);
    const status = el.shadowRoot!.querySelector('seam-code-status')!;
    await waitUntil(() => status.shadowRoot?.querySelector('[part~="phase"]'), 'no status shown');
    await w.advance(60_000);
    await waitUntil(() => status.matches(':state(active)'), 'the status never showed active');
  });
});
