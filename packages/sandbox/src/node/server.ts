/**
 * The sandbox over HTTP: a Node `http` server that hands each request to the sandbox's handler
 * (`sandbox.handle`: `sandbox.fetch` without building `Request`/`Response` objects), and adds CORS so pages on other origins (a dev server, the extension,
 * Storybook) can call it with credentials. Loopback only unless told otherwise.
 *
 * The demo credentials (API key, control token) derive from a public seed, so any web site could
 * use them: browser callers are served only from local pages (loopback origins), browser
 * extensions and the origins the operator allows; any other `Origin` is refused with 403.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EXPOSED_HEADERS } from '../http/handler.js';
import type { Sandbox } from '../sandbox.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Browser origins allowed besides local pages and extensions (exact `scheme://host[:port]`,
   * e.g. `https://staging.example.com`). Default: none.
   */
  allowedOrigins?: readonly string[];
}

/** A running server. */
export interface SandboxServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`: the `endpoint` for clients. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

const allowedHeaders = [
  'authorization',
  'content-type',
  'accept',
  'client-session-token',
  'seam-client-session-token',
  'seam-publishable-key',
  'seam-workspace',
  'seam-sdk-name',
  'seam-sdk-version',
  'seam-lts-version',
  'seam-user-identifier-key',
  'x-requested-with',
].join(', ');

/** Whether a hostname (as `URL` gives it) is this machine: `localhost`, `*.localhost`, 127/8, ::1. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * Whether a page of `origin` may call the sandbox: a local page, a browser extension, or an
 * origin the operator allowed. `null` (sandboxed frames, files) is refused.
 */
function isAllowedOrigin(origin: string, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(origin)) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
}

function checkOrigins(origins: readonly string[]): Set<string> {
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || parsed.origin === 'null' || parsed.origin !== origin) {
      throw new TypeError(
        `allowedOrigins: ${JSON.stringify(origin)} is not an origin; write it as scheme://host[:port] with no path or trailing slash, e.g. "https://staging.example.com".`,
      );
    }
  }
  return new Set(origins);
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  // Credentials (the SDK sends them for client sessions) need the origin echoed, not `*`.
  return origin === undefined
    ? { 'access-control-allow-origin': '*' }
    : {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        vary: 'origin',
      };
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The hostname of a `Host` header (`127.0.0.1:8787` → `127.0.0.1`), or null when unreadable. */
function hostnameOf(hostHeader: string | undefined): string | null {
  if (hostHeader === undefined) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

function refuse(
  response: ServerResponse,
  type: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(403, {
    'content-type': 'application/json; charset=utf-8',
    vary: 'origin',
    ...headers,
  });
  response.end(JSON.stringify({ error: { type, message }, ok: false }));
}

async function handle(
  sandbox: Pick<Sandbox, 'handle'>,
  base: string,
  limit: number,
  allowedOrigins: ReadonlySet<string>,
  loopbackOnly: boolean,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const hostname = hostnameOf(request.headers.host);
  if (loopbackOnly && (hostname === null || !isLoopbackHost(hostname))) {
    // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 is same-origin
    // with itself, so the Origin check cannot see it; its requests still name evil.example as Host.
    request.resume();
    refuse(
      response,
      'host_not_allowed',
      'The sandbox listens on loopback and answers only requests addressed to localhost or 127.0.0.1 (this Host header names another machine). To serve other names, start it with --host.',
    );
    return;
  }
  const origin = request.headers.origin;
  const cors = corsHeaders(origin);
  const refused = origin !== undefined && !isAllowedOrigin(origin, allowedOrigins);
  if (refused && request.method !== 'OPTIONS') {
    // Refused before anything is read or run. The answer carries CORS headers so that the page
    // can read why and say what to do (it learns nothing else: the request was not served).
    request.resume();
    refuse(
      response,
      'origin_not_allowed',
      `Pages of ${origin} may not call the sandbox: its demo credentials are public, so only local pages and browser extensions are served. Allow it with seam-sandbox serve --allow-origin ${origin}.`,
      { ...cors, 'access-control-expose-headers': EXPOSED_HEADERS.join(', ') },
    );
    return;
  }
  if (request.method === 'OPTIONS') {
    // A refused origin's preflight passes too, so that its request comes and meets the 403 above
    // instead of failing as an unreadable network error.
    request.resume();
    response.writeHead(204, {
      ...cors,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers':
        request.headers['access-control-request-headers'] ?? allowedHeaders,
      'access-control-max-age': '600',
    });
    response.end();
    return;
  }
  let body: Buffer;
  try {
    body = await readBody(request, limit);
  } catch (error) {
    const status = error instanceof BodyTooLarge ? 413 : 400;
    response.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8' });
    response.end(
      JSON.stringify({
        error: {
          type: status === 413 ? 'payload_too_large' : 'invalid_input',
          message:
            status === 413
              ? `The request body is larger than ${limit} bytes.`
              : 'The request body could not be read.',
        },
        ok: false,
      }),
    );
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const result = await sandbox.handle({
    method: request.method ?? 'GET',
    url: new URL(request.url ?? '/', base).toString(),
    headers,
    text: () => Promise.resolve(body.toString('utf8')),
  });
  response.writeHead(result.status, {
    ...cors,
    'access-control-expose-headers': EXPOSED_HEADERS.join(', '),
    ...result.headers,
  });
  response.end(result.body);
}

/** Serves a sandbox over HTTP; resolves once it listens. */
export async function startServer(
  sandbox: Pick<Sandbox, 'handle'>,
  options: ServerOptions = {},
): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`port must be a whole number from 0 to 65535, got ${port}.`);
  }
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const allowedOrigins = checkOrigins(options.allowedOrigins ?? []);
  const loopbackOnly = isLoopbackHost(
    host.startsWith('[') ? host : host.includes(':') ? `[${host}]` : host,
  );
  let base = '';
  const server = createServer((request, response) => {
    handle(sandbox, base, limit, allowedOrigins, loopbackOnly, request, response).catch(
      (error: unknown) => {
        console.error('[seam-sandbox] request failed', error);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            error: {
              type: 'internal_server_error',
              message: 'The sandbox server failed to answer.',
            },
            ok: false,
          }),
        );
      },
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${shownHost}:${address.port}`;
  return {
    url: base,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
