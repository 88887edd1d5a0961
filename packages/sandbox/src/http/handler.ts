/**
 * The standard fetch handler: `Request` in, Seam-shaped `Response` out. It is what
 * `sandbox.fetch` is, in a page or a worker, and what the Node server calls for every request.
 */
import { ForbiddenKeyError, parseJsonSafe } from '@seam-codes/core';
import { SandboxInputError } from '../input-error.js';
import { authenticate, requireKind, type Principal } from './auth.js';
import { SeamApiError } from './errors.js';
import { parseParams, queryToRaw } from './params.js';
import type { Method, Route, Services } from './router.js';

/** Headers a browser may read from a cross-origin response (the server adds CORS). */
export const EXPOSED_HEADERS = ['seam-request-id', 'retry-after'];

const methods: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The parts of a request the handler reads. A `Request` fits; the Node server passes a lighter
 * object and skips building one per request.
 */
export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  text(): Promise<string>;
}

/** A response before it becomes a `Response` (or is written to a Node socket). */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function json(
  status: number,
  body: unknown,
  requestId: string,
  headers: Record<string, string> = {},
): RawResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'seam-request-id': requestId,
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/** A raw response as a standard `Response`. */
export function toResponse(raw: RawResponse): Response {
  return new Response(raw.body, { status: raw.status, headers: raw.headers });
}

async function readBody(request: RawRequest): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  const type = request.headers.get('content-type') ?? '';
  if (type !== '' && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new SeamApiError(
      400,
      'invalid_content_type',
      `Send the body as JSON with "content-type: application/json" (got "${type}").`,
    );
  }
  let parsed: unknown;
  try {
    // Prototype-less objects; a __proto__, constructor or prototype key is refused.
    parsed = parseJsonSafe(text, 'throw');
  } catch (error) {
    if (error instanceof ForbiddenKeyError) {
      throw new SeamApiError(400, 'invalid_input', `The request body is refused: ${error.message}`);
    }
    throw new SeamApiError(400, 'invalid_input', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SeamApiError(400, 'invalid_input', 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function controlPrincipal(services: Services, headers: Headers): Principal {
  const value = headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (match === null || match[1] !== services.controlToken) {
    throw new SeamApiError(
      401,
      'unauthorized',
      'Control routes need "Authorization: Bearer <control token>"; seam-sandbox serve prints the token.',
    );
  }
  return { kind: 'sandbox', workspace_id: null };
}

/** Builds the handler over a route table (wrap its result with `toResponse` for fetch). */
export function createHandler(
  services: Services,
  routes: readonly Route[],
  hooks: { before(): void; after(): void; requestId(): string },
): (request: RawRequest) => Promise<RawResponse> {
  const table = new Map(routes.map((route) => [route.path, route]));
  return async (request) => {
    let requestId = '';
    try {
      hooks.before();
      requestId = hooks.requestId();
      const url = new URL(request.url);
      const path = url.pathname.replace(/\/+$/, '') || '/';
      const route = table.get(path);
      const gated =
        route !== undefined &&
        (route.auth === 'control' || route.gate === 'simulate') &&
        !services.controlEnabled;
      if (route === undefined || gated) {
        throw new SeamApiError(
          404,
          'route_not_found',
          gated
            ? `${path} is a sandbox control route, and control is off. Start the sandbox with control enabled (seam-sandbox serve without --no-control).`
            : `There is no route ${path}. Seam routes look like /access_codes/create.`,
        );
      }
      const method = request.method.toUpperCase();
      if (!methods.includes(method) || !route.methods.includes(method as Method)) {
        throw new SeamApiError(
          405,
          'method_not_allowed',
          `${path} accepts ${route.methods.join(', ')}, not ${method}.`,
          { headers: { allow: route.methods.join(', ') } },
        );
      }
      let principal: Principal;
      if (route.auth === 'control') principal = controlPrincipal(services, request.headers);
      else if (route.auth === 'none') principal = { kind: 'sandbox', workspace_id: null };
      else {
        principal = authenticate(services.world, request.headers);
        requireKind(principal, route.auth, path);
        // An injected fault answers in Seam's place, after authentication as Seam's limiter does.
        const fault = services.readFaults.take(path, services.world.now());
        if (fault !== null) throw fault;
      }
      const fromQuery = method === 'GET';
      const raw = fromQuery ? queryToRaw(url.searchParams) : await readBody(request);
      if (!fromQuery && Object.keys(raw).length === 0 && url.search !== '') {
        Object.assign(raw, queryToRaw(url.searchParams));
      }
      const params = parseParams(raw, route.params, fromQuery && Object.keys(raw).length > 0);
      const body = route.handle({ world: services.world, services, principal, params, url });
      hooks.after();
      return json(200, { ...body, ok: true }, requestId);
    } catch (error) {
      hooks.after();
      if (error instanceof SeamApiError) {
        return json(error.status, error.toBody(), requestId, error.headers);
      }
      if (error instanceof SandboxInputError) {
        const problem = new SeamApiError(400, 'invalid_input', error.message);
        return json(400, problem.toBody(), requestId);
      }
      console.error('[seam-sandbox] internal error', error);
      const problem = new SeamApiError(
        500,
        'internal_server_error',
        'The sandbox hit an internal error. This is a bug in seam-sandbox; the server log has the details.',
      );
      return json(500, problem.toBody(), requestId);
    }
  };
}
