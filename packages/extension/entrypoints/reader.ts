// The reader the router (entrypoints/router.ts) imports on a reservation page: it hands the
// runtime to the router through the isolated world's global (the page's world never sees it).
// Its WXT context tells older copies of itself to stop by a DOM event only: WXT's default also
// posts a window message, which hands the page the extension id.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startRuntime } from '../src/content/runtime.js';

export default defineUnlistedScript(() => {
  (globalThis as unknown as { __seamCodesReader: () => void }).__seamCodesReader = () =>
    startRuntime(new ContentScriptContext('reader', { noScriptStartedPostMessage: true }));
});
