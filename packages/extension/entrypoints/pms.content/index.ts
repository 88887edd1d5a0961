import { startRuntime } from '../../src/content/runtime.js';
import { siteMatches } from '../../src/sites/registry.js';

export default defineContentScript({
  matches: [...siteMatches],
  runAt: 'document_idle',
  main: (ctx) => startRuntime(ctx),
});
