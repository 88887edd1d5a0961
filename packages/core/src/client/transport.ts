/**
 * The transport: how one Seam call travels. The client only needs `(route, body, { signal })`;
 * the default sends it with `fetch` to Seam or a proxy, the sandbox plugs in its in-page fetch
 * handler as `fetch`, and the extension replaces the whole transport with messaging.
 */
import { abortReason } from './abort.js';
import {
  SeamApiError,
  SeamInvalidArgumentError,
  SeamInvalidInputError,
  SeamNetworkError,
  SeamRateLimitError,
  SeamUnauthorizedError,
  type SeamApiErrorInit,
  type ValidationErrors,
} from './errors.js';
import { parseRetryAfter } from './retry.js';
import { ownValue, parseJsonSafe } from './safe-json.js';

/** Options a transport receives with each call. */
export interface TransportRequestOptions {
  /** Aborts the call; a transport should reject with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Sends one Seam call: `route` such as `/access_codes/create`, a JSON-serialisable `body`, and
 * resolves with the decoded JSON response (e.g. `{ access_code, action_attempt, ok }`) or rejects
 * with one of the client's errors (`SeamApiError`, `SeamNetworkError`, ...).
 */
export type Transport = (
  route: string,
  body: Record<string, unknown>,
  options: TransportRequestOptions,
) => Promise<unknown>;

/**
 * What the fetch transport calls: `globalThis.fetch`, or any handler that takes a `Request` and
 * answers a `Response` (the sandbox's in-page handler, a test wrapper).
 */
export type FetchLike = (request: Request) => Promise<Response>;

/** Headers for each request, fixed or computed per request (e.g. a lazily created session). */
export type HeadersSource =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/** Options of {@link createFetchTransport}. */
export interface FetchTransportOptions {
  /** Seam's base URL or a proxy's; default `https://connect.getseam.com`. */
  endpoint?: string;
  /** Default: `globalThis.fetch`, looked up at call time. */
  fetch?: FetchLike;
  /** Extra headers, typically the credential ones; their values never appear in errors. */
  headers?: HeadersSource;
}

/** Seam's production API. */
export const defaultEndpoint = 'https://connect.getseam.com';

/** Headers whose values are credentials: they are redacted from any error text. */
const credentialHeaders = new Set([
  'authorization',
  'client-session-token',
  'seam-client-session-token',
  'seam-publishable-key',
  'seam-api-key',
]);

/** Network error codes that mean the request never left this machine. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * A {@link Transport} that POSTs JSON to `endpoint + route` with `fetch` (Seam accepts POST on
 * every route we use), and decodes Seam's error bodies into the client's error classes.
 *
 * @example
 * ```ts
 * const transport = createFetchTransport({
 *   endpoint: 'https://connect.getseam.com',
 *   headers: { authorization: `Bearer ${apiKey}` },
 * });
 * const { device } = (await transport('/devices/get', { device_id }, {})) as { device: Device };
 * ```
 */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  const endpoint = resolveEndpoint(options.endpoint);
  const fetchImpl = options.fetch;
  if (fetchImpl !== undefined && typeof fetchImpl !== 'function') {
    throw new SeamInvalidArgumentError(
      `createFetchTransport: \`fetch\` must be a function taking a Request; got ${typeof fetchImpl}.`,
    );
  }
  const headersSource = options.headers ?? {};
  return async (route, body, { signal } = {}) => {
    checkRoute(route);
    checkBody(route, body);
    const extra = typeof headersSource === 'function' ? await headersSource() : headersSource;
    const secrets = Object.entries(extra)
      .filter(([name]) => credentialHeaders.has(name.toLowerCase()))
      .map(([, value]) => value);
    const request = new Request(endpoint + route, {
      method: 'POST',
      headers: { ...extra, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
    let response: Response;
    try {
      response = await (fetchImpl ?? ((input: Request) => globalThis.fetch(input)))(request);
    } catch (cause) {
      if (signal?.aborted) throw abortReason(signal);
      const sent = requestMayHaveBeenSent(cause);
      throw new SeamNetworkError({
        route,
        requestMayHaveBeenSent: sent,
        cause,
        message: redact(
          `Could not reach Seam at ${endpoint} for ${route}: ${describeCause(cause)}. ` +
            (sent
              ? 'The request may have been sent; look before repeating a write.'
              : 'The request was not sent; check the endpoint and the network.'),
          secrets,
        ),
      });
    }
    return decodeResponse(response, route, secrets, signal);
  };
}

/**
 * Checks and normalises an endpoint: an absolute http(s) URL with no credentials, query or
 * fragment; the trailing slash is dropped so that routes can be appended.
 */
export function resolveEndpoint(endpoint: string | undefined): string {
  if (endpoint === undefined) return defaultEndpoint;
  const hint = 'Pass an absolute http(s) URL such as https://connect.getseam.com or a proxy URL.';
  if (typeof endpoint !== 'string' || endpoint.trim() === '') {
    throw new SeamInvalidArgumentError(`\`endpoint\` must be a non-empty string. ${hint}`);
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    const shown = endpoint.includes('@') ? '(not shown: it contains "@")' : `"${endpoint}"`;
    throw new SeamInvalidArgumentError(`\`endpoint\` ${shown} is not an absolute URL. ${hint}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SeamInvalidArgumentError(
      `\`endpoint\` must use http or https; got "${url.protocol}". ${hint}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new SeamInvalidArgumentError(
      '`endpoint` must not contain a user name or password: credentials never go in URLs. ' +
        'Use apiKey, clientSessionToken or publishableKey, or let the proxy add them.',
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new SeamInvalidArgumentError(
      `\`endpoint\` must not have a query string or fragment; got "${url.origin}${url.pathname}" plus one. ${hint}`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function checkRoute(route: unknown): asserts route is string {
  if (typeof route !== 'string' || !/^\/[a-z0-9_]+(\/[a-z0-9_]+)*$/.test(route)) {
    throw new SeamInvalidArgumentError(
      `A Seam route must look like "/access_codes/create" (lowercase, "/"-separated); got ${JSON.stringify(route)}.`,
    );
  }
}

function checkBody(route: string, body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SeamInvalidArgumentError(
      `The body for ${route} must be a plain object of parameters, e.g. { device_id }; got ${Array.isArray(body) ? 'an array' : String(body)}.`,
    );
  }
}

/** Turns a fetch `Response` into the decoded JSON body, or throws the matching error. */
async function decodeResponse(
  response: Response,
  route: string,
  secrets: readonly string[],
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const status = response.status;
  const requestIdHeader = response.headers.get('seam-request-id');
  const requestId = requestIdHeader === null ? null : redact(requestIdHeader, secrets);
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    if (signal?.aborted) throw abortReason(signal);
    throw new SeamNetworkError({
      route,
      requestMayHaveBeenSent: true,
      cause,
      message: redact(
        `The connection broke while reading Seam's answer to ${route} (HTTP ${status}): ${describeCause(cause)}. ` +
          'The request reached Seam; look before repeating a write.',
        secrets,
      ),
    });
  }
  // Every string that leaves the transport is redacted, not only the error message: a server
  // that echoes the credential in `validation_errors`, `data` or a 2xx body must not pass it on.
  const parsed = redactDeep(parseJson(text), secrets);
  if (response.ok) {
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
    throw new SeamApiError({
      type: 'invalid_response',
      status,
      requestId,
      route,
      message:
        `Seam answered ${route} with HTTP ${status} but the body is not a JSON object` +
        `${snippet(text, secrets)}. The request may have been acted on; check the endpoint is Seam or a faithful proxy.`,
    });
  }
  const body = readErrorBody(parsed);
  const init: SeamApiErrorInit = {
    type: body?.type ?? typeForStatus(status),
    status,
    requestId,
    route,
    data: body?.data,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    message: redact(
      body?.message ??
        `Seam answered ${route} with HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}` +
          (text.trim() === ''
            ? ' and an empty body'
            : ` and a body that is not a Seam error${snippet(text, secrets)}`) +
          '.',
      secrets,
    ),
  };
  if (status === 401) throw new SeamUnauthorizedError(init);
  if (status === 429) throw new SeamRateLimitError(init);
  if (init.type === 'invalid_input') {
    throw new SeamInvalidInputError({ ...init, validationErrors: body?.validation_errors ?? null });
  }
  throw new SeamApiError(init);
}

interface SeamErrorBody {
  type: string;
  message: string;
  data?: unknown;
  validation_errors?: ValidationErrors;
}

function readErrorBody(parsed: unknown): SeamErrorBody | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const error = ownValue(parsed, 'error');
  if (typeof error !== 'object' || error === null) return null;
  const type = ownValue(error, 'type');
  const message = ownValue(error, 'message');
  const data = ownValue(error, 'data');
  const validation_errors = ownValue(error, 'validation_errors');
  if (typeof type !== 'string' || typeof message !== 'string') return null;
  return {
    type,
    message,
    ...(data === undefined ? {} : { data }),
    ...(typeof validation_errors === 'object' && validation_errors !== null
      ? { validation_errors: validation_errors as ValidationErrors }
      : {}),
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    // A key that reaches a prototype is never Seam's: it is left out rather than failing the call.
    return parseJsonSafe(text, 'drop');
  } catch {
    return undefined;
  }
}

const statusTypes: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

function typeForStatus(status: number): string {
  return statusTypes[status] ?? `http_${status}`;
}

function snippet(text: string, secrets: readonly string[]): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return '';
  const cut = trimmed.length > 160 ? `${trimmed.slice(0, 160)}…` : trimmed;
  return ` (${JSON.stringify(redact(cut, secrets))})`;
}

/** A copy of a decoded JSON value with {@link redact} applied to every string, keys included. */
function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return redact(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value !== 'object' || value === null) return value;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    copy[redact(key, secrets)] = redactDeep(item, secrets);
  }
  return copy;
}

/** Replaces every credential (and its `Bearer` form) in `text`. */
function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    const bare = secret.replace(/^Bearer\s+/i, '');
    for (const value of [secret, bare]) {
      if (value.length >= 4) result = result.split(value).join('[redacted]');
    }
  }
  return result;
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (typeof current === 'object' && current !== null && chain.length < 5) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** `false` only when the error says the connection was never made. */
function requestMayHaveBeenSent(error: unknown): boolean {
  return !causeChain(error).some((link) => {
    const code = (link as { code?: unknown }).code;
    return typeof code === 'string' && notSentCodes.has(code);
  });
}

function describeCause(error: unknown): string {
  const parts = causeChain(error).map((link) => {
    const { message, code } = link as { message?: unknown; code?: unknown };
    const text = typeof message === 'string' && message !== '' ? message : String(link);
    return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
  });
  return parts.length > 0 ? parts.join(': ') : String(error);
}
