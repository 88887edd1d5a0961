/**
 * The push path for real: the sandbox delivers Svix-signed webhooks over HTTP to the relay (from
 * packages/relay), which streams them as SSE to the verifier. Real sockets on 127.0.0.1, real time.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { AccessCode } from '@seamapi/types/connect';
import { SeamClient } from '../../../src/client/index.js';
import { createVerifier, type Verifier, type VerifierOptions } from '../../../src/verify/index.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../../sandbox/src/index.js';
import {
  createSubscriberToken,
  startRelayServer,
  type RelayServer,
} from '../../../../relay/src/index.js';
import { NetworkEdge } from './harness.js';

/** A port nobody listens on right now (the relay takes it next). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The Svix signature of a delivery, computed here with node:crypto (independently of the `svix`
 * package the sandbox and relay use): `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the
 * base64-decoded secret.
 */
export function svixHeaders(
  secret: string,
  body: string,
  options: { id?: string; timestampSeconds?: number } = {},
): Record<string, string> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestampSeconds ?? Math.floor(Date.now() / 1000);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return {
    'content-type': 'application/json',
    'svix-id': id,
    'svix-timestamp': String(timestamp),
    'svix-signature': `v1,${signature}`,
  };
}

/** Everything a push test needs. */
export interface PushWorld {
  readonly sandbox: Sandbox;
  readonly relay: RelayServer;
  readonly webhookSecret: string;
  readonly subscriberSecret: string;
  readonly workspaceId: string;
  /** Requests the verifier's client made to Seam (the sandbox). */
  readonly network: NetworkEdge;
  readonly client: SeamClient;
  /** Tokens the verifier asked for, by the codes they named. */
  readonly tokensMinted: string[][];
  /** A verifier on push alone, minting tokens as an integrator's backend would. */
  verifier(options?: Partial<VerifierOptions>): Verifier;
  create(params: Record<string, unknown>): Promise<AccessCode>;
  /** Posts a raw delivery to the relay's webhook route, as Seam (or an attacker) would. */
  postWebhook(body: string, headers: Record<string, string>): Promise<number>;
  /** Restarts the relay on the same port: its replay buffer starts empty. */
  restartRelay(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the sandbox (manual time, starting now, so that events' times are close to the real
 * clock the verifier reads), a relay, and points a sandbox webhook at the relay.
 */
export async function startPushWorld(sandboxOptions: SandboxOptions = {}): Promise<PushWorld> {
  const sandbox = createSandbox({ speed: 0, start: new Date().toISOString(), ...sandboxOptions });
  const apiHeaders = {
    authorization: `Bearer ${sandbox.credentials.apiKey}`,
    'content-type': 'application/json',
  };
  const api = async (route: string, body: Record<string, unknown>) => {
    const response = await sandbox.fetch(`https://sandbox.test${route}`, {
      method: 'POST',
      headers: apiHeaders,
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) throw new Error(`${route}: ${JSON.stringify(json)}`);
    return json;
  };
  const port = await freePort();
  // Every event type: the relay drops those that name no access code.
  const created = await api('/webhooks/create', { url: `http://127.0.0.1:${port}/webhooks/seam` });
  const webhookSecret = (created.webhook as { secret: string }).secret;
  const subscriberSecret = randomBytes(32).toString('base64url');
  const relayOptions = {
    webhookSecret,
    subscriberSecret,
    port,
    retryMs: 200,
    heartbeatIntervalMs: 1_000,
    shutdownGraceMs: 200,
  };
  let relay = await startRelayServer(relayOptions);
  const workspaceId = sandbox.catalogue.workspaceId;
  const network = new NetworkEdge(() => Date.now());
  const client = SeamClient.fromClientSessionToken(sandbox.credentials.clientSessionToken, {
    endpoint: 'https://sandbox.test',
    fetch: network.wrap((request) => sandbox.fetch(request)),
    retry: false,
  });
  const tokensMinted: string[][] = [];
  const verifiers: Verifier[] = [];
  return {
    sandbox,
    get relay() {
      return relay;
    },
    webhookSecret,
    subscriberSecret,
    workspaceId,
    network,
    client,
    tokensMinted,
    verifier(options = {}) {
      const verifier = createVerifier({
        client,
        sources: {
          push: {
            url: relay.url,
            token: ({ accessCodeIds }) => {
              tokensMinted.push([...accessCodeIds]);
              return createSubscriberToken({
                secret: subscriberSecret,
                workspace_id: workspaceId,
                access_code_ids: accessCodeIds,
                expires_in_seconds: 600,
              });
            },
            minReconnectDelayMs: 100,
            maxReconnectDelayMs: 1_000,
          },
        },
        onError: () => undefined,
        ...options,
      });
      verifiers.push(verifier);
      return verifier;
    },
    async create(params) {
      return (await api('/access_codes/create', params)).access_code as AccessCode;
    },
    async postWebhook(body, headers) {
      const response = await fetch(`${relay.url}/webhooks/seam`, { method: 'POST', headers, body });
      await response.arrayBuffer();
      return response.status;
    },
    async restartRelay() {
      await relay.close();
      relay = await startRelayServer(relayOptions);
    },
    async close() {
      await Promise.all(verifiers.map((verifier) => verifier.dispose()));
      await relay.close();
      await sandbox.whenIdle();
      sandbox.dispose();
    },
  };
}

/** Waits (real time) until `predicate` holds; fails after `timeoutMs`. */
export async function eventually(
  predicate: () => boolean,
  timeoutMs = 5_000,
  what = 'the condition',
): Promise<number> {
  const began = performance.now();
  while (!predicate()) {
    if (performance.now() - began > timeoutMs) {
      throw new Error(`${what} did not hold within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - began;
}
