/**
 * `/action_attempts/get`, `/events/*`, `/client_sessions/*`, `/webhooks/*` and `/health`.
 */
import type { ClientSession, SeamEvent } from '@seamapi/types/connect';
import { canSeeDevice, workspaceOf, type Principal } from '../http/auth.js';
import { invalidInput, notFound, SeamApiError } from '../http/errors.js';
import { route, type Route, type RouteContext } from '../http/router.js';
import type { ActionAttemptRecord, ClientSessionRecord, WebhookRecord } from '../state.js';
import { derivedBase64, derivedToken } from '../util/random.js';
import type { World } from '../world.js';

function renderSession(world: World, session: ClientSessionRecord): ClientSession {
  let deviceCount = 0;
  for (const device of world.devices.values()) {
    if (session.connected_account_ids.includes(device.connected_account_id)) deviceCount++;
  }
  return structuredClone({
    client_session_id: session.client_session_id,
    workspace_id: session.workspace_id,
    created_at: session.created_at,
    expires_at: session.expires_at,
    token: session.token,
    user_identifier_key: session.user_identifier_key,
    device_count: deviceCount,
    connected_account_ids: session.connected_account_ids,
    connect_webview_ids: session.connect_webview_ids,
    user_identity_ids: session.user_identity_ids,
  });
}

function renderWebhook(webhook: WebhookRecord) {
  return {
    webhook_id: webhook.webhook_id,
    url: webhook.url,
    event_types: webhook.event_types ?? [],
    secret: webhook.secret,
  };
}

/** Whether the caller may see an event: its workspace, and for a session its accounts. */
function canSeeEvent(world: World, principal: Principal, event: SeamEvent): boolean {
  if (event.workspace_id !== principal.workspace_id) return false;
  if (principal.kind !== 'client_session') return true;
  const account = (event as { connected_account_id?: string }).connected_account_id;
  if (account === undefined) return false;
  return principal.session.connected_account_ids.includes(account);
}

/**
 * Whether the caller may read an action attempt: its workspace, and for a client session, a
 * device of the session's accounts (a result can carry the PIN of the code it made).
 */
function canSeeAttempt(world: World, principal: Principal, record: ActionAttemptRecord): boolean {
  if (record.workspace_id !== principal.workspace_id) return false;
  if (principal.kind !== 'client_session') return true;
  const device = record.device_id === undefined ? undefined : world.devices.get(record.device_id);
  return device !== undefined && canSeeDevice(principal, device);
}

const day = 24 * 60 * 60 * 1000;

const sessionParams = {
  customer_id: { kind: 'string' },
  customer_key: { kind: 'string' },
  user_identifier_key: { kind: 'string' },
  connect_webview_ids: { kind: 'string_array', uuid: true },
  connected_account_ids: { kind: 'string_array', uuid: true },
  user_identity_ids: { kind: 'string_array', uuid: true },
  user_identity_id: { kind: 'uuid' },
  expires_at: { kind: 'datetime' },
} as const;

interface SessionInput {
  user_identifier_key?: string;
  connected_account_ids?: string[];
  connect_webview_ids?: string[];
  user_identity_ids?: string[];
  user_identity_id?: string;
  customer_id?: string;
  customer_key?: string;
  expires_at?: string;
}

/**
 * A publishable key may only ask for an empty session for one user (Seam's rule): checked before
 * any lookup, so get_or_create cannot hand out a scoped session either.
 */
function checkPublishableKeyInput(context: RouteContext<SessionInput>): void {
  const { principal, params } = context;
  if (principal.kind !== 'publishable_key') return;
  const extra = Object.keys(params).filter(
    (key) => key !== 'user_identifier_key' && params[key as keyof SessionInput] !== undefined,
  );
  if (extra.length > 0) {
    throw new SeamApiError(
      403,
      'publishable_keys_must_create_empty_client_sessions',
      `A publishable key can only create an empty client session; remove ${extra.join(', ')}, or create the session from your backend with an API key.`,
    );
  }
  if (params.user_identifier_key === undefined) {
    throw new SeamApiError(
      401,
      'publishable_key_requires_user_identifier_key',
      'A publishable key needs a user_identifier_key that identifies the user (an opaque id, never an e-mail address).',
    );
  }
}

function createSession(context: RouteContext<SessionInput>): ClientSessionRecord {
  const { world, principal, params } = context;
  const accountIds = params.connected_account_ids ?? [];
  for (const id of accountIds) {
    if (world.accounts.get(id)?.workspace_id !== principal.workspace_id) {
      throw notFound('connected_account_not_found', `Connected account ${id} was not found.`, {
        connected_account_id: id,
      });
    }
  }
  const now = world.now();
  if (params.expires_at !== undefined && Date.parse(params.expires_at) <= now) {
    throw invalidInput({ expires_at: ['expires_at must be in the future.'] });
  }
  const id = world.nextId('client_session');
  const session: ClientSessionRecord = {
    client_session_id: id,
    workspace_id: workspaceOf(principal),
    token: `seam_cst_sandbox_${derivedToken(world.seed, 28, 'client_session', id)}`,
    user_identifier_key: params.user_identifier_key ?? null,
    connected_account_ids: [...new Set(accountIds)],
    connect_webview_ids: params.connect_webview_ids ?? [],
    user_identity_ids:
      params.user_identity_ids ??
      (params.user_identity_id === undefined ? [] : [params.user_identity_id]),
    created_at: world.isoNow(),
    expires_at:
      params.expires_at === undefined
        ? new Date(now + day).toISOString()
        : new Date(params.expires_at).toISOString(),
    from_publishable_key: principal.kind === 'publishable_key',
  };
  world.addClientSession(session);
  return session;
}

function sessionOfUser(context: RouteContext<SessionInput>): ClientSessionRecord | undefined {
  const key = context.params.user_identifier_key;
  if (key === undefined) return undefined;
  return [...context.world.clientSessions.values()].find(
    (session) =>
      session.workspace_id === context.principal.workspace_id &&
      session.user_identifier_key === key &&
      Date.parse(session.expires_at) > context.world.now(),
  );
}

const eventTypePattern = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

/** The workspace-level routes. */
export const workspaceRoutes: Route[] = [
  route({
    path: '/health',
    methods: ['GET', 'POST'],
    auth: 'none',
    params: {},
    handle: () => ({ msg: 'seam-sandbox is running' }),
  }),
  route({
    // Seam's components post usage telemetry here; the sandbox accepts it and keeps nothing.
    path: '/internal/tlmtry',
    methods: ['POST'],
    auth: 'none',
    params: {},
    handle: () => ({}),
  }),
  route({
    path: '/action_attempts/get',
    methods: ['GET', 'POST'],
    auth: ['api_key', 'client_session'],
    params: { action_attempt_id: { kind: 'uuid', required: true } },
    handle: (context) => {
      const record = context.world.attempts.get(context.params.action_attempt_id);
      if (record === undefined || !canSeeAttempt(context.world, context.principal, record)) {
        throw notFound(
          'action_attempt_not_found',
          `Action attempt ${context.params.action_attempt_id} was not found.`,
          { action_attempt_id: context.params.action_attempt_id },
        );
      }
      return { action_attempt: structuredClone(record.attempt) };
    },
  }),
  route({
    path: '/events/list',
    methods: ['GET', 'POST'],
    auth: ['api_key', 'client_session'],
    params: {
      since: { kind: 'datetime' },
      between: { kind: 'datetime_pair' },
      device_id: { kind: 'uuid' },
      device_ids: { kind: 'string_array', uuid: true },
      access_code_id: { kind: 'uuid' },
      access_code_ids: { kind: 'string_array', uuid: true },
      event_type: { kind: 'string' },
      event_types: { kind: 'string_array' },
      connected_account_id: { kind: 'uuid' },
      event_ids: { kind: 'string_array', uuid: true },
      customer_key: { kind: 'string' },
      limit: { kind: 'number', integer: true, min: 1 },
    },
    handle: (context) => {
      const { params, world, principal } = context;
      if ((params.since === undefined) === (params.between === undefined)) {
        throw invalidInput({
          since: ['Pass exactly one of since (an ISO 8601 time) or between ([from, to]).'],
        });
      }
      const from = Date.parse(params.since ?? params.between![0]);
      const to = params.between === undefined ? Infinity : Date.parse(params.between[1]);
      const deviceIds = new Set([
        ...(params.device_ids ?? []),
        ...(params.device_id === undefined ? [] : [params.device_id]),
      ]);
      const codeIds = new Set([
        ...(params.access_code_ids ?? []),
        ...(params.access_code_id === undefined ? [] : [params.access_code_id]),
      ]);
      const types = new Set([
        ...(params.event_types ?? []),
        ...(params.event_type === undefined ? [] : [params.event_type]),
      ]);
      const eventIds = params.event_ids === undefined ? null : new Set(params.event_ids);
      const limit = params.limit ?? 500;
      const events: SeamEvent[] = [];
      for (const event of world.events) {
        const occurred = Date.parse(event.occurred_at);
        if (occurred < from || occurred > to) continue;
        if (!canSeeEvent(world, principal, event)) continue;
        const fields = event as {
          device_id?: string;
          access_code_id?: string;
          connected_account_id?: string;
        };
        if (
          deviceIds.size > 0 &&
          (fields.device_id === undefined || !deviceIds.has(fields.device_id))
        ) {
          continue;
        }
        if (
          codeIds.size > 0 &&
          (fields.access_code_id === undefined || !codeIds.has(fields.access_code_id))
        ) {
          continue;
        }
        if (types.size > 0 && !types.has(event.event_type)) continue;
        if (
          params.connected_account_id !== undefined &&
          fields.connected_account_id !== params.connected_account_id
        ) {
          continue;
        }
        if (eventIds !== null && !eventIds.has(event.event_id)) continue;
        events.push(event);
        if (events.length >= limit) break;
      }
      return { events: structuredClone(events) };
    },
  }),
  route({
    path: '/events/get',
    methods: ['GET', 'POST'],
    auth: ['api_key', 'client_session'],
    params: { event_id: { kind: 'uuid', required: true } },
    handle: (context) => {
      const event = context.world.events.find(
        (candidate) => candidate.event_id === context.params.event_id,
      );
      if (event === undefined || !canSeeEvent(context.world, context.principal, event)) {
        throw notFound('event_not_found', `Event ${context.params.event_id} was not found.`, {
          event_id: context.params.event_id,
        });
      }
      return { event: structuredClone(event) };
    },
  }),
  route({
    path: '/client_sessions/create',
    methods: ['POST', 'PUT'],
    auth: ['api_key', 'publishable_key'],
    params: sessionParams,
    handle: (context) => {
      checkPublishableKeyInput(context);
      const existing = sessionOfUser(context);
      if (existing !== undefined) {
        throw new SeamApiError(
          409,
          'client_session_already_exists',
          'A client session already exists for this user_identifier_key. Use /client_sessions/get_or_create to reuse it.',
          { data: { client_session_id: existing.client_session_id } },
        );
      }
      return { client_session: renderSession(context.world, createSession(context)) };
    },
  }),
  route({
    path: '/client_sessions/get_or_create',
    methods: ['POST'],
    auth: ['api_key', 'publishable_key'],
    params: sessionParams,
    handle: (context) => {
      checkPublishableKeyInput(context);
      const session = sessionOfUser(context) ?? createSession(context);
      return { client_session: renderSession(context.world, session) };
    },
  }),
  route({
    path: '/client_sessions/get',
    methods: ['GET', 'POST'],
    auth: ['api_key', 'client_session'],
    params: { client_session_id: { kind: 'uuid' }, user_identifier_key: { kind: 'string' } },
    handle: (context) => {
      const { world, principal, params } = context;
      let session: ClientSessionRecord | undefined;
      if (principal.kind === 'client_session' && params.client_session_id === undefined) {
        session = principal.session;
      } else if (params.client_session_id !== undefined) {
        session = world.clientSessions.get(params.client_session_id);
      } else if (params.user_identifier_key !== undefined) {
        session = [...world.clientSessions.values()].find(
          (candidate) =>
            candidate.workspace_id === principal.workspace_id &&
            candidate.user_identifier_key === params.user_identifier_key,
        );
      } else {
        throw invalidInput({
          client_session_id: ['Pass client_session_id or user_identifier_key.'],
        });
      }
      const visible =
        session !== undefined &&
        session.workspace_id === principal.workspace_id &&
        (principal.kind !== 'client_session' || session === principal.session);
      if (!visible) {
        throw notFound('client_session_not_found', 'Client session not found.');
      }
      return { client_session: renderSession(world, session!) };
    },
  }),
  route({
    path: '/webhooks/create',
    methods: ['POST'],
    auth: ['api_key'],
    params: {
      url: { kind: 'string', required: true },
      event_types: { kind: 'string_array' },
    },
    handle: (context) => {
      const { world, params } = context;
      let url: URL;
      try {
        url = new URL(params.url);
      } catch {
        throw invalidInput({ url: ['Expected an absolute http(s) URL.'] });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw invalidInput({ url: ['Only http and https URLs can receive webhooks.'] });
      }
      const bad = (params.event_types ?? []).filter(
        (type) => type !== '*' && !eventTypePattern.test(type),
      );
      if (bad.length > 0) {
        throw new SeamApiError(
          400,
          'invalid_event_types',
          `Unknown event types: ${bad.join(', ')}. Use Seam event types such as "access_code.set_on_device".`,
        );
      }
      const id = world.nextId('webhook');
      const webhook: WebhookRecord = {
        webhook_id: id,
        workspace_id: workspaceOf(context.principal),
        url: url.toString(),
        event_types: params.event_types ?? null,
        secret: `whsec_${derivedBase64(world.seed, 24, 'webhook_secret', id)}`,
        created_at: world.isoNow(),
      };
      world.webhooks.set(id, webhook);
      return { webhook: renderWebhook(webhook) };
    },
  }),
  route({
    path: '/webhooks/list',
    methods: ['GET', 'POST'],
    auth: ['api_key'],
    params: {},
    handle: (context) => ({
      webhooks: [...context.world.webhooks.values()]
        .filter((webhook) => webhook.workspace_id === context.principal.workspace_id)
        .map(renderWebhook),
    }),
  }),
  route({
    path: '/webhooks/get',
    methods: ['GET', 'POST'],
    auth: ['api_key'],
    params: { webhook_id: { kind: 'string', required: true } },
    handle: (context) => ({ webhook: renderWebhook(findWebhook(context)) }),
  }),
  route({
    path: '/webhooks/update',
    methods: ['PUT', 'POST'],
    auth: ['api_key'],
    params: {
      webhook_id: { kind: 'string', required: true },
      event_types: { kind: 'string_array', required: true },
    },
    handle: (context) => {
      findWebhook(context).event_types = context.params.event_types;
      return {};
    },
  }),
  route({
    path: '/webhooks/delete',
    methods: ['DELETE', 'POST'],
    auth: ['api_key'],
    params: { webhook_id: { kind: 'string', required: true } },
    handle: (context) => {
      context.world.webhooks.delete(findWebhook(context).webhook_id);
      return {};
    },
  }),
];

function findWebhook(context: RouteContext<{ webhook_id: string }>): WebhookRecord {
  const webhook = context.world.webhooks.get(context.params.webhook_id);
  if (webhook === undefined || webhook.workspace_id !== context.principal.workspace_id) {
    throw notFound('webhook_not_found', `Webhook ${context.params.webhook_id} was not found.`, {
      webhook_id: context.params.webhook_id,
    });
  }
  return webhook;
}
