/**
 * Creating access codes safely: one request per intent, and never a second code because an answer
 * was lost.
 *
 * - The same draft submitted again while the first is in flight joins it: one request, and every
 *   caller gets the same result.
 * - When the answer is lost (timeout, connection lost after sending, 5xx), the request may have
 *   been acted on. Before anything else, the lock's codes are listed and the one this request
 *   would have created (same name, PIN if chosen, window, created at or after the request minus a
 *   clock-skew allowance) is adopted. Only when none is found, and the draft has a chosen PIN (Seam
 *   refuses a second code with the same PIN on a lock, so a retry cannot make a twin), is the
 *   request sent once more. Otherwise it fails with `AccessCodeOutcomeUnknownError`.
 * - The same draft submitted again after such an unknown outcome (the host clicks Create once
 *   more) looks on the lock first: a slow server may have acted on the first request since, and
 *   its code is adopted instead of a twin being made.
 */
import type { AccessCode, ActionAttempt } from '@seamapi/types/connect';

import { abortReason, sleep as defaultSleep, type Sleep } from '../client/abort.js';
import {
  SeamInvalidArgumentError,
  isSeamApiError,
  isSeamNetworkError,
  isSeamTimeoutError,
} from '../client/errors.js';
import type {
  AccessCodesCreateMultipleParams,
  AccessCodesCreateParams,
  SeamRequestOptions,
} from '../client/resources.js';
import type { SeamClient } from '../client/seam-client.js';
import { AccessCodeOutcomeUnknownError } from './errors.js';
import {
  accessCodeRequestKey,
  buildCreateMultipleRequest,
  buildCreateRequest,
  matchesCreateRequest,
  type CreateAccessCodeInput,
  type CreateAccessCodesInput,
  type CreateRequestBody,
} from './request.js';

/** How far the server's clock may be behind ours when judging "created after the request". */
export const DEFAULT_CLOCK_SKEW_MS = 120_000;

/** How long to let Seam finish a request whose answer was lost before looking for its code. */
export const DEFAULT_SETTLE_DELAY_MS = 1_000;

/** Options of {@link createAccessCode} and {@link createAccessCodes}. */
export interface CreateAccessCodeOptions {
  /**
   * Stops waiting for this caller. The request itself is aborted only when every caller sharing
   * it has aborted; an abort after sending leaves the outcome unknown, as any lost answer does.
   * A caller that joins a request already in flight shares it as started: of its options, only
   * `signal` is used.
   */
  signal?: AbortSignal;
  /** Per-request timeout passed to the client (its default otherwise). */
  timeoutMs?: number;
  /** Allowance for the server's clock being behind ours; default 2 minutes. */
  clockSkewMs?: number;
  /** Wait before looking for a code whose answer was lost; default 1 s. */
  settleDelayMs?: number;
  /** The current time in ms; default `Date.now`. */
  now?: () => number;
  /** Waits `settleDelayMs`; inject one to test without real waiting. */
  sleep?: Sleep;
}

/** What {@link createAccessCode} returns. */
export interface CreateAccessCodeResult {
  /** The code Seam created (as created; follow it with the verifier until it is on the lock). */
  accessCode: AccessCode;
  /** Seam's `CREATE_ACCESS_CODE` attempt; `null` when adopted or when the server sent none. */
  actionAttempt: ActionAttempt | null;
  /** True when the answer was lost and the code was found on the lock instead. */
  adopted: boolean;
}

/** What {@link createAccessCodes} returns. */
export interface CreateAccessCodesResult {
  /** One code per device, in the order of `device_ids`. */
  accessCodes: AccessCode[];
  /** True when the answer was lost and the codes were found on the locks instead. */
  adopted: boolean;
}

/** The part of `SeamClient` these functions use. */
export type AccessCodeCreator = Pick<SeamClient, 'accessCodes'>;

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

const inFlight = new WeakMap<object, Map<string, InFlight>>();

/**
 * Requests whose outcome is unknown (answer lost and no code found, or abandoned after sending),
 * per client and request key, with the earliest moment their code could have been created. The
 * next submit of the same draft looks for that code before it sends anything.
 */
const unresolved = new WeakMap<object, Map<string, number>>();

/** How many unknown outcomes one client remembers; the oldest are forgotten first. */
const MAX_UNRESOLVED_PER_CLIENT = 100;

function unresolvedOf(client: object): Map<string, number> {
  let byKey = unresolved.get(client);
  if (!byKey) {
    byKey = new Map();
    unresolved.set(client, byKey);
  }
  return byKey;
}

/**
 * Runs a create and keeps the book of unknown outcomes: a settled outcome (created, adopted or
 * definitely refused) clears the key; an unknown one, or an abort once the request may have
 * left, records it with the earliest `notBefore` seen.
 */
async function tracked<T>(
  client: object,
  key: string,
  notBefore: number,
  signal: AbortSignal,
  run: (earlier: number | undefined) => Promise<T>,
): Promise<T> {
  const book = unresolvedOf(client);
  const earlier = book.get(key);
  try {
    const result = await run(earlier);
    book.delete(key);
    return result;
  } catch (error) {
    if (error instanceof AccessCodeOutcomeUnknownError || signal.aborted) {
      book.delete(key);
      book.set(key, Math.min(earlier ?? notBefore, notBefore));
      if (book.size > MAX_UNRESOLVED_PER_CLIENT) {
        book.delete(book.keys().next().value as string);
      }
    } else if (!mayHaveBeenActedOn(error)) {
      book.delete(key);
    }
    throw error;
  }
}

/**
 * Creates an access code on one lock, safely (see the module comment): one request per intent,
 * lost answers resolved by finding the code rather than creating another.
 *
 * Validate the draft against the device first (`validateCodeDraft`); this function checks only
 * that the fields have the right types.
 *
 * @example
 * ```ts
 * const { accessCode, adopted } = await createAccessCode(client, {
 *   device_id,
 *   name: 'Guest: Ana Silva',
 *   code: '4821',
 *   starts_at: zonedWallTimeToInstant('2026-12-03T15:00', 'America/Denver'),
 *   ends_at: zonedWallTimeToInstant('2026-12-06T11:00', 'America/Denver'),
 * });
 * ```
 */
export function createAccessCode(
  client: AccessCodeCreator,
  input: CreateAccessCodeInput,
  options: CreateAccessCodeOptions = {},
): Promise<CreateAccessCodeResult> {
  return createSafely(
    client,
    'createAccessCode',
    () => buildCreateRequest(input),
    options,
    oneCode,
  );
}

/**
 * Creates one code per lock with Seam's `create_multiple` (linked by `common_code_key`), with the
 * same in-flight sharing. A lost answer is resolved only when every lock shows exactly one
 * matching code; it is never retried, since the first request may have landed on some locks.
 */
export function createAccessCodes(
  client: AccessCodeCreator,
  input: CreateAccessCodesInput,
  options: CreateAccessCodeOptions = {},
): Promise<CreateAccessCodesResult> {
  return createSafely(
    client,
    'createAccessCodes',
    () => buildCreateMultipleRequest(input),
    options,
    codePerLock,
  );
}

/**
 * Whether a failed write may nonetheless have been acted on by Seam: a timeout, a connection lost
 * after the request may have left, a 5xx, or a 2xx whose body could not be read.
 */
export function mayHaveBeenActedOn(error: unknown): boolean {
  if (isSeamTimeoutError(error)) return true;
  if (isSeamNetworkError(error)) return error.requestMayHaveBeenSent;
  return (
    isSeamApiError(error) && (error.status >= 500 || (error.status >= 200 && error.status < 300))
  );
}

/** One run of a create request: what each of its steps needs. */
interface Attempt {
  readonly client: AccessCodeCreator;
  readonly body: CreateRequestBody;
  readonly options: CreateAccessCodeOptions;
  readonly signal: AbortSignal;
  /** The earliest creation time of a code this request (or an earlier unknown one) made. */
  readonly notBefore: number;
  readonly story: Story;
}

/** What looking on the lock(s) showed: the code(s) to adopt, matches that cannot be, or none. */
type Sighting<R> =
  | { kind: 'adopted'; result: R }
  | { kind: 'unclear'; error: AccessCodeOutcomeUnknownError }
  | { kind: 'none' };

/** What differs between creating one code (`create`) and one code per lock (`create_multiple`). */
interface CreateMode<R> {
  /** Seam's endpoint; it also keys the in-flight sharing and the unknown-outcome memory. */
  readonly endpoint: 'create' | 'create_multiple';
  /** Names what is created in the note an earlier unknown outcome leaves in the error. */
  readonly subject: string;
  deviceIds(body: CreateRequestBody): string[];
  send(attempt: Attempt): Promise<R>;
  /** Looks on the lock(s) for what this request would have created. */
  look(attempt: Attempt, cause: unknown, settleFirst: boolean): Promise<Sighting<R>>;
  /** The answer was lost and nothing was found: send once more if that is safe, else fail. */
  whenNothingFound(attempt: Attempt, lost: unknown): Promise<R>;
}

/** `create`: a lost answer with a chosen PIN may be sent once more (Seam refuses a twin PIN). */
const oneCode: CreateMode<CreateAccessCodeResult> = {
  endpoint: 'create',
  subject: 'this code',
  deviceIds: (body) => [body.device_id as string],
  async send({ client, body, options, signal }) {
    const created = await client.accessCodes.createWithActionAttempt(
      body as AccessCodesCreateParams,
      toRequestOptions(options, signal),
    );
    return {
      accessCode: created.access_code,
      actionAttempt: created.action_attempt,
      adopted: false,
    };
  },
  async look(attempt, cause, settleFirst) {
    const found = await lookFor(attempt, attempt.body.device_id as string, cause, settleFirst);
    if (found.length > 1) return { kind: 'unclear', error: attempt.story.ambiguous(found, cause) };
    const accessCode = found[0];
    if (accessCode === undefined) return { kind: 'none' };
    return { kind: 'adopted', result: { accessCode, actionAttempt: null, adopted: true } };
  },
  async whenNothingFound(attempt, lost) {
    const { body, signal, story } = attempt;
    if (typeof body.code !== 'string') {
      throw story.fail(
        'Without a chosen PIN another attempt could create a second code, so none was made.',
        lost,
      );
    }
    // Safe to send once more: Seam refuses a second code with this PIN on this lock.
    try {
      return await oneCode.send(attempt);
    } catch (error) {
      if (signal.aborted) throw error;
      const lostAgain = mayHaveBeenActedOn(error);
      // A refusal (e.g. duplicate PIN) may mean the first request has landed since we looked.
      if (lostAgain || isSeamApiError(error)) {
        const second = await oneCode.look(attempt, error, false);
        if (second.kind === 'adopted') return second.result;
        if (second.kind === 'unclear') throw second.error;
      }
      if (lostAgain) {
        story.lost(error);
        throw story.fail('It was sent once more and that answer was lost too.', error);
      }
      throw error;
    }
  },
};

/** `create_multiple`: never sent again after a lost answer, since it may have landed on some locks. */
const codePerLock: CreateMode<CreateAccessCodesResult> = {
  endpoint: 'create_multiple',
  subject: 'these codes',
  deviceIds: (body) => body.device_ids as string[],
  async send({ client, body, options, signal }) {
    const accessCodes = await client.accessCodes.createMultiple(
      body as unknown as AccessCodesCreateMultipleParams,
      toRequestOptions(options, signal),
    );
    return { accessCodes, adopted: false };
  },
  look: findOnEveryLock,
  whenNothingFound: (attempt, lost) =>
    Promise.reject(
      attempt.story.fail(
        'No matching code was found on any of the locks; it was not sent again, since it may still land.',
        lost,
      ),
    ),
};

/**
 * What both modes share: the client check, the in-flight sharing, the memory of unknown outcomes
 * and one create run. Bad input rejects the promise rather than throwing.
 */
function createSafely<R>(
  client: AccessCodeCreator,
  caller: string,
  build: () => CreateRequestBody,
  options: CreateAccessCodeOptions,
  mode: CreateMode<R>,
): Promise<R> {
  try {
    checkClient(client, caller);
    const body = build();
    const key = `${mode.endpoint} ${accessCodeRequestKey(body)}`;
    return share(client, key, options.signal, (signal) => {
      const requestedAt =
        (options.now ?? Date.now)() - (options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS);
      return tracked(client, key, requestedAt, signal, (earlier) => {
        const attempt: Attempt = {
          client,
          body,
          options,
          signal,
          // After an unknown outcome, the code of that earlier request counts as this one's.
          notBefore: Math.min(requestedAt, earlier ?? requestedAt),
          story: new Story(mode.deviceIds(body), body),
        };
        return createOnce(mode, attempt, earlier !== undefined);
      });
    });
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * One create: after an earlier unknown outcome, look on the lock(s) first; send; when the answer
 * is lost, look before anything else, and only then let the mode decide.
 */
async function createOnce<R>(
  mode: CreateMode<R>,
  attempt: Attempt,
  afterUnknownOutcome: boolean,
): Promise<R> {
  const { signal, story } = attempt;
  if (afterUnknownOutcome) {
    const previous = new Error(`an earlier submit of ${mode.subject} had an unknown outcome`);
    story.lost(previous);
    const seen = await mode.look(attempt, previous, false);
    if (seen.kind === 'adopted') return seen.result;
    // Matches that cannot be adopted: sending again could make twins.
    if (seen.kind === 'unclear') throw seen.error;
  }

  let lost: unknown;
  try {
    return await mode.send(attempt);
  } catch (error) {
    if (signal.aborted || !mayHaveBeenActedOn(error)) throw error;
    lost = error;
  }
  story.lost(lost);

  const seen = await mode.look(attempt, lost, true);
  if (seen.kind === 'adopted') return seen.result;
  if (seen.kind === 'unclear') throw seen.error;
  return mode.whenNothingFound(attempt, lost);
}

/**
 * Looks on every lock of a `create_multiple` body: the codes when each lock shows exactly one
 * match and they are linked; else the matches found, if any, and the error that says so.
 */
async function findOnEveryLock(
  attempt: Attempt,
  cause: unknown,
  settleFirst: boolean,
): Promise<Sighting<CreateAccessCodesResult>> {
  const { body, story } = attempt;
  const deviceIds = body.device_ids as string[];
  const adopted: AccessCode[] = [];
  const candidates: AccessCode[] = [];
  for (const [index, deviceId] of deviceIds.entries()) {
    const found = await lookFor(attempt, deviceId, cause, settleFirst && index === 0);
    candidates.push(...found);
    if (found.length === 1) adopted.push(found[0] as AccessCode);
  }
  // Codes from one create_multiple share a common_code_key unless a PIN was given.
  const keys = new Set(adopted.map((code) => code.common_code_key));
  const linked = typeof body.code === 'string' || (keys.size === 1 && !keys.has(null));
  if (adopted.length === deviceIds.length && linked) {
    return { kind: 'adopted', result: { accessCodes: adopted, adopted: true } };
  }
  if (candidates.length === 0) return { kind: 'none' };
  return {
    kind: 'unclear',
    error: story.fail(
      `Matching codes were found on only some of the locks (${candidates.map((code) => code.access_code_id).join(', ')}), so it was not sent again.`,
      cause,
      candidates,
    ),
  };
}

/** Lists the lock's codes and keeps those this request would have created. */
async function lookFor(
  { client, body, options, signal, notBefore, story }: Attempt,
  deviceId: string,
  cause: unknown,
  settleFirst: boolean,
): Promise<AccessCode[]> {
  const settle = options.settleDelayMs ?? DEFAULT_SETTLE_DELAY_MS;
  if (settleFirst && settle > 0) await (options.sleep ?? defaultSleep)(settle, signal);
  let codes: AccessCode[];
  try {
    codes = await client.accessCodes
      .list({ device_id: deviceId }, toRequestOptions(options, signal))
      .toArray();
  } catch (error) {
    if (signal.aborted) throw abortReason(signal);
    throw story.fail(
      `Listing the lock's codes to look for it failed too (${describe(error, body)}).`,
      cause,
    );
  }
  // Filtering by device here as well keeps this right even if a server ignores `device_id`.
  return codes.filter((code) => matchesCreateRequest(code, body, deviceId, notBefore));
}

/** Builds the messages of `AccessCodeOutcomeUnknownError`; they never contain the PIN. */
class Story {
  readonly #deviceIds: string[];
  readonly #body: CreateRequestBody;
  #lost: string[] = [];

  constructor(deviceIds: string[], body: CreateRequestBody) {
    this.#deviceIds = deviceIds;
    this.#body = body;
  }

  lost(error: unknown): void {
    this.#lost.push(describe(error, this.#body));
  }

  ambiguous(found: AccessCode[], cause: unknown): AccessCodeOutcomeUnknownError {
    return this.fail(
      `${found.length} codes on the lock match it (${found.map((code) => code.access_code_id).join(', ')}), ` +
        'so it cannot tell which one it created.',
      cause,
      found,
    );
  }

  fail(
    detail: string,
    cause: unknown,
    candidates: AccessCode[] = [],
  ): AccessCodeOutcomeUnknownError {
    const locks =
      this.#deviceIds.length === 1
        ? `lock ${this.#deviceIds[0]}`
        : `locks ${this.#deviceIds.join(', ')}`;
    const name = typeof this.#body.name === 'string' ? ` "${this.#body.name}"` : '';
    return new AccessCodeOutcomeUnknownError({
      message:
        `The access code${name} may or may not have been created on ${locks}: the answer to the create request was lost ` +
        `(${this.#lost.join('; ')}) and no single matching code was found. ${detail} ` +
        "The code may exist: check the lock's codes before creating it again.",
      deviceIds: this.#deviceIds,
      candidateAccessCodeIds: candidates.map((code) => code.access_code_id),
      cause,
    });
  }
}

function describe(error: unknown, body: CreateRequestBody): string {
  const text = error instanceof Error ? error.message : String(error);
  const pin = body.code;
  return typeof pin === 'string' && pin.length > 0 ? text.split(pin).join('••••') : text;
}

function toRequestOptions(
  options: CreateAccessCodeOptions,
  signal: AbortSignal,
): SeamRequestOptions {
  return options.timeoutMs === undefined ? { signal } : { signal, timeoutMs: options.timeoutMs };
}

function checkClient(client: unknown, where: string): void {
  const accessCodes = (client as { accessCodes?: { createWithActionAttempt?: unknown } } | null)
    ?.accessCodes;
  if (typeof accessCodes?.createWithActionAttempt !== 'function') {
    throw new SeamInvalidArgumentError(`${where} needs a SeamClient as its first argument.`);
  }
}

/**
 * Runs `run` once per (client, key) while it is in flight; later callers join it. A caller's
 * abort detaches only that caller; the shared request is aborted when no caller is left.
 */
function share<T>(
  client: object,
  key: string,
  signal: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  let byKey = inFlight.get(client);
  if (!byKey) {
    byKey = new Map();
    inFlight.set(client, byKey);
  }
  const entries = byKey;
  let entry = entries.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: InFlight = { controller, waiters: 0, promise: Promise.resolve() };
    created.promise = run(controller.signal).finally(() => {
      if (entries.get(key) === created) entries.delete(key);
    });
    // Waiters report failures; this keeps a fully abandoned request from being "unhandled".
    created.promise.catch(() => undefined);
    entries.set(key, created);
    entry = created;
  }
  const shared = entry;
  shared.waiters += 1;
  if (!signal) return shared.promise as Promise<T>;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      shared.waiters -= 1;
      if (shared.waiters === 0) {
        if (entries.get(key) === shared) entries.delete(key);
        shared.controller.abort(abortReason(signal));
      }
      reject(abortReason(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value as T);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
