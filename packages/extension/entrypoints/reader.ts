// The reader the content script imports on a reservation page: it hands the runtime to the
// content script through the isolated world's global (the page's world never sees it).
import { startRuntime } from '../src/content/runtime.js';

export default defineUnlistedScript(() => {
  (globalThis as unknown as { __seamCodesReader: typeof startRuntime }).__seamCodesReader =
    startRuntime;
});
