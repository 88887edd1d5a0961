/**
 * dist/seam-components.js (built before the tests run) in a plain HTML page: one
 * `<script type="module">` defines both elements, with production Lit and nothing else to load.
 */
import { expect, waitUntil } from '@open-wc/testing';

const BUNDLE = '/packages/components/dist/seam-components.js';

describe('dist/seam-components.js', () => {
  it('is one self-contained ES module with production Lit', async () => {
    const response = await fetch(BUNDLE);
    expect(response.ok, 'run `vite build --config vite.bundle.config.ts` first').to.equal(true);
    const source = await response.text();
    expect(source).to.not.match(/\bimport\s*\(|\bfrom\s*["'][^"']+["']/);
    expect(source).to.not.contain('Lit is in dev mode');
    // The templates' CSS is minified (tools/minify-templates.mjs); the test server reformats the
    // code around it, never the text inside templates.
    expect(source).to.contain('.base{display:grid;');
    expect(source).to.not.contain('display: grid');
  });

  it('defines both elements for a plain page with one script tag', async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="de"><body>
      <script type="module" src="${BUNDLE}"></script>
      <seam-code-creator device-id="x"></seam-code-creator>
      <seam-code-status access-code-id="x"></seam-code-status>
    </body></html>`;
    document.body.append(frame);
    try {
      await waitUntil(
        () => frame.contentWindow?.customElements.get('seam-code-status') !== undefined,
        'the bundle did not define the elements',
        { timeout: 5000 },
      );
      const page = frame.contentDocument!;
      expect(frame.contentWindow!.customElements.get('seam-code-creator')).to.not.equal(undefined);
      const creator = page.querySelector('seam-code-creator')!;
      await waitUntil(() => creator.shadowRoot?.textContent?.includes('Zugangsdaten'));
      expect(page.querySelector('seam-code-status')!.shadowRoot!.textContent).to.contain(
        'Diesem Element fehlen Zugangsdaten',
      );
      // The minified styles still apply: the element's own, and the shared theme's.
      const view = frame.contentWindow!;
      expect(view.getComputedStyle(creator).maxWidth).to.equal('512px');
      const base = creator.shadowRoot!.querySelector('[part~=base]')!;
      expect(view.getComputedStyle(base).display).to.equal('grid');
      expect(view.getComputedStyle(creator).getPropertyValue('--_seam-radius')).to.equal('6px');
    } finally {
      frame.remove();
    }
  });
});
