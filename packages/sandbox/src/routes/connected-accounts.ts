/**
 * `/connected_accounts/get` and `/connected_accounts/list`, which Seam's own components call to
 * name the account a device belongs to. Read-only: the sandbox has no Connect Webviews, so
 * accounts come from the catalogue and are connected or disconnected through the control API.
 */
import type { ConnectedAccount } from '@seamapi/types/connect';
import { invalidInput, notFound } from '../http/errors.js';
import { route, type Route, type RouteContext } from '../http/router.js';
import type { ConnectedAccountRecord } from '../state.js';
import { messages } from '../sim/messages.js';
import type { World } from '../world.js';
import { accountsOfUser, paginate } from './common.js';

/** Whether the caller may see this account (its workspace; a client session, its own). */
function canSeeAccount(context: RouteContext<unknown>, account: ConnectedAccountRecord): boolean {
  const { principal } = context;
  if (principal.kind === 'sandbox') return true;
  if (account.workspace_id !== principal.workspace_id) return false;
  if (principal.kind === 'client_session') {
    return principal.session.connected_account_ids.includes(account.connected_account_id);
  }
  return principal.kind === 'api_key';
}

/** The account as Seam returns it; the type's display name comes from its devices' provider. */
export function renderConnectedAccount(
  world: World,
  account: ConnectedAccountRecord,
): ConnectedAccount {
  const device = [...world.devices.values()].find(
    (candidate) => candidate.connected_account_id === account.connected_account_id,
  );
  const typeDisplay =
    device?.base.device_provider?.display_name ??
    account.account_type
      .split('_')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' ');
  const errors =
    account.disconnected_at === null
      ? []
      : [
          {
            error_code: 'account_disconnected',
            message: messages.accountDisconnected,
            is_connected_account_error: true,
            is_bridge_error: false,
            created_at: account.disconnected_at,
          },
        ];
  return structuredClone({
    connected_account_id: account.connected_account_id,
    created_at: account.created_at,
    user_identifier: { email: account.display_name },
    account_type: account.account_type,
    account_type_display_name: typeDisplay,
    display_name: account.display_name,
    errors,
    warnings: [],
    custom_metadata: {},
    automatically_manage_new_devices: true,
    accepted_capabilities: ['lock'],
  }) as unknown as ConnectedAccount;
}

const readers = ['api_key', 'client_session'] as const;

/** The connected-account routes. */
export const connectedAccountRoutes: Route[] = [
  route({
    path: '/connected_accounts/get',
    methods: ['GET', 'POST'],
    auth: readers,
    params: { connected_account_id: { kind: 'uuid' }, email: { kind: 'string' } },
    handle: (context) => {
      const { connected_account_id, email } = context.params;
      if (connected_account_id === undefined && email === undefined) {
        throw invalidInput({ connected_account_id: ['Pass connected_account_id (or email).'] });
      }
      const account = [...context.world.accounts.values()].find(
        (candidate) =>
          canSeeAccount(context, candidate) &&
          (connected_account_id === undefined
            ? candidate.display_name === email
            : candidate.connected_account_id === connected_account_id),
      );
      if (account === undefined) {
        throw notFound(
          'connected_account_not_found',
          `Connected account ${connected_account_id ?? email} was not found.`,
        );
      }
      return { connected_account: renderConnectedAccount(context.world, account) };
    },
  }),
  route({
    path: '/connected_accounts/list',
    methods: ['GET', 'POST'],
    auth: readers,
    params: {
      user_identifier_key: { kind: 'string' },
      custom_metadata_has: { kind: 'record' },
      search: { kind: 'string' },
      limit: { kind: 'number', integer: true, min: 1 },
      page_cursor: { kind: 'string', nullable: true },
    },
    handle: (context) => {
      const { params, world } = context;
      const userAccounts = accountsOfUser(context, params.user_identifier_key);
      const search = params.search?.toLocaleLowerCase('en-US');
      const accounts = [...world.accounts.values()].filter(
        (account) =>
          canSeeAccount(context, account) &&
          (userAccounts === null || userAccounts.has(account.connected_account_id)) &&
          // The sandbox's accounts carry no custom metadata: any filter on it matches none.
          (params.custom_metadata_has === undefined ||
            Object.keys(params.custom_metadata_has).length === 0) &&
          (search === undefined ||
            `${account.connected_account_id} ${account.display_name}`
              .toLocaleLowerCase('en-US')
              .includes(search)),
      );
      const { page, pagination } = paginate(accounts, params, context.url, 11_000);
      return {
        connected_accounts: page.map((account) => renderConnectedAccount(world, account)),
        pagination,
      };
    },
  }),
];
