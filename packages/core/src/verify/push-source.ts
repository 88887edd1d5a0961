/**
 * The push source: one Server-Sent Events stream from the relay, opened with `fetch` and read with
 * a stream reader, so it works in pages, workers, service workers and Node, and can send what
 * `EventSource` cannot: the token as `Authorization: Bearer` (never in the URL) and `Last-Event-ID`
 * on every reconnect. It reconnects with backoff and never throws into the verifier.
 */
import type { SeamEvent } from '@seamapi/types/connect';
import { parseRetryAfter } from '../client/retry.js';
import { parseJsonSafe } from '../client/safe-json.js';
import type { TransportFailure } from '../lifecycle/types.js';
import { backoffMs } from './schedule.js';
import { createSseParser, type SseMessage } from './sse.js';
import type { FetchLike } from '../client/transport.js';
import { RelayStreamError, type ResolvedPushOptions } from './push-options.js';
import type { VerifierClock } from './types.js';

/** What a stream tells its owner (the verifier). None of these may throw. */
export interface PushStreamHost {
  readonly clock: VerifierClock;
  readonly random: () => number;
  /** A Seam event arrived (already parsed; the verifier routes it to its code). */
  onEvent(event: SeamEvent): void;
  /** The stream opened. `resumed` is false when it started without a known `Last-Event-ID`. */
  onOpen(accessCodeIds: readonly string[], resumed: boolean): void;
  /** The relay lost track (`relay.resync`): events may have been missed. */
  onResync(accessCodeIds: readonly string[]): void;
  /** The first failure of a run of failures (later ones until the next open are not told). */
  onFailure(accessCodeIds: readonly string[], failure: TransportFailure): void;
  /** The stream opened again after failures. */
  onRecovered(accessCodeIds: readonly string[]): void;
  /** The last event id moved (to persist it). */
  onLastEventId(lastEventId: string): void;
  /** A problem worth logging (a refused token, a broken message); never contains the token. */
  report(error: unknown): void;
}

/** The relay's control events (they carry no id). */
const RESYNC = 'relay.resync';
const TOKEN_EXPIRED = 'relay.token_expired';

/** One stream for a fixed set of codes; the verifier replaces it when the set changes. */
export class PushStream {
  readonly #options: ResolvedPushOptions;
  readonly #host: PushStreamHost;
  #ids: readonly string[];
  #lastEventId: string;
  #controller: AbortController | null = null;
  #timer: unknown = null;
  #idleTimer: unknown = null;
  #failures = 0;
  #failing = false;
  #serverRetryMs: number | null = null;
  #closed = false;
  #generation = 0;

  constructor(
    options: ResolvedPushOptions,
    host: PushStreamHost,
    accessCodeIds: readonly string[],
    lastEventId: string,
  ) {
    this.#options = options;
    this.#host = host;
    this.#ids = accessCodeIds;
    this.#lastEventId = lastEventId;
  }

  /** The codes this stream carries. */
  get accessCodeIds(): readonly string[] {
    return this.#ids;
  }

  /** The last event id seen (sent as `Last-Event-ID` on reconnect). */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** Opens the stream (again); the previous connection, if any, is dropped. */
  open(): void {
    if (this.#closed) return;
    this.#drop();
    void this.#connect(++this.#generation);
  }

  /** Carries another set of codes: reconnects with the last event id, so nothing is missed. */
  setAccessCodeIds(accessCodeIds: readonly string[]): void {
    if (sameIds(accessCodeIds, this.#ids)) return;
    this.#ids = accessCodeIds;
    this.open();
  }

  /** Closes the stream for good. */
  close(): void {
    this.#closed = true;
    this.#drop();
  }

  #drop(): void {
    if (this.#timer !== null) this.#host.clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#clearIdle();
    this.#controller?.abort();
    this.#controller = null;
  }

  #clearIdle(): void {
    if (this.#idleTimer !== null) this.#host.clock.clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
  }

  #armIdle(generation: number): void {
    this.#clearIdle();
    this.#idleTimer = this.#host.clock.setTimeout(() => {
      this.#idleTimer = null;
      if (generation !== this.#generation || this.#closed) return;
      // A proxy may hold a dead connection open silently; no heartbeat means start again.
      this.#fail(generation, {
        type: 'network_error',
        message: `The relay stream sent nothing for ${Math.round(this.#options.idleTimeoutMs / 1000)} s; reconnecting.`,
        status: null,
      });
    }, this.#options.idleTimeoutMs);
  }

  #reconnectLater(generation: number, delayMs: number): void {
    if (generation !== this.#generation || this.#closed) return;
    // A new generation at once: the connection dropped below ends quietly instead of failing.
    const next = ++this.#generation;
    this.#controller?.abort();
    this.#controller = null;
    this.#clearIdle();
    if (this.#timer !== null) this.#host.clock.clearTimeout(this.#timer);
    this.#timer = this.#host.clock.setTimeout(() => {
      this.#timer = null;
      if (next !== this.#generation || this.#closed) return;
      void this.#connect(next);
    }, delayMs);
  }

  #fail(generation: number, failure: TransportFailure, retryAfterMs: number | null = null): void {
    if (generation !== this.#generation || this.#closed) return;
    this.#failures += 1;
    if (!this.#failing) {
      this.#failing = true;
      this.#host.onFailure(this.#ids, failure);
    }
    const base = Math.max(this.#serverRetryMs ?? 0, this.#options.minReconnectDelayMs);
    const delay = Math.max(
      retryAfterMs ?? 0,
      backoffMs(this.#failures, base, this.#options.maxReconnectDelayMs, this.#host.random),
    );
    this.#reconnectLater(generation, delay);
  }

  async #token(): Promise<string> {
    const source = this.#options.token;
    const token = typeof source === 'string' ? source : await source({ accessCodeIds: this.#ids });
    if (typeof token !== 'string' || token === '') {
      throw new RelayStreamError(
        'The relay token provider returned no token; it must return the subscriber token string your backend minted.',
        null,
        'no_token',
      );
    }
    return token;
  }

  async #connect(generation: number): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    const isCurrent = (): boolean => generation === this.#generation && !this.#closed;
    let token: string;
    try {
      token = await this.#token();
    } catch (error) {
      if (!isCurrent()) return;
      const problem =
        error instanceof RelayStreamError
          ? error
          : new RelayStreamError(
              `The relay token provider failed: ${error instanceof Error ? error.message : String(error)}`,
              null,
              'token_provider_failed',
            );
      this.#host.report(problem);
      this.#fail(generation, {
        type: problem.type ?? 'relay_error',
        message: problem.message,
        status: null,
      });
      return;
    }
    if (!isCurrent()) return;
    let response: Response;
    try {
      const url = `${this.#options.eventsUrl}?access_code_ids=${this.#ids.map(encodeURIComponent).join(',')}`;
      const headers: Record<string, string> = {
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
      };
      if (this.#lastEventId !== '') headers['last-event-id'] = this.#lastEventId;
      const fetcher: FetchLike = this.#options.fetch ?? ((request) => globalThis.fetch(request));
      response = await fetcher(new Request(url, { headers, signal: controller.signal }));
    } catch {
      if (!isCurrent()) return;
      this.#fail(generation, {
        type: 'network_error',
        message: `Could not reach the relay at ${this.#options.eventsUrl}.`,
        status: null,
      });
      return;
    }
    if (!isCurrent()) {
      void response.body?.cancel().catch(() => undefined);
      return;
    }
    if (response.status !== 200 || response.body === null) {
      await this.#refused(generation, response);
      return;
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.toLowerCase().startsWith('text/event-stream')) {
      void response.body.cancel().catch(() => undefined);
      this.#fail(generation, {
        type: 'invalid_response',
        message: `The relay answered ${contentType || 'no content type'} instead of text/event-stream; check push.url.`,
        status: response.status,
      });
      return;
    }
    const resumed = this.#lastEventId !== '';
    const recovered = this.#failing;
    this.#failures = 0;
    this.#failing = false;
    this.#host.onOpen(this.#ids, resumed);
    if (recovered) this.#host.onRecovered(this.#ids);
    await this.#read(generation, response.body);
  }

  async #read(generation: number, body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let renewToken = false;
    const parser = createSseParser(
      {
        onMessage: (message) => {
          if (generation !== this.#generation) return;
          if (message.event === TOKEN_EXPIRED) renewToken = true;
          this.#message(message);
        },
        onRetry: (ms) => {
          this.#serverRetryMs = ms;
        },
      },
      this.#lastEventId,
    );
    this.#armIdle(generation);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (generation !== this.#generation || this.#closed) return;
        this.#armIdle(generation);
        parser.feed(decoder.decode(value, { stream: true }));
      }
      parser.feed(decoder.decode());
      parser.end();
    } catch {
      if (generation !== this.#generation || this.#closed) return;
      this.#fail(generation, {
        type: 'network_error',
        message: 'The connection to the relay was lost.',
        status: null,
      });
      return;
    } finally {
      reader.releaseLock();
    }
    if (generation !== this.#generation || this.#closed) return;
    // The relay ended the stream (a restart, or the token expired): come back after its `retry`,
    // at once for a new token.
    const delay = renewToken ? 0 : (this.#serverRetryMs ?? this.#options.minReconnectDelayMs);
    this.#reconnectLater(generation, delay);
  }

  #message(message: SseMessage): void {
    if (message.event === RESYNC) {
      this.#host.onResync(this.#ids);
      return;
    }
    if (message.event === TOKEN_EXPIRED) return;
    if (!message.hasId) return;
    if (message.lastEventId !== this.#lastEventId) {
      this.#lastEventId = message.lastEventId;
      this.#host.onLastEventId(message.lastEventId);
    }
    let event: unknown;
    try {
      event = parseJsonSafe(message.data, 'drop');
    } catch {
      this.#host.report(
        new RelayStreamError(
          `The relay sent event ${message.lastEventId} with data that is not JSON; it was skipped.`,
          null,
          'invalid_event',
        ),
      );
      return;
    }
    if (
      event === null ||
      typeof event !== 'object' ||
      typeof (event as { event_id?: unknown }).event_id !== 'string' ||
      typeof (event as { event_type?: unknown }).event_type !== 'string'
    ) {
      this.#host.report(
        new RelayStreamError(
          `The relay sent event ${message.lastEventId}, which is not a Seam event; it was skipped.`,
          null,
          'invalid_event',
        ),
      );
      return;
    }
    this.#host.onEvent(event as SeamEvent);
  }

  async #refused(generation: number, response: Response): Promise<void> {
    let type: string | null = null;
    let relayMessage = '';
    try {
      const body = (await response.json()) as { error?: { type?: unknown; message?: unknown } };
      if (typeof body.error?.type === 'string') type = body.error.type;
      if (typeof body.error?.message === 'string') relayMessage = body.error.message;
    } catch {
      // Not JSON: the status says enough.
    }
    const status = response.status;
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    const why =
      status === 401
        ? 'the relay refused the token (expired or signed with another secret)'
        : status === 403
          ? 'the token does not allow these codes, this workspace or this origin'
          : `the relay answered ${status}`;
    const message = `Cannot open the relay stream: ${why}${relayMessage === '' ? '' : ` (${relayMessage})`}.`;
    if (status === 401 || status === 403) {
      this.#host.report(new RelayStreamError(message, status, type));
    }
    this.#fail(generation, { type: type ?? 'relay_error', message, status }, retryAfterMs);
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
