/**
 * `SeamClient`: Seam's Access Codes API from any JavaScript runtime (Node, pages, workers, the
 * extension's service worker), with the auth modes, errors, retries, timeouts and pagination of
 * the official SDK's design, on `fetch` or any transport.
 */
import {
  abortReason,
  linkSignal,
  raceAbort,
  sleep as defaultSleep,
  throwIfAborted,
  type Sleep,
} from './abort.js';
import {
  ClientSessionTokenAuth,
  PublishableKeyAuth,
  StaticAuth,
  checkCredential,
  type AuthProvider,
  type SeamAuthKind,
} from './auth.js';
import {
  SeamApiError,
  SeamInvalidArgumentError,
  SeamTimeoutError,
  isSeamUnauthorizedError,
  reviveSeamError,
  type SeamApiErrorJson,
} from './errors.js';
import {
  SeamAccessCodes,
  SeamActionAttempts,
  SeamClientSessions,
  SeamDevices,
  SeamEvents,
  SeamLocks,
  type SeamCallOptions,
} from './resources.js';
import { resolveRetryOptions, retryDelay, type RetryOptions } from './retry.js';
import {
  createFetchTransport,
  resolveEndpoint,
  type FetchLike,
  type Transport,
} from './transport.js';

/** Told before each retry: which route, which retry (1-based), how long it waits and why. */
export interface SeamRetryEvent {
  route: string;
  attempt: number;
  delayMs: number;
  error: unknown;
}

/** Told when Seam answers 401 to a session-based client; see `onSessionExpired`. */
export interface SeamSessionExpiredEvent {
  /** The 401 error (it never contains the credential). */
  error: SeamApiErrorJson;
  /** The route that was refused. */
  route: string;
  /** The client's credential mode. */
  authKind: SeamAuthKind;
}

/** Options every way of building a client shares. */
export interface SeamClientCommonOptions {
  /** Seam's base URL or a proxy's. Default `https://connect.getseam.com`. */
  endpoint?: string;
  /**
   * The fetch the default transport calls with a `Request`: default `globalThis.fetch` (looked up
   * at call time); the sandbox passes its in-page handler here (`fetch: sandbox.fetch`).
   */
  fetch?: FetchLike;
  /**
   * Replaces the fetch transport entirely (extension messaging, for instance). The transport then
   * owns the credentials, so it cannot be combined with `apiKey`, `clientSessionToken`,
   * `publishableKey`, `endpoint` or `fetch`.
   */
  transport?: Transport;
  /** Per-attempt timeout in milliseconds; `Infinity` disables it. Default 30 000. */
  timeoutMs?: number;
  /** Retry settings, or `false` for none. See `RetryOptions` for what is retried. */
  retry?: Partial<RetryOptions> | false;
  /** Waits between retries; inject one to test backoff without real waiting. */
  sleep?: Sleep;
  /** Source of jitter in [0, 1); default `Math.random`. */
  random?: () => number;
  /** Called before each retry, e.g. to log or to show "retrying…". */
  onRetry?: (event: SeamRetryEvent) => void;
  /**
   * Called when Seam answers 401 and the client cannot renew the session by itself (every mode
   * except API key). With a client session token, return a fresh token to retry the request once
   * with it (later requests use it too); return nothing to let the error through. In
   * publishable-key mode the client first re-creates the session itself, and calls this only when
   * that did not help.
   */
  onSessionExpired?: (
    event: SeamSessionExpiredEvent,
  ) => string | null | undefined | void | Promise<string | null | undefined | void>;
}

/** Options of `new SeamClient(...)`: the common options plus at most one credential. */
export type SeamClientOptions = SeamClientCommonOptions &
  (
    | {
        apiKey: string;
        clientSessionToken?: never;
        publishableKey?: never;
        userIdentifierKey?: never;
      }
    | {
        clientSessionToken: string;
        apiKey?: never;
        publishableKey?: never;
        userIdentifierKey?: never;
      }
    | {
        publishableKey: string;
        userIdentifierKey: string;
        apiKey?: never;
        clientSessionToken?: never;
      }
    | {
        apiKey?: never;
        clientSessionToken?: never;
        publishableKey?: never;
        userIdentifierKey?: never;
      }
  );

/** The default per-attempt timeout. */
export const defaultTimeoutMs = 30_000;

// setTimeout fires at once for delays above 2^31 - 1 ms; such timeouts count as "none".
const maxTimerMs = 2_147_483_647;

interface InternalCallOptions extends SeamCallOptions {
  /** Skip the credential layer (used for creating the client session itself). */
  transport?: Transport;
  withoutAuth?: boolean;
}

/**
 * A Seam API client. Build it with one of the named constructors (or `new SeamClient(options)`
 * with at most one credential), then call the resources as in Seam's docs.
 *
 * - Reads are retried on network errors, timeouts, 5xx and 429 (exponential backoff, full jitter,
 *   `Retry-After` honoured); writes only when Seam certainly did not act (429, or a request that
 *   never left). Each attempt has a timeout; every method takes `{ signal }`.
 * - Errors are `SeamApiError` and its subclasses, `SeamNetworkError` and `SeamTimeoutError`;
 *   recognise them with the `isSeam...` guards, also after they crossed a realm.
 *
 * @example
 * ```ts
 * const seam = SeamClient.fromClientSessionToken(token);
 * const device = await seam.devices.get({ device_id });
 * const codes = await seam.accessCodes.list({ device_id });
 * for await (const event of seam.events.list({ since, device_id })) handle(event);
 * ```
 */
export class SeamClient {
  /** `devices.get`, `devices.list`. */
  readonly devices: SeamDevices;
  /** `locks.get`. */
  readonly locks: SeamLocks;
  /** `accessCodes.create/createMultiple/get/list/update/delete/generateCode/pullBackupAccessCode`. */
  readonly accessCodes: SeamAccessCodes;
  /** `actionAttempts.get`. */
  readonly actionAttempts: SeamActionAttempts;
  /** `events.list`. */
  readonly events: SeamEvents;
  /** `clientSessions.getOrCreate`. */
  readonly clientSessions: SeamClientSessions;

  readonly #endpoint: string | null;
  readonly #transport: Transport;
  readonly #auth: AuthProvider;
  readonly #timeoutMs: number;
  readonly #retry: RetryOptions;
  readonly #sleep: Sleep;
  readonly #random: () => number;
  readonly #onRetry: ((event: SeamRetryEvent) => void) | undefined;
  readonly #onSessionExpired: SeamClientCommonOptions['onSessionExpired'];

  /** Builds a client; prefer the named constructors, which say which credential is meant. */
  constructor(options: SeamClientOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      fail(`the options must be an object; got ${String(options)}.`);
    }
    const credentials = (['apiKey', 'clientSessionToken', 'publishableKey'] as const).filter(
      (key) => options[key] !== undefined,
    );
    if (credentials.length > 1) {
      fail(
        `give exactly one credential; got ${credentials.map((key) => `\`${key}\``).join(' and ')}. ` +
          'Use SeamClient.fromApiKey, fromClientSessionToken or fromPublishableKey.',
      );
    }
    if (options.userIdentifierKey !== undefined && options.publishableKey === undefined) {
      fail(
        '`userIdentifierKey` only goes with `publishableKey` (see SeamClient.fromPublishableKey).',
      );
    }
    this.#timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs') ?? defaultTimeoutMs;
    this.#retry = resolveRetryOptions(options.retry, fail);
    this.#sleep = checkFunction(options.sleep, 'sleep') ?? defaultSleep;
    this.#random = checkFunction(options.random, 'random') ?? Math.random;
    this.#onRetry = checkFunction(options.onRetry, 'onRetry');
    this.#onSessionExpired = checkFunction(options.onSessionExpired, 'onSessionExpired');

    if (options.transport !== undefined) {
      if (typeof options.transport !== 'function')
        fail('`transport` must be a function (route, body, { signal }).');
      const clashes = (
        ['apiKey', 'clientSessionToken', 'publishableKey', 'endpoint', 'fetch'] as const
      ).filter((key) => options[key] !== undefined);
      if (clashes.length > 0) {
        fail(
          `\`transport\` replaces the HTTP layer, so ${clashes.map((key) => `\`${key}\``).join(', ')} would be ignored. ` +
            'Give those to the transport (e.g. createFetchTransport({ endpoint, headers })) or drop `transport`.',
        );
      }
      this.#endpoint = null;
      this.#transport = options.transport;
      this.#auth = new StaticAuth('transport', {});
    } else {
      const endpoint = resolveEndpoint(options.endpoint);
      if (options.fetch !== undefined && typeof options.fetch !== 'function') {
        fail('`fetch` must be a function that takes a Request and returns a Response.');
      }
      this.#endpoint = endpoint;
      this.#auth = this.#createAuth(options, endpoint);
      const auth = this.#auth;
      this.#transport = createFetchTransport({
        endpoint,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers: () => auth.headers(),
      });
    }

    const call = (route: string, body: Record<string, unknown>, callOptions: SeamCallOptions) =>
      this.#call(route, body, callOptions);
    this.devices = new SeamDevices(call);
    this.locks = new SeamLocks(call);
    this.accessCodes = new SeamAccessCodes(call);
    this.actionAttempts = new SeamActionAttempts(call);
    this.events = new SeamEvents(call);
    this.clientSessions = new SeamClientSessions(call);
  }

  /**
   * A client with an API key (`authorization: Bearer <key>`). Server side and the extension's
   * background only: an API key has full workspace power and must never reach a page.
   */
  static fromApiKey(apiKey: string, options: SeamClientCommonOptions = {}): SeamClient {
    return new SeamClient({ ...withoutCredentials(options), apiKey });
  }

  /**
   * A client with a client session token minted by your backend (sent as
   * `authorization: Bearer <cst>` and `client-session-token: <cst>`): the browser credential.
   */
  static fromClientSessionToken(
    clientSessionToken: string,
    options: SeamClientCommonOptions = {},
  ): SeamClient {
    return new SeamClient({ ...withoutCredentials(options), clientSessionToken });
  }

  /**
   * A client with a publishable key and your opaque, stable id for the user: on first use it calls
   * `/client_sessions/get_or_create` (once, shared by concurrent calls) and then uses the returned
   * client session token; when Seam rejects that token, it re-creates the session once.
   */
  static fromPublishableKey(
    publishableKey: string,
    userIdentifierKey: string,
    options: SeamClientCommonOptions = {},
  ): SeamClient {
    return new SeamClient({ ...withoutCredentials(options), publishableKey, userIdentifierKey });
  }

  /** A client that sends no credential: for a proxy `endpoint` that adds it server side. */
  static withoutAuth(options: SeamClientCommonOptions = {}): SeamClient {
    return new SeamClient(withoutCredentials(options));
  }

  /** The base URL requests go to; `null` with a custom transport. */
  get endpoint(): string | null {
    return this.#endpoint;
  }

  /** Which credential mode the client is in (never the credential itself). */
  get authKind(): SeamAuthKind {
    return this.#auth.kind;
  }

  /**
   * Calls any Seam route through the client's pipeline (credentials, timeout, retries) and returns
   * the decoded JSON. `kind` defaults to `write`, which is never retried blindly: pass
   * `kind: 'read'` only for routes that change nothing.
   */
  request(
    route: string,
    body: Record<string, unknown> = {},
    options: Partial<SeamCallOptions> = {},
  ): Promise<unknown> {
    return this.#call(route, body, { ...options, kind: options.kind ?? 'write' });
  }

  /** Keeps credentials out of logs and `JSON.stringify(client)`. */
  toJSON(): { endpoint: string | null; authKind: SeamAuthKind } {
    return { endpoint: this.#endpoint, authKind: this.#auth.kind };
  }

  #createAuth(options: SeamClientOptions, endpoint: string): AuthProvider {
    if (options.apiKey !== undefined) {
      return new StaticAuth('api_key', {
        authorization: `Bearer ${checkCredential('apiKey', options.apiKey)}`,
      });
    }
    if (options.clientSessionToken !== undefined) {
      return new ClientSessionTokenAuth(options.clientSessionToken);
    }
    if (options.publishableKey !== undefined) {
      const publishableKey = checkCredential('publishableKey', options.publishableKey);
      const userIdentifierKey = checkCredential('userIdentifierKey', options.userIdentifierKey);
      const sessionTransport = createFetchTransport({
        endpoint,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers: { 'seam-publishable-key': publishableKey },
      });
      return new PublishableKeyAuth(async () => {
        const route = '/client_sessions/get_or_create';
        const response = await this.#call(
          route,
          { user_identifier_key: userIdentifierKey },
          { kind: 'write', transport: sessionTransport, withoutAuth: true },
        );
        const token = (response as { client_session?: { token?: unknown } } | null)?.client_session
          ?.token;
        if (typeof token !== 'string' || token === '') {
          throw new SeamApiError({
            type: 'invalid_response',
            status: 200,
            route,
            message: `Seam's answer to ${route} has no \`client_session.token\`; check that the endpoint is Seam or a faithful proxy.`,
          });
        }
        return token;
      });
    }
    return new StaticAuth('none', {});
  }

  async #call(
    route: string,
    body: Record<string, unknown>,
    options: InternalCallOptions,
  ): Promise<unknown> {
    const { signal, kind } = options;
    throwIfAborted(signal);
    const timeoutMs = checkTimeout(options.timeoutMs, 'timeoutMs (per call)') ?? this.#timeoutMs;
    const transport = options.transport ?? this.#transport;
    let attempt = 0;
    let sessionRenewed = false;
    let hookCalled = false;
    for (;;) {
      const generation = options.withoutAuth
        ? 0
        : await (signal ? raceAbort(this.#auth.prepare(), signal) : this.#auth.prepare());
      try {
        return await this.#attempt(transport, route, body, signal, timeoutMs);
      } catch (caught) {
        if (signal?.aborted) throw abortReason(signal);
        const error = reviveSeamError(caught);
        if (!options.withoutAuth && isSeamUnauthorizedError(error)) {
          if (this.#auth.kind === 'publishable_key' && !sessionRenewed) {
            sessionRenewed = true;
            this.#auth.invalidate(generation);
            continue;
          }
          if (this.#auth.kind !== 'api_key' && this.#onSessionExpired && !hookCalled) {
            hookCalled = true;
            const fresh = await this.#onSessionExpired({ error, route, authKind: this.#auth.kind });
            throwIfAborted(signal);
            if (
              this.#auth instanceof ClientSessionTokenAuth &&
              typeof fresh === 'string' &&
              fresh !== ''
            ) {
              this.#auth.replace(fresh);
              continue;
            }
          }
          throw error;
        }
        const delayMs = retryDelay(error, attempt, kind, this.#retry, this.#random);
        if (delayMs === null) throw error;
        attempt += 1;
        this.#onRetry?.({ route, attempt, delayMs, error });
        await this.#sleep(delayMs, signal);
      }
    }
  }

  async #attempt(
    transport: Transport,
    route: string,
    body: Record<string, unknown>,
    signal: AbortSignal | undefined,
    timeoutMs: number,
  ): Promise<unknown> {
    const controller = new AbortController();
    const unlink = linkSignal(signal, controller);
    const timer =
      timeoutMs <= maxTimerMs
        ? setTimeout(() => controller.abort(new SeamTimeoutError({ route, timeoutMs })), timeoutMs)
        : undefined;
    try {
      // `new Promise` turns a transport that throws synchronously into a rejection.
      const pending = new Promise<unknown>((resolve) =>
        resolve(transport(route, body, { signal: controller.signal })),
      );
      return await raceAbort(pending, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) throw abortReason(controller.signal);
      throw error;
    } finally {
      clearTimeout(timer);
      unlink();
    }
  }
}

function fail(message: string): never {
  throw new SeamInvalidArgumentError(`SeamClient: ${message}`);
}

function checkTimeout(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    fail(
      `\`${name}\` must be a number of milliseconds above 0 (or Infinity for none); got ${String(value)}.`,
    );
  }
  return value;
}

function checkFunction<T>(value: T | undefined, name: string): T | undefined {
  if (value !== undefined && typeof value !== 'function') fail(`\`${name}\` must be a function.`);
  return value;
}

function withoutCredentials(options: SeamClientCommonOptions): SeamClientCommonOptions {
  if (typeof options !== 'object' || options === null) return {};
  const rest: Record<string, unknown> = { ...options };
  for (const key of ['apiKey', 'clientSessionToken', 'publishableKey', 'userIdentifierKey']) {
    if (rest[key] !== undefined) {
      fail(`pass the credential as the constructor's argument, not as \`options.${key}\`.`);
    }
  }
  return rest as SeamClientCommonOptions;
}
