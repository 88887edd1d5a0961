import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'svix';
import { afterEach } from 'vitest';
import { startRelayServer, type RelayServer, type RelayServerOptions } from '../../src/server.js';
import type { RelayLogEntry } from '../../src/relay.js';
import { createSubscriberToken } from '../../src/token.js';

/** A fresh Svix-style signing secret, as Seam issues them. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/** Secrets shared by most tests (each test file still gets its own relay). */
export const WEBHOOK_SECRET = newWebhookSecret();
export const SUBSCRIBER_SECRET = randomBytes(32).toString('base64url');

export const WORKSPACE_A = 'workspace_a';
export const WORKSPACE_B = 'workspace_b';

/** A Seam access-code event like the ones Seam posts. */
export function accessCodeEvent(fields: {
  workspace_id?: string;
  access_code_id: string;
  event_type?: string;
  event_id?: string;
}): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    event_id: fields.event_id ?? randomUUID(),
    event_type: fields.event_type ?? 'access_code.set_on_device',
    workspace_id: fields.workspace_id ?? WORKSPACE_A,
    created_at: now,
    occurred_at: now,
    access_code_id: fields.access_code_id,
    device_id: 'device_1',
    connected_account_id: 'connected_account_1',
    code: '1234',
  };
}

/** Options of {@link signedDelivery}. */
export interface DeliveryOptions {
  /** Signing secret; default {@link WEBHOOK_SECRET}. */
  secret?: string;
  /** The `svix-id`; default a fresh `msg_…`. */
  id?: string;
  /** The signing time; default now. */
  date?: Date;
}

/** Signs a body with svix exactly as Svix does when it delivers a webhook. */
export function signedDelivery(
  event: unknown,
  options: DeliveryOptions = {},
): { body: string; headers: Record<string, string> } {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const id = options.id ?? `msg_${randomUUID()}`;
  const date = options.date ?? new Date();
  const signature = new Webhook(options.secret ?? WEBHOOK_SECRET).sign(id, date, body);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(date.getTime() / 1000)),
      'svix-signature': signature,
    },
  };
}

/** POSTs a delivery to the relay's webhook route and returns the status and JSON body. */
export async function postWebhook(
  baseUrl: string,
  delivery: { body: string; headers: Record<string, string> },
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/webhooks/seam`, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Signs and posts an event in one go. */
export function deliver(
  baseUrl: string,
  event: unknown,
  options?: DeliveryOptions,
): Promise<{ status: number; body: unknown }> {
  return postWebhook(baseUrl, signedDelivery(event, options));
}

/** A token for workspace A (or another) with a 10-minute lifetime unless told otherwise. */
export function token(
  access_code_ids: string[],
  options: {
    workspace_id?: string;
    expires_in_seconds?: number;
    now?: number;
    secret?: string;
  } = {},
): string {
  return createSubscriberToken({
    secret: options.secret ?? SUBSCRIBER_SECRET,
    workspace_id: options.workspace_id ?? WORKSPACE_A,
    access_code_ids,
    expires_in_seconds: options.expires_in_seconds ?? 600,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}

/** The bearer header for a token. */
export function bearer(subscriberToken: string): Record<string, string> {
  return { Authorization: `Bearer ${subscriberToken}` };
}

/** A relay on a free loopback port that every test closes after itself, with its log captured. */
export interface TestRelay extends RelayServer {
  /** Everything the relay logged. */
  readonly logs: RelayLogEntry[];
}

const running: RelayServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** Starts a relay on 127.0.0.1:0 with the shared secrets, closed automatically after the test. */
export async function startTestRelay(
  options: Partial<RelayServerOptions> = {},
): Promise<TestRelay> {
  const logs: RelayLogEntry[] = [];
  const server = await startRelayServer({
    webhookSecret: WEBHOOK_SECRET,
    subscriberSecret: SUBSCRIBER_SECRET,
    port: 0,
    log: (entry) => logs.push(entry),
    ...options,
  });
  running.push(server);
  return Object.assign(server, { logs });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
