// The content script on the named sites' pages: a URL test and nothing else until the page is,
// or becomes, a reservation page. Then the reader (adapters, launcher, lit-html, WXT's content-
// script context) is imported from the extension into this same isolated world and takes over.
//
// It is a plain script declared in the manifest (wxt.config.ts), not a WXT
// `defineContentScript`: WXT's context (extension API bindings read at start, its script-started
// event and window message, the location watcher) cost 3-12 ms on every page of these sites in
// Chromium's trace. This router touches no extension API and builds no URL until the address
// matches (`routeOfPage` reads `location` as it is), and watches same-document navigation itself:
// the Navigation API's `currententrychange` (pushState, replaceState, hash routes, back and
// forward; `location` is already the new address then) or, where a browser lacks the API, a 1 s
// poll of `location.href`. A full page load runs the router afresh.
import { routeOfPage } from '../src/sites/routes.js';

interface Runtime {
  runtime: { getURL(path: string): string };
}
interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}
type Global = typeof globalThis & {
  browser?: Runtime;
  chrome?: Runtime;
  navigation?: NavigationLike;
  __seamCodesReader?: () => void;
};

export default defineUnlistedScript(() => {
  const g = globalThis as Global;
  let stop = () => {};
  const check = () => {
    if (!routeOfPage(location)) return;
    stop();
    const api = (g.browser ?? g.chrome) as Runtime;
    void import(/* @vite-ignore */ api.runtime.getURL('/reader.js')).then(() =>
      g.__seamCodesReader?.(),
    );
  };
  const navigation = g.navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check);
    stop = () => navigation.removeEventListener('currententrychange', check);
  } else {
    let last = location.href;
    const timer = setInterval(() => {
      if (location.href === last) return;
      last = location.href;
      check();
    }, 1000);
    stop = () => clearInterval(timer);
  }
  check();
});
