/**
 * The one test over real HTTP: `seam-sandbox serve` on a free loopback port (started by the test
 * runner's plugin), elements configured by attributes only, as a plain page would, so requests
 * take the browser's `fetch` path with CORS and the client session token headers.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { SANDBOX_CATALOGUE } from '@seam-codes/sandbox';
import '../src/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';
import type {
  SeamCodeCreatedEvent,
  SeamCodeSetEvent,
} from '../src/code-creator/code-creator.events.js';
import { $, type, untilState } from './support.js';

interface Served {
  url: string;
  controlToken: string;
}

async function served(): Promise<Served> {
  const response = await fetch('/__seam-sandbox');
  if (!response.ok) throw new Error(`the sandbox server did not start: ${await response.text()}`);
  return (await response.json()) as Served;
}

/** Moves the server's virtual clock through its control route. */
async function advance(server: Served, ms: number): Promise<void> {
  const response = await fetch(`${server.url}/_sandbox/clock/advance`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.controlToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ ms }),
  });
  expect(response.status).to.equal(200);
}

describe('over HTTP against seam-sandbox serve', () => {
  it('creates a code from attributes alone and follows it until it is set', async function () {
    this.timeout(30_000);
    const server = await served();
    expect(new URL(server.url).hostname).to.equal('127.0.0.1');
    const { credentials, devices } = SANDBOX_CATALOGUE;
    const el = await fixture<SeamCodeCreator>(
      html`<seam-code-creator
        lang="en"
        endpoint=${server.url}
        client-session-token=${credentials.clientSessionToken}
        device-id=${devices.builtInKeypad}
        name="Guest over HTTP"
      ></seam-code-creator>`,
    );
    await untilState(el, 'ready', 10_000);
    type(el, '#code', '26841');
    const created = oneEvent(el, 'seam-code-created') as Promise<SeamCodeCreatedEvent>;
    const set = oneEvent(el, 'seam-code-set') as Promise<SeamCodeSetEvent>;
    $(el, '#submit').click();
    const { detail } = await created;
    expect(detail.accessCode.name).to.equal('Guest over HTTP');
    await untilState(el, 'created');
    await advance(server, 60_000);
    const { detail: setDetail } = await set;
    expect(setDetail.accessCode.access_code_id).to.equal(detail.accessCode.access_code_id);
    const status = el.shadowRoot!.querySelector('seam-code-status')!;
    await waitUntil(() => status.matches(':state(active)'), 'the status never showed active');
    await expect(el).to.be.accessible();
  });
});
