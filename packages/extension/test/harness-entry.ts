// The adapters as tests and the bench load them into a page: the same modules the content script uses.
import { airbnb } from '../src/sites/airbnb/index.js';
import { hostaway } from '../src/sites/hostaway/index.js';
import { adapterFor, genericAdapter, siteAdapters } from '../src/sites/registry.js';

Object.assign(globalThis, {
  seamSites: { adapters: [...siteAdapters, genericAdapter], adapterFor, airbnb, hostaway },
});
