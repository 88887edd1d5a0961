/**
 * What a status page fetches. German is its own module: an English page never fetches it, and a
 * German element renders nothing until it has arrived, then German (never English first). The
 * verifier's push source and multi-tab coordination are their own modules too: a page polling a
 * code with an in-memory store fetches neither. This file imports no table but the English one
 * and no verifier source, so the fetches it sees are the elements' own.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createAccessCode } from '@seam-codes/core';
import '../src/code-status/define.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';
import { world } from './support.js';

function fetched(fragment: string): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes(fragment));
}

async function status(w: ReturnType<typeof world>, lang: string): Promise<SeamCodeStatus> {
  const { accessCode } = await createAccessCode(
    w.client,
    { device_id: w.sandbox.catalogue.devices.builtInKeypad, name: 'Lazy', code: '52917' },
    { now: w.now },
  );
  const el = document.createElement('seam-code-status') as SeamCodeStatus;
  el.setAttribute('lang', lang);
  el.client = w.client;
  el.verifier = w.verifier;
  el.now = w.now;
  el.accessCode = accessCode;
  document.body.append(el);
  return el;
}

/** Every text the element's shadow root ever showed, recorded as it changes. */
function recordTexts(el: Element): string[] {
  const seen: string[] = [];
  const root = el.shadowRoot!;
  const note = () => seen.push(root.textContent ?? '');
  new MutationObserver(note).observe(root, { childList: true, subtree: true, characterData: true });
  return seen;
}

describe('string tables load per language', () => {
  it('an English status shows its state without fetching German', async () => {
    const w = world();
    const el = await status(w, 'en');
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="phase"]'), 'no phase shown');
    expect(fetched('strings/de')).to.deep.equal([]);
    expect(fetched('verify/push-source')).to.deep.equal([]);
    expect(fetched('verify/coordination.ts')).to.deep.equal([]);
    el.remove();
  });

  it('a German status waits for German, then renders in German only', async () => {
    const w = world();
    const el = await status(w, 'de');
    const seen = recordTexts(el);
    expect(el.shadowRoot!.textContent).to.equal('');
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="phase"]'), 'no phase shown');
    expect(fetched('strings/de.ts')).to.have.length(1);
    expect(el.shadowRoot!.textContent).to.contain('Schloss');
    for (const text of seen) expect(text).to.not.contain('Loading');
    for (const text of seen) expect(text).to.not.contain('lock');
    el.remove();
  });
});
