/**
 * The content script's runtime: find the adapter for the page, wait until the page rendered the
 * reservation, extract a draft, propose it to the background, and keep one launcher chip at the
 * adapter's anchor. Idempotent across SPA navigation (WXT's `wxt:locationchange`, which also sees
 * `pushState` hash routes) and re-renders that wipe injected nodes (a debounced observer puts
 * the chip back). On pages no adapter routes, it costs one URL test and nothing else.
 */
import { render } from 'lit/html.js';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import { send } from '../messaging.js';
import type { ChipStatus, StatusPush } from '../protocol.js';
import { adapterFor } from '../sites/registry.js';
import { siteUrl } from '../sites/routes.js';
import type { ReservationDraft, SiteAdapter } from '../sites/types.js';
import { chipCss, chipTemplate } from './chip.js';
import { chipStrings } from './strings.js';

const READY_TIMEOUT_MS = 30_000;

function waitUntil(
  ctx: ContentScriptContext,
  check: () => boolean,
  timeoutMs: number,
): Promise<boolean> {
  if (check()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    const timer = ctx.setTimeout(() => {
      observer.disconnect();
      resolve(check());
    }, timeoutMs);
    ctx.onInvalidated(() => observer.disconnect());
  });
}

interface Mounted {
  readonly key: string;
  readonly adapter: SiteAdapter;
  readonly chip: ShadowRootContentScriptUi<HTMLElement>;
  readonly keeper: MutationObserver;
  status: ChipStatus | null;
}

export interface RuntimeOptions {
  /** The adapter to use whatever the URL (the toolbar's schema.org scan). */
  readonly only?: SiteAdapter;
}

export function startRuntime(ctx: ContentScriptContext, options: RuntimeOptions = {}): void {
  const t = chipStrings(navigator.language);
  let mounted: Mounted | null = null;
  let panel: ShadowRootContentScriptUi<HTMLIFrameElement> | null = null;
  let generation = 0;

  const redraw = () => {
    if (!mounted) return;
    const target = mounted.chip.mounted;
    if (target) render(chipTemplate(mounted.status, panel !== null, t, togglePanel), target);
  };

  const closePanel = () => {
    panel?.remove();
    panel = null;
    redraw();
  };

  async function openPanel(): Promise<void> {
    const ui = await createShadowRootUi<HTMLIFrameElement>(ctx, {
      name: 'seam-code-panel',
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      mode: 'closed',
      isolateEvents: true,
      css: `.frame { position: fixed; top: 16px; right: 16px; width: min(440px, calc(100vw - 32px));
        height: min(720px, calc(100vh - 32px)); border: 1px solid #c7c7cc; border-radius: 12px;
        box-shadow: 0 12px 40px rgba(0,0,0,.25); background: #fff; z-index: 2147483647; }`,
      onMount(container) {
        const iframe = document.createElement('iframe');
        iframe.className = 'frame';
        iframe.title = t.panelTitle;
        iframe.src = browser.runtime.getURL('/panel.html');
        // The page can navigate frames it can reach (window.frames); a second load is not ours.
        let loads = 0;
        iframe.addEventListener('load', () => {
          loads += 1;
          if (loads > 1) {
            closePanel();
            console.warn(`[seam-codes] ${t.panelMoved}`);
          }
        });
        container.append(iframe);
        iframe.focus();
        return iframe;
      },
    });
    ui.mount();
    panel = ui;
    redraw();
  }

  function togglePanel(): void {
    if (panel) closePanel();
    else void openPanel();
  }

  // The panel asks to close (Escape, its close button): only our extension origin is listened to.
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (event.origin !== extensionOrigin || event.source !== panel?.mounted?.contentWindow) return;
    if (event.data === 'seam-panel-close') closePanel();
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return; // only the background
    const push = message as StatusPush;
    if (push?.type === 'status' && mounted && push.reservationKey === mounted.key) {
      mounted.status = push.status;
      redraw();
    }
  });

  const unmount = () => {
    mounted?.keeper.disconnect();
    mounted?.chip.remove();
    mounted = null;
    closePanel();
  };

  async function mount(adapter: SiteAdapter, draft: ReservationDraft): Promise<void> {
    // A page without the adapter's anchor (Airbnb's "can't find this reservation") still gets a
    // launcher that says what is wrong, at the top of the page.
    const anchor = () =>
      adapter.anchor(document) ??
      (document.body ? { element: document.body, append: 'first' as const } : null);
    const chip = await createShadowRootUi<HTMLElement>(ctx, {
      name: 'seam-code-launcher',
      position: 'inline',
      anchor: () => anchor()?.element,
      append: anchor()?.append ?? 'after',
      mode: 'closed',
      isolateEvents: true,
      css: chipCss,
      onMount(container) {
        // A re-mount after a re-render calls this again: one box, drawn with the current status.
        const box = document.createElement('span');
        container.replaceChildren(box);
        return box;
      },
    });
    if (!anchor()) return;
    chip.mount();
    // Frameworks re-render and drop our node: put it back (debounced) while the anchor exists.
    let pending = false;
    const keeper = new MutationObserver(() => {
      if (pending) return;
      pending = true;
      ctx.setTimeout(() => {
        pending = false;
        if (mounted?.chip === chip && !chip.shadowHost.isConnected && anchor()) {
          chip.mount();
          redraw();
        }
      }, 100);
    });
    keeper.observe(document.body, { childList: true, subtree: true });
    mounted = { key: draft.reservationKey, adapter, chip, keeper, status: null };
    redraw();
  }

  async function detect(to?: URL): Promise<void> {
    const mine = ++generation;
    // WXT's watcher fires on the Navigation API's `navigate`, before `location` changes.
    const url = siteUrl(to ?? location);
    const match = options.only ? { adapter: options.only } : adapterFor(url);
    if (!match) {
      unmount();
      return;
    }
    const { adapter } = match;
    if (
      !(await waitUntil(ctx, () => adapter.ready(document, url), READY_TIMEOUT_MS)) ||
      mine !== generation
    )
      return;
    const draft = adapter.extract(document, url, {
      now: Date.now(),
      viewerTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    if (mounted?.key !== draft.reservationKey) {
      unmount();
      await mount(adapter, draft);
    }
    if (!mounted || mine !== generation) return;
    try {
      mounted.status = await send('proposeDraft', { draft });
    } catch {
      mounted.status = {
        kind: 'incomplete',
        problems: ['The extension could not take this page.'],
      };
    }
    redraw();
  }

  ctx.addEventListener(window, 'wxt:locationchange', (event) => void detect(event.newUrl));
  void detect();
}
