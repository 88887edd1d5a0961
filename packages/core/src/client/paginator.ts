/**
 * Lazy, paginated results of Seam's list routes: await the whole list, iterate item by item, or
 * walk the pages. Nothing is fetched until one of those starts.
 */
import { SeamApiError } from './errors.js';

declare const cursorBrand: unique symbol;

/** An opaque page cursor from Seam's `pagination.next_page_cursor`; never an id. */
export type SeamPageCursor = string & { readonly [cursorBrand]: 'SeamPageCursor' };

/** One page of a list route. */
export interface SeamPage<T> {
  /** The page's items, in Seam's order. */
  readonly items: readonly T[];
  /** Whether Seam says another page follows. */
  readonly hasNextPage: boolean;
  /** The cursor of the next page; `null` on the last one. */
  readonly nextPageCursor: SeamPageCursor | null;
}

/** Fetches the page that starts at `cursor` (`null`: the first page). */
export type SeamPageFetcher<T> = (
  cursor: SeamPageCursor | null,
  signal: AbortSignal | undefined,
) => Promise<SeamPage<T>>;

/**
 * The result of a list method. It is
 *
 * - awaitable: `const codes = await client.accessCodes.list({ device_id })` fetches every page;
 * - async-iterable: `for await (const code of client.accessCodes.list(...))` fetches pages only as
 *   the loop needs them, so `break` stops fetching;
 * - page-iterable: `for await (const page of list.pages())` for page-level control.
 *
 * Iteration stops when Seam says `has_next_page: false` (or sends no pagination at all). A cursor
 * that comes back twice is treated as a broken response, so a faulty server cannot loop us forever.
 *
 * @example
 * ```ts
 * for await (const page of client.devices.list({ limit: 50 }).pages()) render(page.items);
 * ```
 */
export class SeamPaginatedList<T> implements PromiseLike<T[]>, AsyncIterable<T> {
  readonly #fetchPage: SeamPageFetcher<T>;
  readonly #route: string;
  readonly #startCursor: SeamPageCursor | null;
  readonly #signal: AbortSignal | undefined;
  #all: Promise<T[]> | null = null;

  /**
   * @param route The list route, for error messages.
   * @param fetchPage Fetches one page.
   * @param options `startCursor` resumes a listing; `signal` aborts every page request.
   */
  constructor(
    route: string,
    fetchPage: SeamPageFetcher<T>,
    options: { startCursor?: SeamPageCursor | null; signal?: AbortSignal | undefined } = {},
  ) {
    this.#route = route;
    this.#fetchPage = fetchPage;
    this.#startCursor = options.startCursor ?? null;
    this.#signal = options.signal;
  }

  /** Fetches only the first page (or the page at the start cursor). */
  firstPage(): Promise<SeamPage<T>> {
    return this.#fetchPage(this.#startCursor, this.#signal);
  }

  /** Walks the pages, fetching each one when the loop asks for it. */
  async *pages(): AsyncGenerator<SeamPage<T>, void, undefined> {
    let cursor = this.#startCursor;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.#fetchPage(cursor, this.#signal);
      yield page;
      if (!page.hasNextPage || page.nextPageCursor === null) return;
      if (seen.has(page.nextPageCursor) || page.nextPageCursor === cursor) {
        throw new SeamApiError({
          type: 'invalid_response',
          status: 200,
          route: this.#route,
          message: `Seam sent the same page cursor twice while listing ${this.#route}; stopped to avoid looping forever.`,
        });
      }
      if (cursor !== null) seen.add(cursor);
      cursor = page.nextPageCursor;
    }
  }

  /** Yields every item of every page, fetching pages lazily. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Fetches every page and returns all items. Awaiting the list twice fetches once. */
  toArray(): Promise<T[]> {
    if (this.#all === null) {
      const all = this.#collect();
      // A failed listing may be retried by awaiting again.
      all.catch(() => {
        if (this.#all === all) this.#all = null;
      });
      this.#all = all;
    }
    return this.#all;
  }

  /** Makes the list awaitable: `await list` is `await list.toArray()`. */
  then<TResult1 = T[], TResult2 = never>(
    onfulfilled?: ((value: T[]) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.toArray().then(onfulfilled, onrejected);
  }

  async #collect(): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages()) items.push(...page.items);
    return items;
  }
}

/**
 * Reads one page out of a list route's response: the array under `key` and Seam's `pagination`
 * block (absent on routes that do not paginate, which then count as a single page).
 */
export function readPage<T>(response: unknown, key: string, route: string): SeamPage<T> {
  const record = response as Record<string, unknown>;
  const items = record[key];
  if (!Array.isArray(items)) {
    throw new SeamApiError({
      type: 'invalid_response',
      status: 200,
      route,
      message: `Seam's answer to ${route} has no \`${key}\` array; check that the endpoint is Seam or a faithful proxy.`,
    });
  }
  const pagination = record.pagination as
    { has_next_page?: unknown; next_page_cursor?: unknown } | null | undefined;
  const nextPageCursor =
    typeof pagination?.next_page_cursor === 'string' && pagination.next_page_cursor !== ''
      ? (pagination.next_page_cursor as SeamPageCursor)
      : null;
  return {
    items: items as T[],
    hasNextPage: pagination?.has_next_page === true && nextPageCursor !== null,
    nextPageCursor,
  };
}
