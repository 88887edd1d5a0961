import { ContextProvider, createContext } from '@lit/context';
import type { SeamClient, Verifier } from '@seam-codes/core';

/**
 * What an ancestor shares with every seam element below it: one client and one verifier, so that
 * many elements on a page make one request per poll tick between them, not one each.
 */
export interface SeamContextValue {
  /** The client every element below uses for its requests. */
  readonly client: SeamClient;
  /** The verifier that follows codes for every element below; made from `client` when absent. */
  readonly verifier?: Verifier;
  /**
   * The current time in epoch milliseconds; default `Date.now`. A sandbox with a virtual clock
   * passes its own, so that "in the future" means the same thing to the form and the server.
   */
  readonly now?: () => number;
}

/**
 * The context key. `Symbol.for` makes two copies of this package on one page (an app bundle and
 * the extension's panel) still find each other's provider.
 */
export const seamContext = createContext<SeamContextValue>(Symbol.for('@seam-codes/context'));

/** Elements that asked for the context before any provider existed; see `provideSeamContext`. */
const waiting = new Set<Element & { requestSeamContext(): void }>();

/** @internal Registers an element that found no provider, so a later provider can reach it. */
export function waitForSeamContext(element: Element & { requestSeamContext(): void }): void {
  waiting.add(element);
}

/** @internal Forgets a waiting element (it found a provider, or left the page). */
export function stopWaitingForSeamContext(element: Element): void {
  waiting.delete(element as Element & { requestSeamContext(): void });
}

function isInside(element: Node, host: Node): boolean {
  let node: Node | null = element;
  while (node !== null) {
    if (node === host) return true;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return false;
}

/**
 * Shares one client (and verifier) with every seam element inside `host`, from any element: a
 * plain `<div>`, `<body>`, or a Lit element. Elements already on the page pick it up at once.
 * Returns the provider; set `provider.setValue(...)` to swap the client for all of them.
 *
 * @example
 * ```js
 * import { provideSeamContext } from '@seam-codes/components';
 * provideSeamContext(document.body, { client: SeamClient.fromClientSessionToken(token) });
 * ```
 */
export function provideSeamContext(
  host: HTMLElement,
  value: SeamContextValue,
): ContextProvider<typeof seamContext> {
  const provider = new ContextProvider(host, { context: seamContext, initialValue: value });
  if (!('addController' in host)) provider.hostConnected();
  for (const element of [...waiting]) {
    if (isInside(element, host)) element.requestSeamContext();
  }
  return provider;
}
