/**
 * Many elements, one client and one verifier: through the context, through identical
 * credential attributes, and the requests that makes per poll tick. Also language switches,
 * verification modes, expired sessions and the keyboard.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { SeamClient, createVerifier } from '@seam-codes/core';
import '../src/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';
import type { SeamCodeStatus } from '../src/code-status/code-status.js';
import { provideSeamContext } from '../src/context.js';
import type { SeamErrorEvent, SeamSessionExpiredEvent } from '../src/internal/events.js';
import { de } from '../src/internal/strings/de.js';
import { $, text, type, untilState, world } from './support.js';

type World = ReturnType<typeof world>;

async function codes(w: World, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const code = await w.client.accessCodes.create({
      device_id: w.sandbox.catalogue.devices.builtInKeypad,
      name: `Guest ${i}`,
    });
    ids.push(code.access_code_id);
  }
  return ids;
}

describe('sharing one client and one verifier', () => {
  it('30 status elements under one provider make one request per source per tick between them', async () => {
    const w = world();
    const ids = await codes(w, 30);
    const container = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
    // The provider arrives after the elements: they pick it up anyway.
    const elements = ids.map((id) => {
      const element = document.createElement('seam-code-status') as SeamCodeStatus;
      element.setAttribute('access-code-id', id);
      element.setAttribute('time-zone', 'America/Los_Angeles');
      container.append(element);
      return element;
    });
    await Promise.all(elements.map((element) => element.updateComplete));
    expect(text(elements[0]!)).to.contain('This element has no credentials');
    provideSeamContext(container, { client: w.client, verifier: w.verifier, now: w.now });
    await Promise.all(elements.map((element) => element.updateComplete));
    w.requests.length = 0;
    await w.clock.runDue();
    await waitUntil(() => elements.every((element) => !element.matches(':state(loading)')));
    for (let tick = 0; tick < 4; tick++) {
      const next = w.clock.nextTimerAt();
      if (next === null) break;
      w.requests.length = 0;
      await w.clock.advanceTo(next);
      // One request per source at most (a batched list, an events page), whatever the count.
      const routes = new Set(w.requests);
      expect(w.requests.length, `tick ${tick}: ${w.requests.join(', ')}`).to.equal(routes.size);
      expect(w.requests.length).to.be.at.most(2);
    }
    await w.advance(5 * 60_000);
    await waitUntil(() => elements.every((element) => element.matches(':state(active)')));
  });

  it('elements with the same credential attributes share one client', async () => {
    const w = world();
    const [first, second] = await codes(w, 2);
    const requests: string[] = [];
    const realFetch = window.fetch;
    // The elements build their client from attributes with the page's fetch: route it to the
    // in-page sandbox and count what crosses it.
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      if (!request.url.startsWith('http://127.0.0.1:9/')) return realFetch(input, init);
      requests.push(new URL(request.url).pathname);
      return w.sandbox.fetch(request);
    }) as typeof fetch;
    try {
      const token = w.sandbox.credentials.clientSessionToken;
      const page = await fixture<HTMLDivElement>(
        html`<div lang="en">
          <seam-code-status
            access-code-id=${first!}
            client-session-token=${token}
            endpoint="http://127.0.0.1:9"
            time-zone="UTC"
          ></seam-code-status>
          <seam-code-status
            access-code-id=${second!}
            client-session-token=${token}
            endpoint="http://127.0.0.1:9"
            time-zone="UTC"
          ></seam-code-status>
        </div>`,
      );
      const [a, b] = [...page.querySelectorAll('seam-code-status')];
      await waitUntil(() => requests.includes('/access_codes/list'), 'no poll', { timeout: 5000 });
      await waitUntil(() => !a!.matches(':state(loading)') && !b!.matches(':state(loading)'));
      // One list for both codes: they share the verifier.
      expect(requests.filter((route) => route === '/access_codes/list')).to.have.length(1);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('poll mode leaves the events list alone; events mode reads it', async () => {
    const w = world();
    const [id] = await codes(w, 1);
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        verification="poll"
        time-zone="UTC"
        access-code-id=${id!}
        .client=${w.client}
        .verifier=${w.verifier}
        .now=${w.now}
      ></seam-code-status>`,
    );
    w.requests.length = 0;
    await w.advance(3 * 60_000);
    expect(w.requests).to.include('/access_codes/list');
    expect(w.requests).to.not.include('/events/list');
    expect(el.matches(':state(active)')).to.equal(true);

    el.verification = 'events';
    await el.updateComplete;
    w.requests.length = 0;
    await w.advance(3 * 60_000);
    expect(w.requests).to.include('/events/list');
  });

  it('a mode the verifier cannot run is reported, and the code still followed', async () => {
    const w = world();
    const [id] = await codes(w, 1);
    const pollOnly = createVerifier({ client: w.client, clock: w.clock, sources: { poll: true } });
    const errors: SeamErrorEvent[] = [];
    const el = await fixture<SeamCodeStatus>(
      html`<seam-code-status
        lang="en"
        verification="events"
        access-code-id=${id!}
        .client=${w.client}
        .verifier=${pollOnly}
        .now=${w.now}
        @seam-error=${(event: SeamErrorEvent) => errors.push(event)}
      ></seam-code-status>`,
    );
    expect(errors[0]?.detail.stage).to.equal('verify');
    expect(text(el)).to.contain('events source is off');
    await w.advance(3 * 60_000);
    await waitUntil(() => el.matches(':state(active)'));
    await pollOnly.dispose();
  });
});

describe('sessions, languages and the keyboard', () => {
  it('a refused token fires seam-session-expired and says so', async () => {
    const w = world();
    const client = SeamClient.fromClientSessionToken('seam_cst_not_a_session', {
      endpoint: 'https://sandbox.invalid',
      fetch: w.sandbox.fetch,
      retry: false,
    });
    const el = await fixture<SeamCodeCreator>(
      html`<seam-code-creator lang="en"></seam-code-creator>`,
    );
    const expired = oneEvent(el, 'seam-session-expired') as Promise<SeamSessionExpiredEvent>;
    el.client = client;
    el.deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    await expired;
    await untilState(el, 'error');
    expect(text(el)).to.contain('Seam did not accept the credentials');
    await expect(el).to.be.accessible();
  });

  it('switches language when the page does, keeping what was typed', async () => {
    const w = world();
    const page = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <seam-code-creator></seam-code-creator>
      </div>`,
    );
    const el = page.querySelector('seam-code-creator')!;
    el.client = w.client;
    el.verifier = w.verifier;
    el.now = w.now;
    el.deviceId = w.sandbox.catalogue.devices.nuki;
    await untilState(el, 'ready');
    type(el, '#name', 'Ana');
    page.setAttribute('lang', 'de-AT');
    await waitUntil(() => $(el, 'label[for=name]').textContent === de.creator.name);
    await el.updateComplete;
    expect(text(el)).to.contain('Neuer Zugangscode für');
    expect(($(el, '#name') as HTMLInputElement).value).to.equal('Ana');
  });

  it('is keyboard-complete: every control is reachable and Enter submits', async () => {
    const w = world();
    const el = await fixture<SeamCodeCreator>(
      html`<seam-code-creator lang="en"></seam-code-creator>`,
    );
    el.client = w.client;
    el.verifier = w.verifier;
    el.now = w.now;
    el.deviceId = w.sandbox.catalogue.devices.builtInKeypad;
    await untilState(el, 'ready');
    const focusable = [
      ...el.shadowRoot!.querySelectorAll<HTMLElement>('input, select, button, summary'),
    ];
    for (const control of focusable) {
      expect(control.tabIndex, control.outerHTML).to.be.at.least(0);
      expect(control.hasAttribute('disabled') && control.localName === 'button').to.equal(false);
    }
    type(el, '#code', '73915');
    const created = oneEvent(el, 'seam-code-created');
    const input = $(el, '#code') as HTMLInputElement;
    input.focus();
    // Enter in a text field submits its form (implicit submission).
    input.form!.requestSubmit();
    await created;
  });
});
