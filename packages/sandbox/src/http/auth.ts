/**
 * Who is calling (spec §B1): an API key (`Authorization: Bearer seam_…`), a client session token
 * (`Authorization: Bearer seam_cst…` and/or `client-session-token`), or a publishable key
 * (`seam-publishable-key`, for client sessions only). Workspace and connected-account scoping
 * hang off the principal.
 */
import type { ClientSessionRecord, DeviceRecord } from '../state.js';
import type { World } from '../world.js';
import { SeamApiError } from './errors.js';

/** An authenticated caller. */
export type Principal =
  | { kind: 'api_key'; workspace_id: string }
  | { kind: 'client_session'; workspace_id: string; session: ClientSessionRecord }
  | { kind: 'publishable_key'; workspace_id: string }
  /** The sandbox's own control token, or no credentials on a public route: sees every device. */
  | { kind: 'sandbox'; workspace_id: null };

/** The kinds of credential a Seam route accepts. */
export type AuthKind = Exclude<Principal['kind'], 'sandbox'>;

function unauthorized(message: string): SeamApiError {
  return new SeamApiError(401, 'unauthorized', message);
}

function bearer(headers: Headers): string | null {
  const value = headers.get('authorization');
  if (value === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (match === null) {
    throw unauthorized('The authorization header must be "Bearer <token>".');
  }
  return match[1]!;
}

function sessionFor(world: World, token: string): ClientSessionRecord {
  const session = world.sessionsByToken.get(token);
  if (session === undefined) {
    throw unauthorized('Unknown client session token. Create one with /client_sessions/create.');
  }
  if (Date.parse(session.expires_at) <= world.now()) {
    throw unauthorized('The client session token has expired. Create a new client session.');
  }
  return session;
}

/** Identifies the caller from the request headers; throws a 401 when that is impossible. */
export function authenticate(world: World, headers: Headers): Principal {
  const token = bearer(headers);
  const sessionHeader =
    headers.get('client-session-token') ?? headers.get('seam-client-session-token');
  if (token !== null && !token.startsWith('seam_cst')) {
    const key = world.apiKeys.get(token);
    if (key === undefined) {
      throw unauthorized(
        token.startsWith('seam_pk')
          ? 'A publishable key goes in the seam-publishable-key header, not in authorization.'
          : 'Unknown API key. Use the key the sandbox printed when it started.',
      );
    }
    return { kind: 'api_key', workspace_id: key.workspace_id };
  }
  const sessionToken = token ?? sessionHeader;
  if (sessionToken !== null) {
    if (token !== null && sessionHeader !== null && sessionHeader !== token) {
      throw unauthorized('The client-session-token header and the bearer token disagree.');
    }
    const session = sessionFor(world, sessionToken);
    return { kind: 'client_session', workspace_id: session.workspace_id, session };
  }
  const publishable = headers.get('seam-publishable-key');
  if (publishable !== null) {
    for (const workspace of world.workspaces.values()) {
      if (workspace.publishable_key === publishable) {
        return { kind: 'publishable_key', workspace_id: workspace.workspace_id };
      }
    }
    throw unauthorized('Unknown publishable key.');
  }
  throw unauthorized(
    'No credentials. Send "Authorization: Bearer <API key or client session token>", or a ' +
      'seam-publishable-key header for /client_sessions/get_or_create.',
  );
}

/** Throws a 401 unless the principal's kind is accepted by the route. */
export function requireKind(principal: Principal, allowed: readonly AuthKind[], path: string) {
  if (principal.kind !== 'sandbox' && allowed.includes(principal.kind)) return;
  const names: Record<Principal['kind'], string> = {
    api_key: 'an API key',
    client_session: 'a client session token',
    publishable_key: 'a publishable key',
    sandbox: 'the sandbox control token',
  };
  throw unauthorized(
    `${path} cannot be called with ${names[principal.kind]}; it accepts ${allowed
      .map((kind) => names[kind])
      .join(' or ')}.`,
  );
}

/** Whether the caller may see this device (workspace, and the session's connected accounts). */
export function canSeeDevice(principal: Principal, device: DeviceRecord): boolean {
  if (principal.kind === 'sandbox') return true;
  if (device.workspace_id !== principal.workspace_id) return false;
  if (principal.kind === 'client_session') {
    return principal.session.connected_account_ids.includes(device.connected_account_id);
  }
  return principal.kind === 'api_key';
}

/** The caller's workspace; only the sandbox's own principal has none (and never reaches here). */
export function workspaceOf(principal: Principal): string {
  if (principal.workspace_id === null) {
    throw new Error('A Seam route ran without a Seam credential: this is a bug in the router.');
  }
  return principal.workspace_id;
}
