/**
 * Issue 8, item 11: one `seam-session-expired` per expiry and page. Elements configured by
 * attributes only, over HTTP against `seam-sandbox serve`, as a plain page would be.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SANDBOX_CATALOGUE } from '@seam-codes/sandbox';
import '../src/define.js';
import type { SeamCodeCreator } from '../src/code-creator/code-creator.js';

async function served(): Promise<{ url: string }> {
  const response = await fetch('/__seam-sandbox');
  if (!response.ok) throw new Error(`the sandbox server did not start: ${await response.text()}`);
  return (await response.json()) as { url: string };
}

describe('item 11: seam-session-expired once per expiry, per page', () => {
  it('a bad token on a creator and a status element: one event, then one more after a new token', async () => {
    const { url } = await served();
    const events: Event[] = [];
    const listener = (event: Event) => events.push(event);
    document.addEventListener('seam-session-expired', listener);
    try {
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <seam-code-creator
            lang="en"
            endpoint=${url}
            client-session-token="seam_cst_expired_token_of_the_test"
            device-id=${SANDBOX_CATALOGUE.devices.builtInKeypad}
          ></seam-code-creator>
          <seam-code-status
            lang="en"
            endpoint=${url}
            client-session-token="seam_cst_expired_token_of_the_test"
            access-code-id="00000000-0000-4000-8000-000000000001"
          ></seam-code-status>
        </div>`,
      );
      const creator = page.querySelector('seam-code-creator') as SeamCodeCreator;
      await waitUntil(() => events.length > 0, 'no seam-session-expired', { timeout: 5000 });
      await waitUntil(() => creator.matches(':state(error)'), 'no error shown', { timeout: 5000 });
      // Every request has met its 401 by now (the load's three, the status's polls).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(events.length).to.equal(1);
      // The host mints another token, which is refused too: that is a new expiry, told once.
      for (const element of page.children) {
        element.setAttribute('client-session-token', 'seam_cst_another_refused_token');
      }
      await waitUntil(() => events.length > 1, 'the new expiry was not told', { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(events.length).to.equal(2);
    } finally {
      document.removeEventListener('seam-session-expired', listener);
    }
  });
});
