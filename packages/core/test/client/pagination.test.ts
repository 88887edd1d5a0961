// Pagination against a local fetch handler that serves Seam-shaped pages with cursors: awaiting,
// lazy item-by-item iteration, page iteration, resuming from a cursor, and broken servers.
import { describe, expect, it } from 'vitest';

import { SeamClient, SeamPaginatedList, type SeamPageCursor } from '../../src/client/index.js';

interface Code {
  access_code_id: string;
}

/**
 * A fetch handler serving `/access_codes/list` from `total` codes, `pageSize` at a time, with
 * Seam's pagination block; `quirks` lets a test break it.
 */
function pagedSeam(
  total: number,
  pageSize: number,
  quirks: { repeatCursor?: boolean; failPageOnce?: number } = {},
) {
  const codes: Code[] = Array.from({ length: total }, (_, index) => ({
    access_code_id: `code_${index}`,
  }));
  const bodies: Record<string, unknown>[] = [];
  let failed = false;
  const fetch = async (request: Request): Promise<Response> => {
    const body = (await request.json()) as Record<string, unknown>;
    bodies.push(body);
    const start =
      typeof body.page_cursor === 'string' ? Number(body.page_cursor.replace('cursor_', '')) : 0;
    const pageNumber = start / pageSize;
    if (quirks.failPageOnce === pageNumber && !failed) {
      failed = true;
      return new Response('', { status: 503 });
    }
    const end = Math.min(start + pageSize, total);
    const hasNext = end < total;
    const next = quirks.repeatCursor ? `cursor_${pageSize}` : `cursor_${end}`;
    return Response.json({
      access_codes: codes.slice(start, end),
      pagination: {
        has_next_page: hasNext,
        next_page_cursor: hasNext ? next : null,
        next_page_url: null,
      },
      ok: true,
    });
  };
  const client = SeamClient.withoutAuth({ fetch, retry: { baseDelayMs: 0, maxDelayMs: 0 } });
  return { client, bodies, codes };
}

describe('SeamPaginatedList', () => {
  it('awaiting fetches every page in order and returns all items', async () => {
    const { client, bodies, codes } = pagedSeam(7, 3);
    const all = await client.accessCodes.list({ device_id: 'd1', limit: 3 });
    expect(all).toEqual(codes);
    expect(bodies).toEqual([
      { device_id: 'd1', limit: 3 },
      { device_id: 'd1', limit: 3, page_cursor: 'cursor_3' },
      { device_id: 'd1', limit: 3, page_cursor: 'cursor_6' },
    ]);
  });

  it('nothing is fetched until the list is awaited or iterated', async () => {
    const { client, bodies } = pagedSeam(4, 2);
    const list = client.accessCodes.list({ device_id: 'd1' });
    expect(list).toBeInstanceOf(SeamPaginatedList);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(bodies).toHaveLength(0);
  });

  it('for await fetches pages lazily; break stops fetching', async () => {
    const { client, bodies } = pagedSeam(10, 2);
    const seen: string[] = [];
    for await (const code of client.accessCodes.list({ device_id: 'd1' })) {
      seen.push(code.access_code_id);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['code_0', 'code_1', 'code_2']);
    expect(bodies).toHaveLength(2);
  });

  it('pages() yields each page with its cursor, ending with has_next_page: false', async () => {
    const { client } = pagedSeam(5, 2);
    const pages = [];
    for await (const page of client.accessCodes.list({ device_id: 'd1' }).pages()) pages.push(page);
    expect(pages.map((page) => [page.items.length, page.hasNextPage, page.nextPageCursor])).toEqual(
      [
        [2, true, 'cursor_2'],
        [2, true, 'cursor_4'],
        [1, false, null],
      ],
    );
  });

  it('firstPage fetches one page; page_cursor in the parameters resumes a listing', async () => {
    const { client, bodies } = pagedSeam(6, 2);
    const first = await client.accessCodes.list({ device_id: 'd1' }).firstPage();
    expect(first.items.map((code) => code.access_code_id)).toEqual(['code_0', 'code_1']);
    expect(bodies).toHaveLength(1);
    const rest = await client.accessCodes.list({
      device_id: 'd1',
      page_cursor: first.nextPageCursor,
    });
    expect(rest.map((code) => code.access_code_id)).toEqual([
      'code_2',
      'code_3',
      'code_4',
      'code_5',
    ]);
    expect(bodies[1]).toEqual({ device_id: 'd1', page_cursor: 'cursor_2' });
  });

  it('awaiting the same list twice fetches once', async () => {
    const { client, bodies } = pagedSeam(3, 2);
    const list = client.accessCodes.list({ device_id: 'd1' });
    const [a, b] = await Promise.all([list, list]);
    expect(a).toBe(b);
    expect(bodies).toHaveLength(2);
  });

  it('a failed page is retried like any read', async () => {
    const { client, bodies, codes } = pagedSeam(6, 2, { failPageOnce: 1 });
    expect(await client.accessCodes.list({ device_id: 'd1' })).toEqual(codes);
    expect(bodies).toHaveLength(4);
  });

  it('a server that repeats a cursor is stopped with a clear error', async () => {
    const { client, bodies } = pagedSeam(10, 2, { repeatCursor: true });
    await expect(client.accessCodes.list({ device_id: 'd1' }).toArray()).rejects.toMatchObject({
      type: 'invalid_response',
      message: expect.stringContaining('same page cursor twice'),
    });
    expect(bodies.length).toBeLessThanOrEqual(3);
  });

  it('a response without pagination counts as a single page (events/list does not paginate)', async () => {
    const fetch = async (): Promise<Response> =>
      Response.json({ events: [{ event_id: 'e1' }, { event_id: 'e2' }] });
    const client = SeamClient.withoutAuth({ fetch });
    const pages = [];
    for await (const page of client.events.list({ since: '2026-01-01T00:00:00Z' }).pages())
      pages.push(page);
    expect(pages).toEqual([
      { items: [{ event_id: 'e1' }, { event_id: 'e2' }], hasNextPage: false, nextPageCursor: null },
    ]);
  });

  it('has_next_page: true without a cursor stops rather than refetching page one', async () => {
    const fetch = async (): Promise<Response> =>
      Response.json({
        devices: [{ device_id: 'd1' }],
        pagination: { has_next_page: true, next_page_cursor: null },
      });
    const calls: unknown[] = [];
    const client = SeamClient.withoutAuth({
      fetch: (request) => {
        calls.push(request);
        return fetch();
      },
    });
    expect(await client.devices.list()).toEqual([{ device_id: 'd1' }]);
    expect(calls).toHaveLength(1);
  });

  it('an abort during iteration rejects with the reason', async () => {
    const { client } = pagedSeam(10, 2);
    const controller = new AbortController();
    const seen: string[] = [];
    const iterate = async () => {
      for await (const code of client.accessCodes.list(
        { device_id: 'd1' },
        { signal: controller.signal },
      )) {
        seen.push(code.access_code_id);
        if (seen.length === 2) controller.abort(new Error('enough'));
      }
    };
    await expect(iterate()).rejects.toThrow('enough');
    expect(seen).toEqual(['code_0', 'code_1']);
  });

  it('works as a standalone class over any page fetcher', async () => {
    const list = new SeamPaginatedList<number>('/numbers/list', async (cursor) =>
      cursor === null
        ? { items: [1, 2], hasNextPage: true, nextPageCursor: 'two' as SeamPageCursor }
        : { items: [3], hasNextPage: false, nextPageCursor: null },
    );
    expect(await list).toEqual([1, 2, 3]);
  });
});
