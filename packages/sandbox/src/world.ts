/**
 * The live store: the records of `SandboxState` in maps, the clock, id generation and the event
 * log. Simulation modules (`sim/*`) and routes change the world only through these records.
 */
import type { SeamEvent } from '@seamapi/types/connect';
import type { VirtualClock } from './clock.js';
import type {
  AccessCodeRecord,
  ActionAttemptRecord,
  ApiKeyRecord,
  ClientSessionRecord,
  ConnectedAccountRecord,
  DeliveryRecord,
  DeviceRecord,
  SandboxState,
  UnmanagedCodeRecord,
  WebhookRecord,
  WorkspaceRecord,
} from './state.js';
import { derivedUuid } from './util/random.js';

/** Receives every event as it is recorded (webhook delivery subscribes here). */
export type EventListener = (event: SeamEvent) => void;

/** The sandbox's in-memory world. */
export class World {
  readonly clock: VirtualClock;
  readonly seed: number;
  readonly counters: Record<string, number>;
  readonly workspaces = new Map<string, WorkspaceRecord>();
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly clientSessions = new Map<string, ClientSessionRecord>();
  readonly sessionsByToken = new Map<string, ClientSessionRecord>();
  readonly accounts = new Map<string, ConnectedAccountRecord>();
  readonly devices = new Map<string, DeviceRecord>();
  readonly codes = new Map<string, AccessCodeRecord>();
  readonly unmanaged = new Map<string, UnmanagedCodeRecord>();
  readonly attempts = new Map<string, ActionAttemptRecord>();
  readonly events: SeamEvent[] = [];
  readonly webhooks = new Map<string, WebhookRecord>();
  readonly deliveries = new Map<string, DeliveryRecord>();
  readonly rateLimits = new Map<string, number[]>();
  readonly #eventListeners: EventListener[] = [];

  constructor(state: SandboxState, clock: VirtualClock) {
    this.clock = clock;
    this.seed = state.seed;
    this.counters = { ...state.counters };
    for (const workspace of state.workspaces)
      this.workspaces.set(workspace.workspace_id, workspace);
    for (const key of state.api_keys) this.apiKeys.set(key.token, key);
    for (const session of state.client_sessions) this.addClientSession(session);
    for (const account of state.connected_accounts) {
      this.accounts.set(account.connected_account_id, account);
    }
    for (const device of state.devices) this.devices.set(device.device_id, device);
    for (const code of state.access_codes) this.codes.set(code.access_code_id, code);
    for (const code of state.unmanaged_access_codes) this.unmanaged.set(code.access_code_id, code);
    for (const attempt of state.action_attempts) {
      this.attempts.set(attempt.attempt.action_attempt_id, attempt);
    }
    this.events.push(...state.events);
    for (const webhook of state.webhooks) this.webhooks.set(webhook.webhook_id, webhook);
    for (const delivery of state.deliveries) this.deliveries.set(delivery.delivery_id, delivery);
    for (const [key, times] of Object.entries(state.rate_limits)) this.rateLimits.set(key, times);
  }

  /** Virtual now, epoch ms. */
  now(): number {
    return this.clock.now();
  }

  /** Virtual now as Seam formats times: ISO 8601 in UTC with milliseconds and `Z`. */
  isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }

  /** A new id of the given kind: a UUID derived from the seed and a per-kind counter. */
  nextId(kind: string): string {
    const next = (this.counters[kind] ?? 0) + 1;
    this.counters[kind] = next;
    return derivedUuid(this.seed, kind, next);
  }

  /** The next value of a per-kind counter (for tokens and other non-UUID ids). */
  nextCount(kind: string): number {
    const next = (this.counters[kind] ?? 0) + 1;
    this.counters[kind] = next;
    return next;
  }

  /** Indexes a client session by id and by token. */
  addClientSession(session: ClientSessionRecord): void {
    this.clientSessions.set(session.client_session_id, session);
    this.sessionsByToken.set(session.token, session);
  }

  /** Subscribes to recorded events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void {
    this.#eventListeners.push(listener);
    return () => {
      const index = this.#eventListeners.indexOf(listener);
      if (index >= 0) this.#eventListeners.splice(index, 1);
    };
  }

  /** Appends an event to the log and tells the listeners. */
  record(event: SeamEvent): void {
    this.events.push(event);
    for (const listener of this.#eventListeners) listener(event);
  }

  /** The whole world as JSON-safe state (deep copies, so later changes do not leak in). */
  snapshot(): SandboxState {
    const state: SandboxState = {
      version: 1,
      seed: this.seed,
      now: this.clock.now(),
      counters: this.counters,
      workspaces: [...this.workspaces.values()],
      api_keys: [...this.apiKeys.values()],
      client_sessions: [...this.clientSessions.values()],
      connected_accounts: [...this.accounts.values()],
      devices: [...this.devices.values()],
      access_codes: [...this.codes.values()],
      unmanaged_access_codes: [...this.unmanaged.values()],
      action_attempts: [...this.attempts.values()],
      events: this.events,
      webhooks: [...this.webhooks.values()],
      deliveries: [...this.deliveries.values()],
      rate_limits: Object.fromEntries(this.rateLimits),
    };
    return structuredClone(state);
  }
}
