/**
 * The messages between the extension's parts, typed in one place. Content scripts may only
 * propose what they read and ask for a reservation's status; everything that reaches Seam or
 * changes settings comes from extension pages (panel, options, popup). Nothing sent to a content
 * script ever carries a credential or a PIN: `ChipStatus` is all it gets.
 */
import type { DerivedPhase } from '@seam-codes/core';
import type { ReservationDraft } from './sites/types.js';

/** What the launcher chip shows. */
export interface ChipStatus {
  /** `setup`: no credentials yet; `incomplete`: the page lacks something; `ready`: a code can be made. */
  readonly kind: 'setup' | 'incomplete' | 'ready' | 'code' | 'disabled';
  readonly phase?: DerivedPhase;
  /** For `incomplete`: the draft's missing fields and problems. */
  readonly missing?: readonly string[];
  readonly problems?: readonly string[];
  /** The listing has no lock yet: the panel will ask. */
  readonly unmapped?: boolean;
}

export type CredentialKind = 'client_session_token' | 'publishable_key' | 'api_key';

/** What the options page sends to set the credentials (the only message carrying one). */
export interface CredentialsInput {
  readonly kind: CredentialKind;
  readonly endpoint: string;
  readonly clientSessionToken?: string;
  readonly publishableKey?: string;
  readonly userIdentifierKey?: string;
  readonly apiKey?: string;
}

/** Settings as any extension page may see them: no secret in here. */
export interface PublicSettings {
  readonly configured: boolean;
  readonly kind: CredentialKind | null;
  readonly endpoint: string | null;
  readonly sites: Readonly<Record<string, boolean>>;
  readonly mappings: Readonly<Record<string, ListingMapping>>;
  readonly devOrigins: readonly string[];
}

export interface ListingMapping {
  readonly name: string;
  readonly deviceIds: readonly string[];
}

/** What the extension remembers of a code it created: ids only, no guest name, no PIN. */
export interface CodeRecord {
  readonly reservationKey: string;
  readonly accessCodeId: string;
  readonly deviceIds: readonly string[];
  readonly label: string;
  readonly createdAt: number;
}

export interface RecentCode extends CodeRecord {
  readonly phase: DerivedPhase | null;
}

export interface PanelInit {
  readonly draft: ReservationDraft | null;
  readonly settings: PublicSettings;
  readonly listingKey: string | null;
  readonly code: CodeRecord | null;
}

export type SeamCallResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** Every request and its answer. `from` says who may send it. */
export interface Protocol {
  proposeDraft: { from: 'content'; request: { draft: ReservationDraft }; response: ChipStatus };
  panelInit: { from: 'panel'; request: Record<string, never>; response: PanelInit };
  seamCall: {
    from: 'panel' | 'options';
    request: { route: string; body: Record<string, unknown> };
    response: SeamCallResult;
  };
  setMapping: {
    from: 'panel' | 'options';
    request: { listingKey: string; name: string; deviceIds: string[] };
    response: PublicSettings;
  };
  removeMapping: { from: 'options'; request: { listingKey: string }; response: PublicSettings };
  getSettings: {
    from: 'options' | 'popup' | 'panel';
    request: Record<string, never>;
    response: PublicSettings;
  };
  saveCredentials: {
    from: 'options';
    request: CredentialsInput;
    response: { ok: true; settings: PublicSettings } | { ok: false; message: string };
  };
  clearCredentials: { from: 'options'; request: Record<string, never>; response: PublicSettings };
  setSiteEnabled: {
    from: 'options';
    request: { adapterId: string; enabled: boolean };
    response: PublicSettings;
  };
  addDevOrigin: {
    from: 'options';
    request: { origin: string };
    response: { ok: true; settings: PublicSettings } | { ok: false; message: string };
  };
  listRecent: { from: 'popup' | 'options'; request: Record<string, never>; response: RecentCode[] };
  scanActiveTab: {
    from: 'popup';
    request: { tabId: number };
    response: { ok: boolean; message: string };
  };
}

export type MessageType = keyof Protocol;
export type Envelope<K extends MessageType = MessageType> = {
  readonly type: K;
  readonly payload: Protocol[K]['request'];
};

/** Pushed from the background to a tab's content script. */
export interface StatusPush {
  readonly type: 'status';
  readonly reservationKey: string;
  readonly status: ChipStatus;
}

/** Which extension page may send which message. */
export const allowedSenders: { readonly [K in MessageType]: readonly Protocol[K]['from'][] } = {
  proposeDraft: ['content'],
  panelInit: ['panel'],
  seamCall: ['panel', 'options'],
  setMapping: ['panel', 'options'],
  removeMapping: ['options'],
  getSettings: ['options', 'popup', 'panel'],
  saveCredentials: ['options'],
  clearCredentials: ['options'],
  setSiteEnabled: ['options'],
  addDevOrigin: ['options'],
  listRecent: ['popup', 'options'],
  scanActiveTab: ['popup'],
};

/** Seam routes an extension page may call through the background, and whether they only read. */
export const seamRoutes: Readonly<Record<string, 'read' | 'write'>> = {
  '/devices/get': 'read',
  '/devices/list': 'read',
  '/locks/get': 'read',
  '/access_codes/get': 'read',
  '/access_codes/list': 'read',
  '/access_codes/unmanaged/list': 'read',
  '/access_codes/generate_code': 'read',
  '/action_attempts/get': 'read',
  '/events/list': 'read',
  '/access_codes/create': 'write',
  '/access_codes/create_multiple': 'write',
  '/access_codes/update': 'write',
  '/access_codes/delete': 'write',
  '/access_codes/pull_backup_access_code': 'write',
};

/** The key of a listing's lock mapping: per site, by the listing's id, else its name. */
export function listingKeyOf(draft: ReservationDraft): string | null {
  const id = draft.listing.id?.value ?? draft.listing.name?.value;
  return id ? `${draft.adapterId}:${id}` : null;
}
