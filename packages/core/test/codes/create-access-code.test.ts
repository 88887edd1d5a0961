// createAccessCode against the real fake Seam Connect, with a fetch wrapper that loses answers:
// after a lost response exactly one code exists and it is adopted; a double submit in flight is
// one request; a retry happens only when it cannot make a twin.
import type { AccessCode } from '@seamapi/types/connect';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SeamApiError, SeamClient, SeamInvalidArgumentError } from '../../src/client/index.js';
import {
  AccessCodeOutcomeUnknownError,
  createAccessCode,
  createAccessCodes,
  isAccessCodeOutcomeUnknownError,
  type CreateAccessCodeOptions,
} from '../../src/codes/index.js';
import { startFakeSeam, type FakeSeam } from '../client/support/servers.js';

let seam: FakeSeam;

beforeAll(async () => {
  seam = await startFakeSeam();
});

afterAll(async () => {
  await seam.close();
});

beforeEach(() => {
  // Each test starts with no codes (the fake keeps them in one in-memory store).
  const db = seam.fake.database as unknown as { setState(state: object): void };
  db.setState({ access_codes: [] });
});

/** The error fetch throws when a connection breaks after the request went out. */
function connectionLost(): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });
}

type Step = (request: Request, forward: () => Promise<Response>) => Promise<Response>;

/**
 * A fetch in front of the real fake. Each create request takes the next step from `createSteps`
 * (default: forward it); every request is recorded by route.
 */
function wrappedClient(createSteps: Step[] = [], extra: { timeoutMs?: number } = {}) {
  const routes: string[] = [];
  const signals: AbortSignal[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const route = new URL(request.url).pathname;
    routes.push(route);
    // What reached the server is processed even if the client gives up: forward without its signal.
    const forward = async () =>
      globalThis.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: await request.clone().text(),
      });
    if (route === '/access_codes/create' || route === '/access_codes/create_multiple') {
      signals.push(request.signal);
      const step = createSteps.shift();
      if (step) return step(request, forward);
    }
    return forward();
  };
  const client = SeamClient.fromApiKey(seam.seed.seam_apikey1_token, {
    endpoint: seam.endpoint,
    fetch,
    ...(extra.timeoutMs === undefined ? {} : { timeoutMs: extra.timeoutMs }),
  });
  return {
    client,
    routes,
    signals,
    creates: () => routes.filter((route) => route.startsWith('/access_codes/create')).length,
  };
}

/** Forwards the request (the fake creates the code) and then loses the answer. */
const forwardThenLose: Step = async (_request, forward) => {
  await forward();
  throw connectionLost();
};

/** Loses the connection after sending, before the server acted. */
const loseBeforeServer: Step = async () => {
  throw connectionLost();
};

/** No real waiting for the settle delay. */
const instant: CreateAccessCodeOptions = { sleep: async () => undefined };

function codesOn(deviceId: string, name: string): AccessCode[] {
  return (seam.fake.database.access_codes as AccessCode[]).filter(
    (code) => code.device_id === deviceId && code.name === name,
  );
}

const window = { starts_at: '2031-03-01T15:00:00Z', ends_at: '2031-03-04T11:00:00Z' };

describe('a normal create', () => {
  it('returns the code and the action attempt, not adopted', async () => {
    const { client, creates } = wrappedClient();
    const result = await createAccessCode(client, {
      device_id: seam.seed.august_device_1,
      name: 'Plain',
      code: '2468',
      ...window,
    });
    expect(result.adopted).toBe(false);
    expect(result.accessCode).toMatchObject({
      name: 'Plain',
      code: '2468',
      starts_at: '2031-03-01T15:00:00.000Z',
    });
    expect(
      result.actionAttempt === null || result.actionAttempt.action_type === 'CREATE_ACCESS_CODE',
    ).toBe(true);
    expect(creates()).toBe(1);
    expect(codesOn(seam.seed.august_device_1, 'Plain')).toHaveLength(1);
  });

  it('sends only the set fields, with times in canonical UTC', async () => {
    const bodies: unknown[] = [];
    const { client } = wrappedClient([
      async (request, forward) => {
        bodies.push(await request.clone().json());
        return forward();
      },
    ]);
    await createAccessCode(client, {
      device_id: seam.seed.august_device_1,
      name: 'Canonical',
      code: null,
      preferred_code_length: null,
      starts_at: '2031-03-01T08:00:00-07:00',
      ends_at: '2031-03-04T11:00:00Z',
    });
    expect(bodies).toEqual([
      {
        device_id: seam.seed.august_device_1,
        ends_at: '2031-03-04T11:00:00.000Z',
        name: 'Canonical',
        starts_at: '2031-03-01T15:00:00.000Z',
      },
    ]);
  });

  it('passes definite failures through without looking or retrying', async () => {
    const { client, routes } = wrappedClient();
    const error = await createAccessCode(
      client,
      { device_id: 'no_such_lock', name: 'Nowhere', code: '1357' },
      instant,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeamApiError);
    expect(error).toMatchObject({ type: 'device_not_found', status: 404 });
    expect(routes).toEqual(['/access_codes/create']);
  });
});

describe('a lost response', () => {
  it('the code was created but the answer lost: it is found and adopted, and exactly one exists', async () => {
    const { client, routes } = wrappedClient([forwardThenLose]);
    const draft = {
      device_id: seam.seed.august_device_1,
      name: 'Lost answer',
      code: '8642',
      ...window,
    };
    const result = await createAccessCode(client, draft, instant);
    expect(result.adopted).toBe(true);
    expect(result.actionAttempt).toBeNull();
    const onLock = codesOn(seam.seed.august_device_1, 'Lost answer');
    expect(onLock).toHaveLength(1);
    expect(result.accessCode.access_code_id).toBe(onLock[0]?.access_code_id);
    expect(routes).toEqual(['/access_codes/create', '/access_codes/list']);
  });

  it('the same without a chosen PIN (Seam picked it): still found by name and window', async () => {
    const { client, creates } = wrappedClient([forwardThenLose]);
    const result = await createAccessCode(
      client,
      { device_id: seam.seed.august_device_2, name: 'No PIN chosen', ...window },
      instant,
    );
    expect(result.adopted).toBe(true);
    expect(codesOn(seam.seed.august_device_2, 'No PIN chosen')).toHaveLength(1);
    expect(result.accessCode.code).toMatch(/^\d+$/);
    expect(creates()).toBe(1);
  });

  it('a timeout while the server created the code: adopted, one code', async () => {
    const { client } = wrappedClient(
      [
        async (_request, forward) => {
          const response = await forward();
          await new Promise((resolve) => setTimeout(resolve, 400));
          return response;
        },
      ],
      { timeoutMs: 100 },
    );
    const result = await createAccessCode(
      client,
      { device_id: seam.seed.august_device_1, name: 'Slow answer', code: '9753' },
      instant,
    );
    expect(result.adopted).toBe(true);
    expect(codesOn(seam.seed.august_device_1, 'Slow answer')).toHaveLength(1);
  });

  it('nothing was created and the PIN was chosen: it is sent once more, and one code exists', async () => {
    const { client, routes } = wrappedClient([loseBeforeServer]);
    const result = await createAccessCode(
      client,
      { device_id: seam.seed.august_device_1, name: 'Second try', code: '1593', ...window },
      instant,
    );
    expect(result.adopted).toBe(false);
    expect(codesOn(seam.seed.august_device_1, 'Second try')).toHaveLength(1);
    expect(routes).toEqual(['/access_codes/create', '/access_codes/list', '/access_codes/create']);
  });

  it('nothing was created and no PIN was chosen: it does not risk a twin, and says the outcome is unknown', async () => {
    const { client, creates } = wrappedClient([loseBeforeServer]);
    const error = await createAccessCode(
      client,
      { device_id: seam.seed.august_device_1, name: 'Unknown fate', ...window },
      instant,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessCodeOutcomeUnknownError);
    const unknown = error as AccessCodeOutcomeUnknownError;
    expect(unknown.message).toMatch(/may or may not have been created on lock august_device_1/);
    expect(unknown.message).toMatch(
      /Without a chosen PIN another attempt could create a second code/,
    );
    expect(unknown.message).toMatch(/check the lock's codes before creating it again/);
    expect(unknown.deviceIds).toEqual([seam.seed.august_device_1]);
    expect(unknown.cause).toMatchObject({ name: 'SeamNetworkError', requestMayHaveBeenSent: true });
    expect(creates()).toBe(1);
    expect(codesOn(seam.seed.august_device_1, 'Unknown fate')).toHaveLength(0);
  });

  it('submitted again after an unknown outcome: it looks first and adopts the late code, never a twin', async () => {
    let late: (() => Promise<Response>) | null = null;
    // The server is slow: the answer is lost before it acts, and the request lands later.
    const { client, creates } = wrappedClient([
      async (_request, forward) => {
        late = forward;
        throw connectionLost();
      },
    ]);
    const draft = { device_id: seam.seed.august_device_1, name: 'Slow server', ...window };
    const first = await createAccessCode(client, draft, instant).catch((caught: unknown) => caught);
    expect(first).toBeInstanceOf(AccessCodeOutcomeUnknownError);
    await (late as unknown as () => Promise<Response>)();
    expect(codesOn(seam.seed.august_device_1, 'Slow server')).toHaveLength(1);

    // The host clicks Create again with the same draft.
    const again = await createAccessCode(client, draft, instant);
    expect(again.adopted).toBe(true);
    expect(creates()).toBe(1);
    expect(codesOn(seam.seed.august_device_1, 'Slow server')).toHaveLength(1);
    expect(again.accessCode.access_code_id).toBe(
      codesOn(seam.seed.august_device_1, 'Slow server')[0]?.access_code_id,
    );
  });

  it('submitted again after an unknown outcome when nothing landed: it looks, then creates one', async () => {
    const { client, creates, routes } = wrappedClient([loseBeforeServer]);
    const draft = { device_id: seam.seed.august_device_1, name: 'Never landed', ...window };
    expect(
      await createAccessCode(client, draft, instant).catch((caught: unknown) => caught),
    ).toBeInstanceOf(AccessCodeOutcomeUnknownError);
    const again = await createAccessCode(client, draft, instant);
    expect(again.adopted).toBe(false);
    expect(creates()).toBe(2);
    expect(routes).toEqual([
      '/access_codes/create',
      '/access_codes/list',
      '/access_codes/list',
      '/access_codes/create',
    ]);
    expect(codesOn(seam.seed.august_device_1, 'Never landed')).toHaveLength(1);
    // Settled: a third submit is a new intent again, sent without looking.
    await createAccessCode(client, draft, instant);
    expect(routes.at(-1)).toBe('/access_codes/create');
    expect(routes.at(-2)).toBe('/access_codes/create');
  });

  it('the retry is lost too: the outcome is unknown, and the message never shows the PIN', async () => {
    const { client, creates } = wrappedClient([loseBeforeServer, loseBeforeServer]);
    const error = await createAccessCode(
      client,
      { device_id: seam.seed.august_device_1, name: 'Twice lost', code: '7391' },
      instant,
    ).catch((caught: unknown) => caught);
    expect(isAccessCodeOutcomeUnknownError(error)).toBe(true);
    expect((error as Error).message).toMatch(/sent once more and that answer was lost too/);
    expect((error as Error).message).not.toContain('7391');
    expect(creates()).toBe(2);
  });

  it('the first request lands after the look: the retry is refused (duplicate PIN) and the code is adopted', async () => {
    let held: Request | null = null;
    const { client, routes } = wrappedClient([
      async (request) => {
        held = request.clone();
        throw connectionLost();
      },
    ]);
    const options: CreateAccessCodeOptions = {
      // The held request reaches the server while we look: the lookup misses it.
      sleep: async () => undefined,
    };
    const list = client.accessCodes.list.bind(client.accessCodes);
    client.accessCodes.list = (params, requestOptions) => {
      const result = list(params, requestOptions);
      const original = result.toArray.bind(result);
      result.toArray = async () => {
        const codes = await original();
        if (held) {
          const late = held;
          held = null;
          await globalThis.fetch(late);
        }
        return codes;
      };
      return result;
    };
    const result = await createAccessCode(
      client,
      { device_id: seam.seed.august_device_2, name: 'Late landing', code: '3579' },
      options,
    );
    expect(result.adopted).toBe(true);
    expect(codesOn(seam.seed.august_device_2, 'Late landing')).toHaveLength(1);
    expect(routes).toEqual([
      '/access_codes/create',
      '/access_codes/list',
      '/access_codes/create',
      '/access_codes/list',
    ]);
  });

  it('two look-alikes on the lock: it cannot tell which, so it reports both as candidates', async () => {
    const base = {
      workspace_id: seam.seed.seed_workspace_1,
      device_id: seam.seed.august_device_1,
      name: 'Twin',
      ...window,
    };
    const a = seam.fake.database.addAccessCode({ ...base, code: '1111' });
    const b = seam.fake.database.addAccessCode({ ...base, code: '2222' });
    const { client } = wrappedClient([loseBeforeServer]);
    const error = await createAccessCode(
      client,
      { device_id: seam.seed.august_device_1, name: 'Twin', ...window },
      instant,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessCodeOutcomeUnknownError);
    expect([...(error as AccessCodeOutcomeUnknownError).candidateAccessCodeIds].sort()).toEqual(
      [a.access_code_id, b.access_code_id].sort(),
    );
  });

  it('a look-alike created before the request is not adopted', async () => {
    seam.fake.database.addAccessCode({
      workspace_id: seam.seed.seed_workspace_1,
      device_id: seam.seed.august_device_1,
      name: 'Old namesake',
      code: '4444',
      ...window,
    });
    const { client } = wrappedClient([loseBeforeServer]);
    const later = Date.now() + 60 * 60_000; // As if this request were made an hour after that code.
    const error = await createAccessCode(
      client,
      { device_id: seam.seed.august_device_1, name: 'Old namesake', ...window },
      { ...instant, now: () => later },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessCodeOutcomeUnknownError);
    expect((error as AccessCodeOutcomeUnknownError).candidateAccessCodeIds).toEqual([]);
  });

  it('waits settleDelayMs before looking', async () => {
    const waits: number[] = [];
    const { client } = wrappedClient([forwardThenLose]);
    await createAccessCode(
      client,
      { device_id: seam.seed.august_device_1, name: 'Settled', code: '5566' },
      { settleDelayMs: 250, sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toEqual([250]);
  });
});

describe('double submit', () => {
  it('the same draft twice in flight is one request, and both callers get the same result', async () => {
    const { client, creates } = wrappedClient([
      async (_request, forward) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return forward();
      },
    ]);
    const first = createAccessCode(client, {
      device_id: seam.seed.august_device_1,
      name: 'Double',
      ...window,
    });
    // Same intent, spelled differently: other key order, an offset instead of Z, empty fields.
    const second = createAccessCode(client, {
      ends_at: '2031-03-04T12:00:00+01:00',
      starts_at: '2031-03-01T15:00:00.000Z',
      name: 'Double',
      code: '',
      device_id: seam.seed.august_device_1,
    });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(creates()).toBe(1);
    expect(codesOn(seam.seed.august_device_1, 'Double')).toHaveLength(1);
  });

  it('once settled, the same draft is a new request; different drafts are not shared', async () => {
    const { client, creates } = wrappedClient();
    await createAccessCode(client, { device_id: seam.seed.august_device_1, name: 'Again' });
    await createAccessCode(client, { device_id: seam.seed.august_device_1, name: 'Again' });
    expect(creates()).toBe(2);
    await Promise.all([
      createAccessCode(client, { device_id: seam.seed.august_device_1, name: 'One' }),
      createAccessCode(client, { device_id: seam.seed.august_device_1, name: 'Two' }),
    ]);
    expect(creates()).toBe(4);
  });

  it('different clients do not share requests', async () => {
    const one = wrappedClient();
    const two = wrappedClient();
    await Promise.all([
      createAccessCode(one.client, { device_id: seam.seed.august_device_1, name: 'Per client' }),
      createAccessCode(two.client, { device_id: seam.seed.august_device_1, name: 'Per client' }),
    ]);
    expect(one.creates() + two.creates()).toBe(2);
  });

  it('one caller aborting leaves the shared request to the other; when all abort, it is aborted', async () => {
    const slow: Step = async (request, forward) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      request.signal.throwIfAborted();
      return forward();
    };
    const { client, signals } = wrappedClient([slow, slow]);
    const draft = { device_id: seam.seed.august_device_2, name: 'Shared abort' };
    const leaving = new AbortController();
    const first = createAccessCode(client, draft, { signal: leaving.signal });
    const second = createAccessCode(client, draft);
    leaving.abort(new Error('first caller left'));
    await expect(first).rejects.toThrow('first caller left');
    await expect(second).resolves.toMatchObject({
      adopted: false,
      accessCode: { name: 'Shared abort' },
    });
    expect(signals[0]?.aborted).toBe(false);

    const all = [new AbortController(), new AbortController()];
    const pending = all.map((controller) =>
      createAccessCode(
        client,
        { device_id: seam.seed.august_device_2, name: 'All left' },
        { signal: controller.signal },
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const controller of all) controller.abort(new Error('everyone left'));
    await Promise.all(pending.map((promise) => expect(promise).rejects.toThrow('everyone left')));
    expect(signals[1]?.aborted).toBe(true);
    expect(codesOn(seam.seed.august_device_2, 'All left')).toHaveLength(0);
    // An abandoned request is forgotten at once: the same draft starts afresh.
    await expect(
      createAccessCode(client, { device_id: seam.seed.august_device_2, name: 'All left' }),
    ).resolves.toMatchObject({
      adopted: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(codesOn(seam.seed.august_device_2, 'All left')).toHaveLength(1);
  });
});

describe('several locks at once (create_multiple)', () => {
  it('creates one linked code per lock', async () => {
    const { client } = wrappedClient();
    const result = await createAccessCodes(client, {
      device_ids: [seam.seed.august_device_1, seam.seed.august_device_2],
      name: 'Both doors',
      ...window,
    });
    expect(result.adopted).toBe(false);
    expect(result.accessCodes.map((code) => code.device_id)).toEqual([
      seam.seed.august_device_1,
      seam.seed.august_device_2,
    ]);
  });

  it('a lost answer is resolved when every lock shows the code', async () => {
    const { client, creates } = wrappedClient([forwardThenLose]);
    const result = await createAccessCodes(
      client,
      { device_ids: [seam.seed.august_device_1, seam.seed.august_device_2], name: 'Both lost' },
      instant,
    );
    expect(result.adopted).toBe(true);
    expect(result.accessCodes.map((code) => code.device_id)).toEqual([
      seam.seed.august_device_1,
      seam.seed.august_device_2,
    ]);
    expect(new Set(result.accessCodes.map((code) => code.common_code_key)).size).toBe(1);
    expect(creates()).toBe(1);
  });

  it('is never sent again when the codes are not all there', async () => {
    const { client, creates } = wrappedClient([loseBeforeServer]);
    const error = await createAccessCodes(
      client,
      {
        device_ids: [seam.seed.august_device_1, seam.seed.august_device_2],
        name: 'Never again',
        code: '6060',
      },
      instant,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AccessCodeOutcomeUnknownError);
    expect((error as AccessCodeOutcomeUnknownError).deviceIds).toEqual([
      seam.seed.august_device_1,
      seam.seed.august_device_2,
    ]);
    expect(creates()).toBe(1);
  });
});

describe('bad input', () => {
  it('is refused before anything is sent, with the field and the fix', async () => {
    const { client, routes } = wrappedClient();
    await expect(createAccessCode(client, { name: 'x' } as never)).rejects.toThrow(
      /`device_id` must be the id of a device/,
    );
    await expect(createAccessCode(client, { device_id: 'd', name: 5 } as never)).rejects.toThrow(
      /`name` must be text/,
    );
    await expect(
      createAccessCode(client, { device_id: 'd', preferred_code_length: 4.5 }),
    ).rejects.toThrow(/whole number of digits/);
    await expect(
      createAccessCode(client, { device_id: 'd', prefer_native_scheduling: 'yes' } as never),
    ).rejects.toThrow(/true or false/);
    await expect(
      createAccessCode(client, { device_id: 'd', max_time_rounding: '2h' } as never),
    ).rejects.toThrow(/max_time_rounding/);
    await expect(createAccessCodes(client, { device_ids: ['a', 'a'] })).rejects.toThrow(
      /lists a device twice/,
    );
    await expect(
      createAccessCodes(client, { device_ids: ['a'], is_offline_access_code: true } as never),
    ).rejects.toThrow(/create_multiple does not take `is_offline_access_code`/);
    await expect(createAccessCode({} as never, { device_id: 'd' })).rejects.toBeInstanceOf(
      SeamInvalidArgumentError,
    );
    expect(routes).toEqual([]);
  });

  it('the outcome-unknown error survives a structured clone of its JSON form', () => {
    const error = new AccessCodeOutcomeUnknownError({
      message: 'm',
      deviceIds: ['d1'],
      candidateAccessCodeIds: ['a1'],
    });
    const cloned = structuredClone(error.toJSON());
    expect(isAccessCodeOutcomeUnknownError(cloned)).toBe(true);
    expect(cloned).toEqual({
      name: 'AccessCodeOutcomeUnknownError',
      message: 'm',
      deviceIds: ['d1'],
      candidateAccessCodeIds: ['a1'],
    });
    expect(isAccessCodeOutcomeUnknownError({ name: 'AccessCodeOutcomeUnknownError' })).toBe(false);
  });
});
