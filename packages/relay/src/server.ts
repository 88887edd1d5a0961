import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createRelay, type Relay, type RelayOptions } from './relay.js';

/** The port `seam-relay serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 8788;
/** Loopback by default: exposing the relay is a decision, made with `--host`. */
export const DEFAULT_HOST = '127.0.0.1';

/**
 * Request headers may be this large. A `token` query parameter naming hundreds of codes (for
 * `EventSource`, which cannot send headers) does not fit in Node's default 16 KiB.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Options of {@link startRelayServer}: the relay's, plus where to listen. */
export interface RelayServerOptions extends RelayOptions {
  /** TCP port; 0 picks a free one (read it from `url`). Default 8788. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`; use `0.0.0.0` behind a load balancer. */
  host?: string;
  /** How long `close()` waits for open requests before cutting them. Default 5 s. */
  shutdownGraceMs?: number;
}

/** A listening relay. */
export interface RelayServer {
  /** Base URL, e.g. `http://127.0.0.1:8788` (no trailing slash). */
  readonly url: string;
  /** The relay behind the server, for its `stats`. */
  readonly relay: Relay;
  /** Ends all streams, stops listening and resolves once every connection is closed. */
  close(): Promise<void>;
}

/**
 * Starts a relay on a Node HTTP server.
 *
 * @example
 * ```ts
 * const server = await startRelayServer({ port: 0, webhookSecret, subscriberSecret });
 * console.log(server.url); // http://127.0.0.1:40213
 * await server.close();
 * ```
 *
 * @throws {TypeError} for invalid options; rejects when the port cannot be bound.
 */
export async function startRelayServer(options: RelayServerOptions): Promise<RelayServer> {
  const port = options.port ?? DEFAULT_PORT;
  const host = options.host ?? DEFAULT_HOST;
  const grace = options.shutdownGraceMs ?? 5000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`startRelayServer: port must be 0 to 65535; got ${String(port)}.`);
  }
  if (typeof host !== 'string' || host === '') {
    throw new TypeError('startRelayServer: host must be a hostname or an IP address.');
  }
  const relay = createRelay(options);
  // Node's closeIdleConnections() spares sockets that never sent a request (HTTP clients open
  // spare ones), so track requests per socket to close exactly the idle ones on shutdown.
  const inFlight = new Map<Socket, number>();
  let stopping = false;
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 30_000, headersTimeout: 10_000 },
    (req, res) => {
      const socket = req.socket;
      inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
      res.once('close', () => {
        const left = (inFlight.get(socket) ?? 1) - 1;
        inFlight.set(socket, left);
        if (stopping && left === 0) socket.destroy();
      });
      relay.handle(req, res);
    },
  );
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => {
      void relay.close();
      reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    relay,
    close() {
      closed ??= (async () => {
        stopping = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await relay.close();
        for (const [socket, requests] of inFlight) if (requests === 0) socket.destroy();
        const force = setTimeout(() => server.closeAllConnections(), grace);
        force.unref();
        await stopped;
        clearTimeout(force);
      })();
      return closed;
    },
  };
}
