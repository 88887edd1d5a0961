/**
 * A thin caller for the sandbox's fetch handler (or any base URL) that checks every Seam
 * response against the published schemas.
 */
import type { AccessCode, ActionAttempt } from '@seamapi/types/connect';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/index.js';
import { expectSeamShape, isSeamRoute } from './schemas.js';

/** A response as tests read it. */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T & Record<string, unknown>;
  headers: Headers;
}

/** How to call. */
export interface CallOptions {
  /** Bearer token; `null` for none. Default: the caller's token. */
  token?: string | null;
  method?: string;
  headers?: Record<string, string>;
}

/**
 * Counts the responses checked against the schemas, and the routes they came from; each test
 * file hands them to the global teardown (test/support/conformance.ts), which prints the total.
 */
export const checked = { responses: 0, errors: 0, routes: new Set<string>() };

function count(path: string, status: number): void {
  checked.responses++;
  checked.routes.add(path);
  if (status >= 400) checked.errors++;
}

/** A function that calls one Seam route and returns the parsed, schema-checked response. */
export type Caller = <T = Record<string, unknown>>(
  path: string,
  params?: Record<string, unknown>,
  options?: CallOptions,
) => Promise<ApiResponse<T>>;

function toQuery(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** A caller over a fetch function and a base URL, authenticating with `token` by default. */
export function callerFor(
  fetcher: (input: Request | string | URL, init?: RequestInit) => Promise<Response>,
  base: string,
  token: string | null,
): Caller {
  return async (path, params = {}, options = {}) => {
    const method = options.method ?? 'POST';
    const bearer = options.token === undefined ? token : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (bearer !== null) headers['authorization'] = `Bearer ${bearer}`;
    let url = `${base}${path}`;
    let body: string | undefined;
    if (method === 'GET') url += toQuery(params);
    else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(params);
    }
    const response = await fetcher(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (isSeamRoute(path) || response.status >= 400) {
      expectSeamShape(path, response.status, parsed);
      count(path, response.status);
    }
    return { status: response.status, body: parsed as never, headers: response.headers };
  };
}

/** A manual-clock sandbox at a fixed time, and callers for its credentials. */
export function setup(options: SandboxOptions = {}) {
  const sandbox: Sandbox = createSandbox({
    speed: 0,
    start: '2026-03-02T15:00:00.000Z',
    control: true,
    ...options,
  });
  const base = 'http://sandbox.test';
  const { credentials, catalogue } = sandbox;
  return {
    sandbox,
    catalogue,
    devices: catalogue.devices,
    api: callerFor(sandbox.fetch, base, credentials.apiKey),
    cst: callerFor(sandbox.fetch, base, credentials.clientSessionToken),
    other: callerFor(sandbox.fetch, base, credentials.otherWorkspaceApiKey),
    control: callerFor(sandbox.fetch, base, sandbox.controlToken),
  };
}

/** One minute, one hour, one day, in ms. */
export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

/** Reads one code through the API (null when it is gone: 404). */
export async function readCode(api: Caller, accessCodeId: string): Promise<AccessCode | null> {
  const response = await api<{ access_code: AccessCode }>('/access_codes/get', {
    access_code_id: accessCodeId,
  });
  if (response.status === 404) return null;
  if (response.status !== 200) {
    throw new Error(
      `access_codes/get answered ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  return response.body.access_code;
}

/** Creates a code and returns it with its action attempt; throws unless the API said 200. */
export async function createCode(
  api: Caller,
  params: Record<string, unknown>,
): Promise<{ access_code: AccessCode; action_attempt: ActionAttempt }> {
  const response = await api<{ access_code: AccessCode; action_attempt: ActionAttempt }>(
    '/access_codes/create',
    params,
  );
  if (response.status !== 200) {
    throw new Error(
      `access_codes/create answered ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  return response.body;
}

/** The event types recorded for one access code, oldest first. */
export function eventTypesOf(sandbox: Sandbox, accessCodeId: string): string[] {
  return sandbox
    .events()
    .filter((event) => (event as { access_code_id?: string }).access_code_id === accessCodeId)
    .map((event) => event.event_type);
}

/** An ISO time `ms` after the sandbox's now. */
export function inFuture(sandbox: Sandbox, ms: number): string {
  return new Date(sandbox.clock.now() + ms).toISOString();
}

/**
 * The sandbox's fetch with every Seam response checked against the published schemas: what the
 * official SDK and core's SeamClient get in the tests.
 */
export function checkedFetch(
  fetcher: (input: Request | string | URL, init?: RequestInit) => Promise<Response>,
): (input: Request | string | URL, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetcher(request);
    const path = new URL(request.url).pathname;
    if (request.method !== 'OPTIONS' && (isSeamRoute(path) || response.status >= 400)) {
      const body: unknown = await response.clone().json();
      expectSeamShape(path, response.status, body);
      count(path, response.status);
    }
    return response;
  };
}

/** The sandbox's raw handler with every Seam response checked (for tests through the server). */
export function checkedHandle(sandbox: Sandbox): Pick<Sandbox, 'handle'> {
  return {
    handle: async (request) => {
      const response = await sandbox.handle(request);
      const path = new URL(request.url).pathname;
      if (isSeamRoute(path) || response.status >= 400) {
        expectSeamShape(path, response.status, JSON.parse(response.body));
        count(path, response.status);
      }
      return response;
    },
  };
}
