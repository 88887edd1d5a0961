import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeamEvent } from '@seamapi/types/connect';
import { parseJsonSafe } from '@seam-codes/core';
import { Webhook, WebhookVerificationError } from 'svix';
import { RecentIds, ReplayBuffer, type BufferedEvent } from './replay-buffer.js';
import { sseComment, sseFrame, sseRetry } from './sse.js';
import {
  SubscriberTokenError,
  checkId,
  checkSecret,
  verifySubscriberToken,
  type SubscriberSecret,
  type SubscriberTokenClaims,
} from './token.js';

/** The route Seam's webhook endpoint must point at. */
export const WEBHOOK_PATH = '/webhooks/seam';
/** The SSE route subscribers connect to. */
export const EVENTS_PATH = '/events';
/** The health route for load balancers and monitoring. */
export const HEALTH_PATH = '/health';

/** Defaults of {@link RelayOptions}, exported so docs and tests quote the same numbers. */
export const RELAY_DEFAULTS = {
  maxBodyBytes: 256 * 1024,
  maxSubscribers: 1000,
  maxSubscribersPerToken: 5,
  replayBufferSize: 1000,
  dedupeWindow: 10_000,
  heartbeatIntervalMs: 15_000,
  retryMs: 3000,
  maxBufferedBytesPerSubscriber: 1024 * 1024,
} as const;

/** What the relay tells its operator; it never contains tokens, secrets or query strings. */
export interface RelayLogEntry {
  /** `info` for normal traffic, `warn` for refusals and dropped subscribers, `error` for bugs. */
  readonly level: 'info' | 'warn' | 'error';
  /** A short description built from fixed text and numbers only. */
  readonly message: string;
  /** The request method, when the entry is about a request. */
  readonly method?: string;
  /** The request path without its query string (which may carry a token). */
  readonly path?: string;
  /** The response status, when one was sent. */
  readonly status?: number;
  /** The machine-readable reason of a refusal, as in the response body's `error.type`. */
  readonly reason?: string;
  /** How long the request (or, for a subscriber, the stream) lasted. */
  readonly durationMs?: number;
}

/** Options of {@link createRelay}. Only the two secrets are required. */
export interface RelayOptions {
  /** The Seam webhook endpoint's signing secret (`whsec_…`, from Seam Console or `/webhooks/create`). */
  webhookSecret: string;
  /** The secret your backend signs subscriber tokens with (at least 32 bytes). */
  subscriberSecret: SubscriberSecret;
  /**
   * Browser origins allowed to subscribe (exact `scheme://host[:port]`, or `'*'` for any). Default:
   * none, so only non-browser clients (which send no `Origin`) can subscribe until you configure it.
   */
  allowedOrigins?: readonly string[];
  /** Largest webhook body accepted; larger ones get 413. Default 256 KiB. */
  maxBodyBytes?: number;
  /** Most concurrent subscribers on this instance; beyond it, 503. Default 1000. */
  maxSubscribers?: number;
  /** Most concurrent streams per token (e.g. tabs); beyond it, 429. Default 5. */
  maxSubscribersPerToken?: number;
  /** How many recent events are kept for `Last-Event-ID` replays. Default 1000. */
  replayBufferSize?: number;
  /** How many recent webhook ids are remembered to drop Svix retries. Default 10 000. */
  dedupeWindow?: number;
  /** Interval of the `: heartbeat` comments that keep proxies from closing idle streams. Default 15 s. */
  heartbeatIntervalMs?: number;
  /** The SSE `retry:` the relay asks browsers to wait before reconnecting. Default 3 s. */
  retryMs?: number;
  /** A subscriber whose unsent output exceeds this is dropped (it reconnects and replays). Default 1 MiB. */
  maxBufferedBytesPerSubscriber?: number;
  /** Receives log entries; default: nothing is logged. */
  log?: (entry: RelayLogEntry) => void;
  /** The clock for token expiry, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

/** Counters and gauges of one relay instance, as `GET /health` reports them. */
export interface RelayStats {
  /** Open SSE streams. */
  readonly subscribers: number;
  /** Distinct tokens among the open streams. */
  readonly tokens: number;
  /** Events held for replay, and the capacity of the buffer. */
  readonly replayBuffer: { readonly size: number; readonly capacity: number };
  /** Webhooks by outcome since start. */
  readonly webhooks: {
    /** Verified and fanned out. */
    readonly accepted: number;
    /** Verified but already seen (Svix retries): acknowledged, not sent again. */
    readonly duplicates: number;
    /** Verified but about no access code: acknowledged, not forwarded. */
    readonly ignored: number;
    /** Refused: bad or stale signature, missing headers, too large, malformed. */
    readonly rejected: number;
  };
  /** Event frames written to subscribers (live and replayed) since start. */
  readonly eventsDelivered: number;
  /** Seconds since the relay was created. */
  readonly uptimeSeconds: number;
}

/** A relay: an HTTP handler for any Node server, its stats, and a graceful `close`. */
export interface Relay {
  /** The request handler: pass it to `http.createServer` or mount it in a framework. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Ends every stream, refuses new requests with 503, and resolves once the streams are closed. */
  close(): Promise<void>;
  /** A snapshot of the counters. */
  readonly stats: RelayStats;
}

/** The error body every refusal carries, shaped like Seam's own errors. */
interface ErrorBody {
  error: { type: string; message: string; code?: string };
}

interface Subscriber {
  readonly res: ServerResponse;
  readonly tokenKey: string;
  readonly keys: readonly string[];
  readonly connectedAt: number;
  expiryTimer: NodeJS.Timeout | undefined;
}

/** A refusal: its status, its body, and extra headers. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly code?: string,
  ) {
    super(message);
  }
}

const EVENT_TYPE_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
/** Svix message ids and Seam event ids: printable, no separators that would break an SSE line. */
const DELIVERY_ID_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Creates a relay that verifies Svix-signed Seam webhooks and streams each event to the
 * subscribers whose token names its workspace and access code.
 *
 * @example
 * ```ts
 * const relay = createRelay({
 *   webhookSecret: process.env.SEAM_WEBHOOK_SECRET!,
 *   subscriberSecret: process.env.RELAY_SUBSCRIBER_SECRET!,
 *   allowedOrigins: ['https://app.example.com'],
 * });
 * http.createServer({ maxHeaderSize: 64 * 1024 }, relay.handle).listen(8788, '127.0.0.1');
 * ```
 *
 * @throws {TypeError} when a secret or a limit is invalid (the message says which and how to fix it).
 */
export function createRelay(options: RelayOptions): Relay {
  const webhook = createWebhookVerifier(options.webhookSecret);
  const subscriberKey = checkSecret(options.subscriberSecret, 'createRelay: subscriberSecret');
  const limit = (name: keyof typeof RELAY_DEFAULTS, min: number): number => {
    const value = options[name] ?? RELAY_DEFAULTS[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      throw new TypeError(
        `createRelay: ${name} must be a whole number ≥ ${min}; got ${String(value)}.`,
      );
    }
    return value;
  };
  const maxBodyBytes = limit('maxBodyBytes', 1);
  const maxSubscribers = limit('maxSubscribers', 1);
  const maxSubscribersPerToken = limit('maxSubscribersPerToken', 1);
  const heartbeatIntervalMs = limit('heartbeatIntervalMs', 10);
  const retryMs = limit('retryMs', 0);
  const maxBuffered = limit('maxBufferedBytesPerSubscriber', 1);
  const buffer = new ReplayBuffer(limit('replayBufferSize', 1));
  const seen = new RecentIds(limit('dedupeWindow', 1));
  const allowedOrigins = checkOrigins(options.allowedOrigins ?? []);
  const log = options.log ?? (() => {});
  const now = options.now ?? Date.now;
  const startedAt = Date.now();

  /** Subscribers by `workspace\ncode`, so an event reaches exactly the streams that may see it. */
  const byCode = new Map<string, Set<Subscriber>>();
  const streamsPerToken = new Map<string, number>();
  const subscribers = new Set<Subscriber>();
  const counters = { accepted: 0, duplicates: 0, ignored: 0, rejected: 0, delivered: 0 };
  /** The refusal type of each refused response, for the log line written when it finishes. */
  const refusals = new WeakMap<ServerResponse, string>();
  let heartbeat: NodeJS.Timeout | undefined;
  let closing = false;

  function stats(): RelayStats {
    return {
      subscribers: subscribers.size,
      tokens: streamsPerToken.size,
      replayBuffer: { size: buffer.size, capacity: buffer.capacity },
      webhooks: {
        accepted: counters.accepted,
        duplicates: counters.duplicates,
        ignored: counters.ignored,
        rejected: counters.rejected,
      },
      eventsDelivered: counters.delivered,
      uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000),
    };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const started = Date.now();
    const url = parseRequestUrl(req.url);
    // Bounded, so a client cannot flood the log through a long path.
    const path = url ? url.pathname.slice(0, 200) : '(unparsable)';
    const method = req.method ?? 'GET';
    // Query strings may carry a token: only the path is ever logged.
    res.once('finish', () => {
      if (res.getHeader('content-type') !== 'text/event-stream; charset=utf-8') {
        log({
          level: res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          message: 'request',
          method,
          path,
          status: res.statusCode,
          durationMs: Date.now() - started,
          ...(refusals.has(res) ? { reason: refusals.get(res) } : {}),
        });
      }
    });
    try {
      if (closing) {
        throw new Refusal(503, 'shutting_down', 'The relay is shutting down; retry shortly.', {
          'Retry-After': '1',
          Connection: 'close',
        });
      }
      if (!url) {
        throw new Refusal(400, 'invalid_url', 'The request target is not a valid path.');
      }
      if (path === WEBHOOK_PATH) {
        if (method !== 'POST') throw methodNotAllowed('POST');
        receiveWebhook(req, res);
      } else if (path === EVENTS_PATH) {
        if (method === 'OPTIONS') preflight(req, res);
        else if (method === 'GET') subscribe(req, res, url);
        else throw methodNotAllowed('GET, OPTIONS');
      } else if (path === HEALTH_PATH) {
        if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
        sendJson(res, 200, { status: 'ok', ...stats() }, corsHeaders(req));
      } else {
        throw new Refusal(
          404,
          'not_found',
          `No route ${path}: the relay serves POST ${WEBHOOK_PATH}, GET ${EVENTS_PATH} and GET ${HEALTH_PATH}.`,
        );
      }
    } catch (error) {
      fail(req, res, error);
    }
  }

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof Refusal) {
      const body: ErrorBody = { error: { type: error.type, message: error.message } };
      if (error.code) body.error.code = error.code;
      refusals.set(res, error.type);
      // Browsers may read the refusal (e.g. an expired token) only with the CORS headers.
      sendJson(res, error.status, body, { ...corsHeaders(req), ...error.headers });
      return;
    }
    log({ level: 'error', message: `unexpected error: ${(error as Error)?.name ?? 'unknown'}` });
    sendJson(res, 500, { error: { type: 'internal', message: 'The relay failed unexpectedly.' } });
  }

  // --- Webhooks in ---------------------------------------------------------------------------

  function receiveWebhook(req: IncomingMessage, res: ServerResponse): void {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      counters.rejected += 1;
      refuseBody(req, res, tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      if (received > maxBodyBytes) {
        refused = true;
        chunks.length = 0;
        counters.rejected += 1;
        refuseBody(req, res, tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      try {
        const status = acceptWebhook(req, Buffer.concat(chunks));
        sendJson(res, 200, { status });
      } catch (error) {
        counters.rejected += 1;
        fail(req, res, error);
      }
    });
    req.on('error', () => {
      refused = true;
    });
  }

  function tooLarge(): Refusal {
    return new Refusal(
      413,
      'payload_too_large',
      `The webhook body exceeds ${maxBodyBytes} bytes; raise maxBodyBytes (--max-body-bytes) if Seam events really are this large.`,
    );
  }

  /** Answers 413 and closes the connection once the answer is out, so the rest is never read. */
  function refuseBody(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    res.once('finish', () => req.socket.destroySoon());
    fail(
      req,
      res,
      new Refusal(refusal.status, refusal.type, refusal.message, { Connection: 'close' }),
    );
    req.resume();
  }

  /** Verifies, dedupes and fans out one delivery; returns what happened to it. */
  function acceptWebhook(
    req: IncomingMessage,
    rawBody: Buffer,
  ): 'accepted' | 'duplicate' | 'ignored' {
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    const deliveryId = header('svix-id') ?? header('webhook-id');
    const timestamp = header('svix-timestamp') ?? header('webhook-timestamp');
    const signature = header('svix-signature') ?? header('webhook-signature');
    const missing = [
      deliveryId === undefined && 'svix-id',
      timestamp === undefined && 'svix-timestamp',
      signature === undefined && 'svix-signature',
    ].filter(Boolean);
    if (deliveryId === undefined || timestamp === undefined || signature === undefined) {
      throw new Refusal(
        400,
        'missing_signature_headers',
        `The webhook lacks ${missing.join(', ')}: only Svix-signed deliveries from Seam are accepted.`,
      );
    }
    if (!DELIVERY_ID_PATTERN.test(deliveryId) || !/^\d{1,12}$/.test(timestamp)) {
      throw new Refusal(
        400,
        'invalid_signature_headers',
        'The svix-id or svix-timestamp header is malformed (expected an id and Unix seconds).',
      );
    }

    let payload: unknown;
    try {
      const text = rawBody.toString('utf8');
      webhook.verify(text, {
        'svix-id': deliveryId,
        'svix-timestamp': timestamp,
        'svix-signature': signature,
      });
      // Svix parses with JSON.parse; read the payload again into prototype-less objects.
      payload = parseJsonSafe(text, 'drop');
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        if (/timestamp too (old|new)/i.test(error.message)) {
          throw new Refusal(
            401,
            'stale_timestamp',
            'The webhook timestamp is more than 5 minutes from the relay clock: a replay, or a clock out of sync.',
          );
        }
        throw new Refusal(
          401,
          'invalid_signature',
          'The webhook signature does not match: check that the relay uses this endpoint’s signing secret.',
        );
      }
      // The signature matched but the body is not JSON.
      throw new Refusal(400, 'invalid_json', 'The webhook body is not JSON.');
    }

    const event = checkEvent(payload);
    // Only verified deliveries may enter the dedupe set, or a forged id could mask a real one.
    if (seen.has(deliveryId) || seen.has(event.event_id)) {
      seen.add(deliveryId);
      counters.duplicates += 1;
      return 'duplicate';
    }
    seen.add(deliveryId);
    seen.add(event.event_id);
    const accessCodeId = event.access_code_id;
    if (typeof accessCodeId !== 'string' || accessCodeId === '') {
      counters.ignored += 1;
      return 'ignored';
    }
    const buffered: BufferedEvent = {
      id: event.event_id,
      workspaceId: event.workspace_id,
      accessCodeId,
      frame: sseFrame({ id: event.event_id, event: event.event_type, data: event }),
    };
    buffer.push(buffered);
    counters.accepted += 1;
    for (const subscriber of byCode.get(routeKey(buffered.workspaceId, accessCodeId)) ?? []) {
      send(subscriber, buffered.frame, true);
    }
    return 'accepted';
  }

  // --- Events out ----------------------------------------------------------------------------

  function preflight(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (origin === undefined || !isAllowedOrigin(origin)) {
      throw originRefusal();
    }
    res.writeHead(204, {
      ...corsHeaders(req),
      'Access-Control-Allow-Methods': 'GET, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Last-Event-ID, Cache-Control',
      'Access-Control-Max-Age': '600',
    });
    res.end();
  }

  function subscribe(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin)) throw originRefusal();

    const claims = authenticate(req, url);
    const workspaceParam = url.searchParams.get('workspace_id');
    if (workspaceParam !== null && workspaceParam !== claims.workspace_id) {
      throw new Refusal(
        403,
        'forbidden_workspace',
        'The token does not grant this workspace_id; mint a token for that workspace.',
      );
    }
    const codes = requestedCodes(url, claims);

    const tokenKey = tokenKeyOf(req, url);
    if (subscribers.size >= maxSubscribers) {
      throw new Refusal(
        503,
        'too_many_subscribers',
        `This relay instance already serves ${maxSubscribers} subscribers; retry later or add instances.`,
        { 'Retry-After': String(Math.ceil(retryMs / 1000) + 5) },
      );
    }
    if ((streamsPerToken.get(tokenKey) ?? 0) >= maxSubscribersPerToken) {
      throw new Refusal(
        429,
        'too_many_streams_for_token',
        `This token already has ${maxSubscribersPerToken} open streams; close one (e.g. another tab) or share one stream per page.`,
        { 'Retry-After': String(Math.ceil(retryMs / 1000) + 5) },
      );
    }

    res.writeHead(200, {
      ...corsHeaders(req),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    req.socket.setNoDelay(true);
    req.socket.setKeepAlive(true);
    req.socket.setTimeout(0);

    const subscriber: Subscriber = {
      res,
      tokenKey,
      keys: codes.map((code) => routeKey(claims.workspace_id, code)),
      connectedAt: Date.now(),
      expiryTimer: undefined,
    };
    res.write(sseRetry(retryMs) + sseComment('connected'));

    // Replay first; Node runs this whole function before any other webhook is handled, so no live
    // event can slip in between the replay and the registration below.
    const lastEventId = header(req, 'last-event-id') ?? url.searchParams.get('last_event_id');
    if (lastEventId) {
      const missed = buffer.after(lastEventId);
      if (missed === undefined) {
        res.write(
          sseFrame({
            event: 'relay.resync',
            data: {
              reason: 'last_event_id_not_buffered',
              message:
                'The relay no longer holds the events after Last-Event-ID; fetch the current state of your codes.',
            },
          }),
        );
      } else {
        const wanted = new Set(subscriber.keys);
        for (const event of missed) {
          if (wanted.has(routeKey(event.workspaceId, event.accessCodeId))) {
            send(subscriber, event.frame, true);
          }
        }
      }
    }

    subscribers.add(subscriber);
    streamsPerToken.set(tokenKey, (streamsPerToken.get(tokenKey) ?? 0) + 1);
    for (const key of subscriber.keys) {
      let set = byCode.get(key);
      if (!set) byCode.set(key, (set = new Set()));
      set.add(subscriber);
    }
    startHeartbeat();
    log({
      level: 'info',
      message: 'subscriber connected',
      method: 'GET',
      path: EVENTS_PATH,
      status: 200,
    });

    // The stream ends when the token does; the client reconnects with a fresh token.
    const msUntilExpiry = claims.exp * 1000 - now();
    subscriber.expiryTimer = setTimeout(
      () => {
        send(
          subscriber,
          sseFrame({ event: 'relay.token_expired', data: { exp: claims.exp } }),
          false,
        );
        res.end();
      },
      Math.max(0, msUntilExpiry),
    );
    subscriber.expiryTimer.unref();

    res.once('close', () => removeSubscriber(subscriber));
  }

  function authenticate(req: IncomingMessage, url: URL): SubscriberTokenClaims {
    const token = tokenOf(req, url);
    if (token === undefined && header(req, 'authorization') !== undefined) {
      throw new Refusal(
        401,
        'invalid_authorization',
        'The Authorization header must be "Bearer <subscriber token>".',
        { 'WWW-Authenticate': 'Bearer realm="seam-relay", error="invalid_request"' },
      );
    }
    if (token === undefined) {
      throw new Refusal(
        401,
        'missing_token',
        'Send a subscriber token as "Authorization: Bearer <token>" or, for EventSource, as the token query parameter.',
        { 'WWW-Authenticate': 'Bearer realm="seam-relay"' },
      );
    }
    try {
      return verifySubscriberToken({ token, secret: subscriberKey, now: now() });
    } catch (error) {
      if (error instanceof SubscriberTokenError) {
        throw new Refusal(
          401,
          'invalid_token',
          error.message,
          { 'WWW-Authenticate': 'Bearer realm="seam-relay", error="invalid_token"' },
          error.code,
        );
      }
      throw error;
    }
  }

  function requestedCodes(url: URL, claims: SubscriberTokenClaims): string[] {
    const raw = url.searchParams
      .getAll('access_code_ids')
      .concat(url.searchParams.getAll('access_code_ids[]'))
      .flatMap((value) => value.split(','))
      .map((id) => id.trim())
      .filter((id) => id !== '');
    if (raw.length === 0) return [...claims.access_code_ids];
    let ids: string[];
    try {
      ids = [...new Set(raw.map((id, index) => checkId(id, `access_code_ids[${index}]`)))];
    } catch (error) {
      throw new Refusal(400, 'invalid_access_code_ids', (error as Error).message);
    }
    const granted = new Set(claims.access_code_ids);
    const denied = ids.filter((id) => !granted.has(id));
    if (denied.length > 0) {
      throw new Refusal(
        403,
        'forbidden_access_codes',
        `The token does not grant ${denied.length} of the requested codes (${denied.slice(0, 3).join(', ')}${denied.length > 3 ? ', …' : ''}); ask the backend for a token that names them.`,
      );
    }
    return ids;
  }

  /** Writes a frame, dropping a subscriber that stopped reading rather than buffering forever. */
  function send(subscriber: Subscriber, frame: string, isEvent: boolean): void {
    const { res } = subscriber;
    if (res.writableEnded || res.destroyed) return;
    res.write(frame);
    if (isEvent) counters.delivered += 1;
    if (res.writableLength > maxBuffered) {
      log({
        level: 'warn',
        message: `subscriber dropped: more than ${maxBuffered} bytes unsent`,
        path: EVENTS_PATH,
        reason: 'slow_subscriber',
      });
      res.destroy();
    }
  }

  function removeSubscriber(subscriber: Subscriber): void {
    if (!subscribers.delete(subscriber)) return;
    clearTimeout(subscriber.expiryTimer);
    const count = (streamsPerToken.get(subscriber.tokenKey) ?? 1) - 1;
    if (count > 0) streamsPerToken.set(subscriber.tokenKey, count);
    else streamsPerToken.delete(subscriber.tokenKey);
    for (const key of subscriber.keys) {
      const set = byCode.get(key);
      set?.delete(subscriber);
      if (set?.size === 0) byCode.delete(key);
    }
    if (subscribers.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
    log({
      level: 'info',
      message: 'subscriber disconnected',
      path: EVENTS_PATH,
      durationMs: Date.now() - subscriber.connectedAt,
    });
  }

  function startHeartbeat(): void {
    if (heartbeat) return;
    heartbeat = setInterval(() => {
      const comment = sseComment('heartbeat');
      for (const subscriber of subscribers) send(subscriber, comment, false);
    }, heartbeatIntervalMs);
    heartbeat.unref();
  }

  // --- CORS ----------------------------------------------------------------------------------

  function isAllowedOrigin(origin: string): boolean {
    return allowedOrigins.has('*') || allowedOrigins.has(origin);
  }

  function originRefusal(): Refusal {
    return new Refusal(
      403,
      'origin_not_allowed',
      'This page’s origin may not subscribe: add it to the relay’s allowed origins (--allow-origin).',
    );
  }

  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (origin === undefined || !isAllowedOrigin(origin)) return { Vary: 'Origin' };
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  // --- Lifecycle -----------------------------------------------------------------------------

  async function close(): Promise<void> {
    closing = true;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = undefined;
    const closed = [...subscribers].map(
      (subscriber) =>
        new Promise<void>((resolve) => {
          subscriber.res.once('close', () => resolve());
          subscriber.res.end();
          // A peer that never reads would keep end() pending; do not let it stall shutdown.
          setTimeout(() => subscriber.res.destroy(), 1000).unref();
        }),
    );
    await Promise.all(closed);
  }

  return {
    handle,
    close,
    get stats() {
      return stats();
    },
  };
}

/** Validated fields of a Seam event the relay routes on. */
type RoutableEvent = Pick<SeamEvent, 'event_id' | 'event_type' | 'workspace_id'> & {
  access_code_id?: unknown;
};

function checkEvent(payload: unknown): RoutableEvent {
  const event = payload as Record<string, unknown> | null;
  const problems: string[] = [];
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    problems.push('the body is not a JSON object');
  } else {
    if (typeof event.event_id !== 'string' || !DELIVERY_ID_PATTERN.test(event.event_id)) {
      problems.push('event_id is missing or not an id');
    }
    if (typeof event.event_type !== 'string' || !EVENT_TYPE_PATTERN.test(event.event_type)) {
      problems.push('event_type is missing or not like "access_code.set_on_device"');
    }
    if (typeof event.workspace_id !== 'string' || event.workspace_id === '') {
      problems.push('workspace_id is missing');
    }
  }
  if (problems.length > 0) {
    throw new Refusal(
      400,
      'invalid_event',
      `The webhook is signed but is not a Seam event: ${problems.join('; ')}.`,
    );
  }
  return event as RoutableEvent;
}

function createWebhookVerifier(secret: unknown): Webhook {
  const base64 = typeof secret === 'string' ? secret.replace(/^whsec_/, '') : '';
  if (
    !/^[A-Za-z0-9+/]+={0,2}$/.test(base64) ||
    base64.length % 4 !== 0 ||
    Buffer.from(base64, 'base64').length < 16
  ) {
    throw new TypeError(
      'createRelay: webhookSecret must be the Seam webhook signing secret, "whsec_" followed by base64 (at least 16 bytes); copy it from Seam Console or the /webhooks/create response.',
    );
  }
  return new Webhook(secret as string);
}

function checkOrigins(origins: readonly string[]): Set<string> {
  if (!Array.isArray(origins)) {
    throw new TypeError('createRelay: allowedOrigins must be an array of origins.');
  }
  for (const origin of origins) {
    if (origin === '*') continue;
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin || parsed.origin === 'null') {
      throw new TypeError(
        `createRelay: allowed origin ${JSON.stringify(origin)} is not an origin; write it as scheme://host[:port] with no path or trailing slash, e.g. "https://app.example.com".`,
      );
    }
  }
  return new Set(origins);
}

function parseRequestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://relay.invalid');
  } catch {
    return undefined;
  }
}

function methodNotAllowed(allow: string): Refusal {
  return new Refusal(405, 'method_not_allowed', `This route accepts ${allow}.`, { Allow: allow });
}

function routeKey(workspaceId: string, accessCodeId: string): string {
  return `${workspaceId}\n${accessCodeId}`;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function tokenOf(req: IncomingMessage, url: URL): string | undefined {
  const authorization = header(req, 'authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1];
  }
  return url.searchParams.get('token') ?? undefined;
}

/** The token's signature part: unique per token, so streams can be counted per token. */
function tokenKeyOf(req: IncomingMessage, url: URL): string {
  const token = tokenOf(req, url) ?? '';
  return token.slice(token.indexOf('.') + 1);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}
