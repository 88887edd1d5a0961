/**
 * Finds the language that applies to an element: its own `lang`, else the nearest ancestor's
 * (crossing shadow roots, so an element inside another component follows its host), else the
 * document's, else the browser's. Returns a canonical BCP 47 tag such as `de-CH`.
 */
export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node !== null) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang !== null && lang.trim() !== '') return canonicalLang(lang);
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return canonicalLang(globalThis.navigator?.language ?? 'en');
}

/** A canonical tag for `Intl`, or `en` when the tag is malformed (`Intl` would throw on it). */
export function canonicalLang(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The primary language subtag, lower case: `de` for `de-CH`. */
export function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? 'en').toLowerCase();
}

/** The browser's own IANA time zone (the viewer's zone). */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

type LangListener = () => void;
const listeners = new Set<LangListener>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` whenever a `lang` attribute changes anywhere in the document, so elements can
 * re-render in the new language. One observer serves every element on the page; the returned
 * function unsubscribes, and the observer stops when nobody listens.
 */
export function onLangChange(listener: LangListener): () => void {
  listeners.add(listener);
  if (observer === undefined && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const notify of [...listeners]) notify();
    });
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
