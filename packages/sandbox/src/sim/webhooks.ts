/**
 * Webhook delivery as Seam does it through Svix (spec §B15): each event goes to every webhook of
 * its workspace that wants its type, as a POST of the event JSON signed with the `svix` package
 * (`svix-id`, `svix-timestamp`, `svix-signature`), retried on failure after 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h and 10 h of virtual time, then given up.
 */
import type { SeamEvent } from '@seamapi/types/connect';
// Only the signer: svix's index would bring its whole API client (~170 KB) into pages.
import { Webhook } from 'svix/dist/webhook.js';
import type { DeliveryRecord, WebhookRecord } from '../state.js';
import type { World } from '../world.js';

/** Delays before each retry after a failed attempt, in ms (Svix's schedule). */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 60 * 60_000,
  5 * 60 * 60_000,
  10 * 60 * 60_000,
  10 * 60 * 60_000,
];

/** How deliveries reach the network. */
export interface WebhookTransport {
  /** The fetch used to POST deliveries (default `globalThis.fetch`). */
  fetch: typeof fetch;
  /** Real ms after which an attempt counts as failed. */
  timeoutMs: number;
  /** Wall-clock source for `svix-timestamp`: receivers check it against their real clock. */
  realNow: () => number;
}

/** Whether a webhook wants this event type (`null` or empty, or `*`, means every type). */
export function wantsEvent(webhook: WebhookRecord, eventType: string): boolean {
  const types = webhook.event_types;
  return types === null || types.length === 0 || types.includes('*') || types.includes(eventType);
}

/** Delivers recorded events to webhooks, with retries on the virtual clock. */
export class WebhookDispatcher {
  readonly #world: World;
  readonly #transport: WebhookTransport;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #unsubscribe: () => void;

  constructor(world: World, transport: WebhookTransport) {
    this.#world = world;
    this.#transport = transport;
    this.#unsubscribe = world.onEvent((event) => this.#enqueue(event));
    for (const delivery of world.deliveries.values()) {
      if (delivery.state === 'pending') this.#schedule(delivery);
    }
  }

  /** Stops listening for new events (pending attempts still settle). */
  dispose(): void {
    this.#unsubscribe();
  }

  /** Resolves once no delivery attempt is in flight. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  #enqueue(event: SeamEvent): void {
    const world = this.#world;
    for (const webhook of world.webhooks.values()) {
      if (webhook.workspace_id !== event.workspace_id) continue;
      if (!wantsEvent(webhook, event.event_type)) continue;
      const delivery: DeliveryRecord = {
        delivery_id: world.nextId('webhook_delivery'),
        message_id: `msg_${event.event_id.replaceAll('-', '')}`,
        webhook_id: webhook.webhook_id,
        event_id: event.event_id,
        state: 'pending',
        attempts: [],
        next_attempt_at: world.now(),
      };
      world.deliveries.set(delivery.delivery_id, delivery);
      this.#schedule(delivery);
    }
  }

  #schedule(delivery: DeliveryRecord): void {
    if (delivery.next_attempt_at === null) return;
    const id = delivery.delivery_id;
    this.#world.clock.schedule(`delivery:${id}`, delivery.next_attempt_at, () => {
      const current = this.#world.deliveries.get(id);
      if (current?.state === 'pending') this.#attempt(current);
    });
  }

  #attempt(delivery: DeliveryRecord): void {
    const world = this.#world;
    const webhook = world.webhooks.get(delivery.webhook_id);
    const event = world.events.find((candidate) => candidate.event_id === delivery.event_id);
    if (webhook === undefined || event === undefined) {
      // The webhook was deleted: Svix stops delivering to a removed endpoint.
      delivery.state = 'failed';
      delivery.next_attempt_at = null;
      return;
    }
    const attempt = {
      at: world.isoNow(),
      status: null as number | null,
      error: null as string | null,
    };
    delivery.attempts.push(attempt);
    delivery.next_attempt_at = null;
    const sending = this.#send(webhook, delivery, event).then(
      (status) => {
        attempt.status = status;
        if (status >= 200 && status < 300) delivery.state = 'delivered';
        else this.#failed(delivery, attempt, `HTTP ${status}`);
      },
      (error: unknown) => {
        this.#failed(delivery, attempt, error instanceof Error ? error.message : String(error));
      },
    );
    const tracked = sending.finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }

  #failed(delivery: DeliveryRecord, attempt: { error: string | null }, error: string): void {
    attempt.error = error;
    const delay = RETRY_DELAYS_MS[delivery.attempts.length - 1];
    if (delay === undefined) {
      delivery.state = 'failed';
      return;
    }
    delivery.next_attempt_at = this.#world.now() + delay;
    this.#schedule(delivery);
  }

  async #send(webhook: WebhookRecord, delivery: DeliveryRecord, event: SeamEvent): Promise<number> {
    const payload = JSON.stringify(event);
    const timestamp = new Date(this.#transport.realNow());
    const signature = new Webhook(webhook.secret).sign(delivery.message_id, timestamp, payload);
    const response = await this.#transport.fetch(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'svix-id': delivery.message_id,
        'svix-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'svix-signature': signature,
      },
      body: payload,
      signal: AbortSignal.timeout(this.#transport.timeoutMs),
    });
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
    return response.status;
  }
}
