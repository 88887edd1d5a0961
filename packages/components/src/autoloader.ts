/**
 * Defines each seam element the first time it appears in the page, loading only that element's
 * module: a page with a `<seam-code-status>` never downloads the creator.
 *
 * ```html
 * <script type="module" src=".../autoloader.js"></script>
 * <seam-code-status access-code-id="…"></seam-code-status>
 * ```
 *
 * Elements inside a shadow root the page builds itself are not seen by the page-wide observer:
 * call `discover(shadowRoot)` for them. In Node (server rendering) importing this module does
 * nothing.
 */

/** Each tag's own define module; a bundler turns these into separate chunks. */
const loaders: Readonly<Record<string, () => Promise<unknown>>> = {
  'seam-code-creator': () => import('./code-creator/define.js'),
  'seam-code-status': () => import('./code-status/define.js'),
};

const selector = Object.keys(loaders).join(',');
const started = new Map<string, Promise<unknown>>();

/** The tags `loadElement` knows. */
export const autoloadedTags: readonly string[] = Object.keys(loaders);

/** Loads and defines one tag's element (once); resolves when it is defined. */
export function loadElement(tag: string): Promise<unknown> {
  const load = loaders[tag];
  if (load === undefined) return Promise.reject(new Error(`autoloader: no element <${tag}>`));
  let loading = started.get(tag);
  if (loading === undefined) {
    loading = load();
    started.set(tag, loading);
  }
  return loading;
}

/** Loads the elements found in `root` (and `root` itself, when it is one). */
export async function discover(root: ParentNode | Element): Promise<void> {
  const found = new Set<string>();
  if ('localName' in root && root.localName in loaders) found.add(root.localName);
  for (const element of root.querySelectorAll(selector)) found.add(element.localName);
  await Promise.all(
    [...found]
      .filter((tag) => customElements.get(tag) === undefined)
      .map((tag) => loadElement(tag)),
  );
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  void discover(document.documentElement);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) void discover(node as Element);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
