/**
 * Test servers: the real `@seamapi/fake-seam-connect` started in-process, small local HTTP servers
 * on 127.0.0.1, and a fetch wrapper that records what the client sends.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createFake, type Fake, type Seed } from '@seamapi/fake-seam-connect';

/** A seeded fake Seam Connect listening on a free port, reached through 127.0.0.1. */
export interface FakeSeam {
  fake: Fake;
  seed: Seed;
  endpoint: string;
  close(): Promise<void>;
}

/** Starts a fresh, seeded fake (its own in-memory database). */
export async function startFakeSeam(): Promise<FakeSeam> {
  const fake = await createFake();
  const seed = await fake.seed();
  const server = await fake.startServer();
  return {
    fake,
    seed,
    endpoint: `http://127.0.0.1:${server.port}`,
    close: () => fake.stopServer(),
  };
}

/** One request a local server received. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP server on 127.0.0.1 with a per-test handler. */
export interface LocalServer {
  endpoint: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 (free port); `handler` gets the request with its body read. */
export async function startLocalServer(
  handler: (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>,
): Promise<LocalServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: ReceivedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      void Promise.resolve(handler(request, response)).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON with a status and extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * A tiny credential-adding proxy on 127.0.0.1: forwards POSTs to `target` with `headers` added,
 * as an integrator's backend would for a client built with `SeamClient.withoutAuth`.
 */
export function startProxy(target: string, headers: Record<string, string>): Promise<LocalServer> {
  return startLocalServer(async (request, response) => {
    const forwarded = { ...request.headers } as Record<string, string>;
    delete forwarded.host;
    delete forwarded['content-length'];
    const upstream = await fetch(target + request.url, {
      method: request.method,
      headers: { ...forwarded, ...headers },
      body: request.body,
    });
    const text = await upstream.text();
    const out: Record<string, string> = {};
    for (const name of ['content-type', 'seam-request-id', 'retry-after']) {
      const value = upstream.headers.get(name);
      if (value !== null) out[name] = value;
    }
    response.writeHead(upstream.status, out);
    response.end(text);
  });
}

/** What a recording fetch saw for one request. */
export interface RecordedRequest {
  url: string;
  route: string;
  method: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A fetch that records each Request and then passes it to `next` (default: the real fetch). */
export function recordingFetch(
  next: (request: Request) => Promise<Response> = (request) => fetch(request),
): { fetch: (request: Request) => Promise<Response>; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    fetch: async (request) => {
      const body = (await request.clone().text()) || '{}';
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      requests.push({
        url: request.url,
        route: new URL(request.url).pathname,
        method: request.method,
        headers,
        body: JSON.parse(body) as Record<string, unknown>,
      });
      return next(request);
    },
  };
}
