// Injected by the background into the active tab when the user presses "Scan this page" in the
// popup (activeTab): runs the generic schema.org adapter once, with the same launcher.
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startRuntime } from '../src/content/runtime.js';
import { genericAdapter } from '../src/sites/registry.js';

export default defineUnlistedScript(() => {
  startRuntime(new ContentScriptContext('scan', { noScriptStartedPostMessage: true }), {
    only: genericAdapter,
  });
});
