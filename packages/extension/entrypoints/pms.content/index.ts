// The content script on the named sites: a URL test and nothing else until the page is a
// reservation page. Then the reader (adapters, launcher, lit-html) is imported from the
// extension, in this same isolated world, and takes over; a page that becomes a reservation page
// later (SPA navigation) loads it then.
import { routeFor, siteMatches, siteUrl } from '../../src/sites/routes.js';

type Reader = (ctx: InstanceType<typeof ContentScriptContext>) => void;

export default defineContentScript({
  matches: [...siteMatches],
  runAt: 'document_idle',
  main(ctx) {
    let loading = false;
    const check = (to?: URL) => {
      if (loading || !routeFor(siteUrl(to ?? location))) return;
      loading = true;
      void import(/* @vite-ignore */ browser.runtime.getURL('/reader.js')).then(() => {
        (globalThis as unknown as { __seamCodesReader: Reader }).__seamCodesReader(ctx);
      });
    };
    ctx.addEventListener(window, 'wxt:locationchange', (event) => check(event.newUrl));
    check();
  },
});
