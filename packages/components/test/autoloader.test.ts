/**
 * `./autoloader.js`: each element is defined when it first appears, and only its own module is
 * loaded (this page imports no define module itself).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { autoloadedTags, discover, loadElement } from '../src/autoloader.js';

describe('autoloader', () => {
  it('defines <seam-code-status> when it appears, without loading the creator', async () => {
    expect(customElements.get('seam-code-status')).to.equal(undefined);
    const status = document.createElement('seam-code-status');
    document.body.append(status);
    // Resolves once the autoloader has fetched and run the status module (no fixed deadline:
    // on a busy machine the dev server takes a while to transform it).
    await customElements.whenDefined('seam-code-status');
    expect(customElements.get('seam-code-creator')).to.equal(undefined);
    await waitUntil(() => status.shadowRoot !== null, 'not upgraded', { timeout: 5000 });
    status.remove();
  });

  it('defines an element nested in added markup, and one in a shadow root through discover()', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<section><seam-code-creator></seam-code-creator></section>';
    document.body.append(host);
    // The page-wide observer does not see into a shadow root the page made itself.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(customElements.get('seam-code-creator')).to.equal(undefined);
    await discover(root);
    expect(customElements.get('seam-code-creator')).to.not.equal(undefined);
    host.remove();
  });

  it('knows exactly the two elements, and refuses an unknown tag', async () => {
    expect([...autoloadedTags].sort()).to.deep.equal(['seam-code-creator', 'seam-code-status']);
    let error: unknown;
    await loadElement('seam-code-nothing').catch((caught: unknown) => (error = caught));
    expect(String(error)).to.contain('no element <seam-code-nothing>');
  });
});
