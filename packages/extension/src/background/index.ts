/**
 * The background service worker: the only holder of credentials and the only caller of Seam.
 * It checks every message's sender and payload, keeps each tab's proposed draft, the listing ->
 * lock mappings and the codes it created, and follows those codes with core's verifier on an
 * IndexedDB store, so that a service worker Chrome stopped resumes where it was.
 */
import { isLocalSandboxEndpoint } from '@seam-codes/components';
import {
  SeamApiError,
  SeamClient,
  createVerifier,
  phaseClass,
  type DerivedPhase,
  type Verifier,
} from '@seam-codes/core';
import { createIdbStore } from '@seam-codes/core/idb';
import {
  allowedSenders,
  listingKeyOf,
  seamRoutes,
  type ChipStatus,
  type CodeRecord,
  type CredentialsInput,
  type Envelope,
  type MessageType,
  type Protocol,
  type PublicSettings,
  type StatusPush,
} from '../protocol.js';
import { siteAdapters, genericAdapter } from '../sites/registry.js';
import type { ReservationDraft } from '../sites/types.js';
import { checkDraft } from './check-draft.js';
import { clearCredentials, loadCredentials, saveCredentials } from './secrets.js';

type Sender = Browser.runtime.MessageSender;
type Settings = Omit<PublicSettings, 'configured'>;

const ADAPTER_IDS = [...siteAdapters.map((a) => a.id), genericAdapter.id];
const TERMINAL: readonly DerivedPhase[] = ['removed', 'rejected'];
const KEEPALIVE = 'seam-verify';
const MAX_CODES = 50;

const emptySettings: Settings = {
  kind: null,
  endpoint: null,
  sites: {},
  mappings: {},
  devOrigins: [],
};

let client: SeamClient | null = null;
let verifier: Verifier | null = null;
const tabDrafts = new Map<number, ReservationDraft>();
/** Tabs where the user ran the schema.org scan from the toolbar (activeTab). */
const scannedTabs = new Set<number>();

// ---------- storage ----------

async function settings(): Promise<Settings> {
  const { settings: stored } = await browser.storage.local.get('settings');
  return { ...emptySettings, ...(stored as Partial<Settings> | undefined) };
}

async function saveSettings(next: Settings): Promise<PublicSettings> {
  await browser.storage.local.set({ settings: next });
  return publicSettings(next);
}

function publicSettings(s: Settings): PublicSettings {
  return { ...s, configured: client !== null };
}

async function codes(): Promise<Record<string, CodeRecord>> {
  const { codes: stored } = await browser.storage.local.get('codes');
  return { ...(stored as Record<string, CodeRecord> | undefined) };
}

async function recordCode(record: CodeRecord): Promise<void> {
  const all = await codes();
  all[record.reservationKey] = record;
  const kept = Object.values(all)
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, MAX_CODES);
  await browser.storage.local.set({
    codes: Object.fromEntries(kept.map((c) => [c.reservationKey, c])),
  });
}

async function rememberTabs(): Promise<void> {
  await browser.storage.session.set({
    tabDrafts: Object.fromEntries(tabDrafts),
    scannedTabs: [...scannedTabs],
  });
}

// ---------- Seam ----------

function clientFor(credentials: CredentialsInput): SeamClient {
  const endpoint = credentials.endpoint === '' ? undefined : credentials.endpoint;
  const options = endpoint === undefined ? {} : { endpoint };
  switch (credentials.kind) {
    case 'client_session_token':
      return SeamClient.fromClientSessionToken(credentials.clientSessionToken ?? '', options);
    case 'publishable_key':
      return SeamClient.fromPublishableKey(
        credentials.publishableKey ?? '',
        credentials.userIdentifierKey ?? '',
        options,
      );
    case 'api_key':
      if (endpoint === undefined || !isLocalSandboxEndpoint(endpoint)) {
        throw new Error(
          'An API key is accepted only with a local sandbox endpoint (http://127.0.0.1:…): an API key must never be used from a browser against Seam.',
        );
      }
      return SeamClient.fromApiKey(credentials.apiKey ?? '', { endpoint });
  }
}

async function connect(credentials: CredentialsInput | null): Promise<void> {
  await verifier?.dispose();
  verifier = null;
  client = credentials ? clientFor(credentials) : null;
  if (!client) return;
  verifier = createVerifier({
    client,
    store: createIdbStore({ name: 'seam-extension-verifier' }), // withholds PINs itself (core's pin-free)
    sources: { poll: true },
    coordination: 'none',
  });
  verifier.subscribe((update) => void pushStatus(update.accessCodeId));
  await verifier.ready;
  const all = await codes();
  for (const record of Object.values(all)) verifier.watch(record.accessCodeId);
  await keepAlive();
}

/** Chrome stops an idle service worker; an alarm wakes it while a code is on its way. */
async function keepAlive(): Promise<void> {
  // Busy while core's verifier still looks at a code on a short interval: on its way (programming,
  // removing, or a time-bound code whose window has begun) or stuck (failed, unknown).
  const now = Date.now();
  const busy = verifier?.watchedIds().some((id) => {
    const state = verifier?.getSnapshot(id);
    return state == null || ['moving', 'stuck'].includes(phaseClass(state, now));
  });
  if (busy) await browser.alarms.create(KEEPALIVE, { periodInMinutes: 0.5 });
  else await browser.alarms.clear(KEEPALIVE);
}

function errorJson(error: unknown): unknown {
  if (error && typeof (error as { toJSON?: unknown }).toJSON === 'function')
    return (error as { toJSON(): unknown }).toJSON();
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

function refusal(route: string, type: string, message: string) {
  return {
    ok: false as const,
    error: new SeamApiError({ type, status: 400, route, message, requestId: null }).toJSON(),
  };
}

// ---------- status for the chip ----------

async function statusFor(draft: ReservationDraft): Promise<ChipStatus> {
  const s = await settings();
  if (s.sites[draft.adapterId] === false) return { kind: 'disabled' };
  const record = (await codes())[draft.reservationKey];
  if (record) {
    const phase = verifier?.getSnapshot(record.accessCodeId)?.phase;
    return phase ? { kind: 'code', phase } : { kind: 'code' };
  }
  if (!client) return { kind: 'setup' };
  if (
    draft.missing.includes('checkIn') ||
    draft.missing.includes('checkOut') ||
    draft.problems.length > 0
  ) {
    return { kind: 'incomplete', missing: draft.missing, problems: draft.problems };
  }
  const key = listingKeyOf(draft);
  return { kind: 'ready', unmapped: key === null || !s.mappings[key] };
}

/** Sends the chip of every tab whose reservation `shows` picks its current status. */
async function pushToTabs(shows: (draft: ReservationDraft) => boolean): Promise<void> {
  for (const [tabId, draft] of tabDrafts) {
    if (!shows(draft)) continue;
    const push: StatusPush = {
      type: 'status',
      reservationKey: draft.reservationKey,
      status: await statusFor(draft),
    };
    browser.tabs.sendMessage(tabId, push, { frameId: 0 }).catch(() => tabDrafts.delete(tabId));
  }
}

async function pushStatus(accessCodeId: string): Promise<void> {
  const all = await codes();
  const keys = new Set(
    Object.values(all)
      .filter((c) => c.accessCodeId === accessCodeId)
      .map((c) => c.reservationKey),
  );
  await pushToTabs((draft) => keys.has(draft.reservationKey));
  await keepAlive();
}

// ---------- senders ----------

type SenderKind = 'content' | 'panel' | 'options' | 'popup';

function senderKind(sender: Sender): SenderKind | null {
  if (sender.id !== browser.runtime.id) return null;
  const base = browser.runtime.getURL('/');
  const url = sender.url ?? '';
  if (url.startsWith(base)) {
    const path = new URL(url).pathname;
    if (path === '/panel.html') return 'panel';
    if (path === '/options.html') return 'options';
    if (path === '/popup.html') return 'popup';
    return null;
  }
  // A content script: in a tab's top frame, on a page of an adapter's site, a development origin
  // the user added, or a tab the user scanned from the toolbar.
  return sender.tab?.id !== undefined && sender.frameId === 0 ? 'content' : null;
}

async function contentMayPropose(sender: Sender, draft: ReservationDraft): Promise<boolean> {
  const url = new URL(sender.url ?? 'about:blank');
  const s = await settings();
  if (s.devOrigins.includes(url.origin)) return true;
  if (draft.adapterId === genericAdapter.id) return scannedTabs.has(sender.tab!.id!);
  const adapter = siteAdapters.find((a) => a.id === draft.adapterId);
  return (
    adapter?.hosts.some((h) =>
      h.startsWith('*.') ? url.hostname.endsWith(h.slice(1)) : url.hostname === h,
    ) ?? false
  );
}

// ---------- handlers ----------

type Handler<K extends MessageType> = (
  payload: Protocol[K]['request'],
  sender: Sender,
) => Promise<Protocol[K]['response']>;

const handlers: { [K in MessageType]: Handler<K> } = {
  async proposeDraft({ draft }, sender) {
    const checked = checkDraft(draft, ADAPTER_IDS);
    if (typeof checked === 'string') throw new Error(`draft refused: ${checked}`);
    if (!(await contentMayPropose(sender, checked)))
      throw new Error('draft refused: not from a page of its site');
    tabDrafts.set(sender.tab!.id!, checked);
    await rememberTabs();
    const record = (await codes())[checked.reservationKey];
    if (record && verifier && !verifier.watchedIds().includes(record.accessCodeId))
      verifier.watch(record.accessCodeId);
    return statusFor(checked);
  },

  async panelInit(_payload, sender) {
    const draft = tabDrafts.get(sender.tab?.id ?? -1) ?? null;
    const s = await settings();
    return {
      draft,
      settings: publicSettings(s),
      listingKey: draft ? listingKeyOf(draft) : null,
      code: draft ? ((await codes())[draft.reservationKey] ?? null) : null,
    };
  },

  async seamCall({ route, body }, sender) {
    const kind = Object.hasOwn(seamRoutes, route) ? seamRoutes[route] : undefined;
    if (!kind)
      return refusal(route, 'route_not_allowed', `The extension does not make ${route} calls.`);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return refusal(route, 'invalid_body', 'The body must be an object.');
    if (!client)
      return refusal(
        route,
        'extension_not_configured',
        "Enter your Seam credentials in the extension's options first.",
      );
    const creating = route === '/access_codes/create' || route === '/access_codes/create_multiple';
    const draft = tabDrafts.get(sender.tab?.id ?? -1);
    if (creating) {
      if (senderKind(sender) !== 'panel' || !draft)
        return refusal(route, 'no_reservation', 'Codes are created from a reservation panel.');
      const existing = (await codes())[draft.reservationKey];
      const phase = existing ? verifier?.getSnapshot(existing.accessCodeId)?.phase : undefined;
      if (existing && !(phase && TERMINAL.includes(phase))) {
        return refusal(
          route,
          'reservation_has_code',
          'This reservation already has a code; its status is shown instead of a second one.',
        );
      }
    }
    try {
      const value = await client.request(route, body, { kind });
      if (creating && draft) await adoptCreated(draft, route, value);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: errorJson(error) };
    }
  },

  async setMapping({ listingKey, name, deviceIds }) {
    if (
      typeof listingKey !== 'string' ||
      listingKey.length > 200 ||
      !Array.isArray(deviceIds) ||
      deviceIds.length === 0 ||
      deviceIds.length > 10 ||
      !deviceIds.every((id) => typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id))
    ) {
      throw new Error('a mapping needs a listing key and one to ten lock ids');
    }
    const s = await settings();
    const saved = await saveSettings({
      ...s,
      mappings: { ...s.mappings, [listingKey]: { name: String(name).slice(0, 160), deviceIds } },
    });
    // The chip of that listing's reservations stops saying "choose the lock".
    await pushToTabs((draft) => listingKeyOf(draft) === listingKey);
    return saved;
  },

  async removeMapping({ listingKey }) {
    const s = await settings();
    const mappings = { ...s.mappings };
    delete mappings[listingKey];
    const saved = await saveSettings({ ...s, mappings });
    await pushToTabs((draft) => listingKeyOf(draft) === listingKey);
    return saved;
  },

  async getSettings() {
    return publicSettings(await settings());
  },

  async saveCredentials(input) {
    const credentials: CredentialsInput = {
      kind: input.kind,
      endpoint: String(input.endpoint ?? '').trim(),
      ...(input.kind === 'client_session_token'
        ? { clientSessionToken: String(input.clientSessionToken ?? '').trim() }
        : {}),
      ...(input.kind === 'publishable_key'
        ? {
            publishableKey: String(input.publishableKey ?? '').trim(),
            userIdentifierKey: String(input.userIdentifierKey ?? '').trim(),
          }
        : {}),
      ...(input.kind === 'api_key' ? { apiKey: String(input.apiKey ?? '').trim() } : {}),
    };
    let endpoint: string | null;
    try {
      endpoint = clientFor(credentials).endpoint; // throws with what is wrong, before anything is stored
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    await saveCredentials(credentials);
    await connect(credentials);
    const s = await settings();
    return { ok: true, settings: await saveSettings({ ...s, kind: credentials.kind, endpoint }) };
  },

  async clearCredentials() {
    await clearCredentials();
    await connect(null);
    return saveSettings({ ...(await settings()), kind: null, endpoint: null });
  },

  async setSiteEnabled({ adapterId, enabled }) {
    if (!ADAPTER_IDS.includes(adapterId)) throw new Error('unknown site');
    const s = await settings();
    return saveSettings({ ...s, sites: { ...s.sites, [adapterId]: Boolean(enabled) } });
  },

  async addDevOrigin({ origin }) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return { ok: false, message: 'Enter an origin such as http://127.0.0.1:8790.' };
    }
    if (!['localhost', '127.0.0.1'].includes(url.hostname) || url.protocol !== 'http:') {
      return {
        ok: false,
        message:
          'Only a local fixture server (http://localhost:… or http://127.0.0.1:…) can be added here.',
      };
    }
    const pattern = `${url.protocol}//${url.hostname}/*`;
    if (!(await browser.permissions.contains({ origins: [pattern] }))) {
      return {
        ok: false,
        message: `Allow access to ${pattern} first (the browser asks when you press Add).`,
      };
    }
    const id = `dev-${url.hostname}`;
    const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
    if (registered.length === 0) {
      await browser.scripting.registerContentScripts([
        {
          id,
          matches: [pattern],
          js: ['router.js'],
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
    }
    const s = await settings();
    const devOrigins = [...new Set([...s.devOrigins, url.origin])];
    return { ok: true, settings: await saveSettings({ ...s, devOrigins }) };
  },

  async listRecent() {
    const all = Object.values(await codes())
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, 10);
    return all.map((record) => ({
      ...record,
      phase: verifier?.getSnapshot(record.accessCodeId)?.phase ?? null,
    }));
  },

  async scanActiveTab({ tabId }) {
    if (!Number.isInteger(tabId)) return { ok: false, message: 'no tab' };
    scannedTabs.add(tabId);
    await rememberTabs();
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/scan.js'] });
      return { ok: true, message: 'Scanned.' };
    } catch (error) {
      scannedTabs.delete(tabId);
      return {
        ok: false,
        message: `This page cannot be scanned: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  },
};

/** After Seam accepted a create: remember the code for the reservation and follow it. */
async function adoptCreated(draft: ReservationDraft, route: string, value: unknown): Promise<void> {
  const response = value as {
    access_code?: { access_code_id?: string; device_id?: string };
    access_codes?: { access_code_id?: string; device_id?: string }[];
  };
  const created =
    route === '/access_codes/create' ? [response.access_code] : (response.access_codes ?? []);
  const first = created[0];
  if (!first?.access_code_id) return;
  const label =
    [draft.confirmationCode?.value, draft.listing.name?.value].filter(Boolean).join(' · ') ||
    draft.reservationKey;
  await recordCode({
    reservationKey: draft.reservationKey,
    accessCodeId: first.access_code_id,
    deviceIds: created.map((c) => c?.device_id ?? '').filter(Boolean),
    label,
    createdAt: Date.now(),
  });
  for (const code of created) if (code) verifier?.watch(code as never);
  await pushStatus(first.access_code_id);
}

// ---------- wiring ----------

export function startBackground(): void {
  // Content scripts may read storage.local by default; nothing secret is there, and where the
  // browser supports it (Chrome 102+ for session, newer for local) we close it to them anyway.
  const local = browser.storage.local as unknown as {
    setAccessLevel?: (o: { accessLevel: string }) => Promise<void>;
  };
  local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => {});

  const ready = (async () => {
    const { tabDrafts: stored, scannedTabs: scanned } = await browser.storage.session.get([
      'tabDrafts',
      'scannedTabs',
    ]);
    for (const [id, draft] of Object.entries(
      (stored as Record<string, ReservationDraft> | undefined) ?? {},
    ))
      tabDrafts.set(Number(id), draft);
    for (const id of (scanned as number[] | undefined) ?? []) scannedTabs.add(id);
    try {
      await connect(await loadCredentials());
    } catch {
      client = null; // stored credentials no longer valid: the options page says so
    }
  })();

  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const envelope = message as Envelope;
    const kind = senderKind(sender);
    const type =
      typeof envelope?.type === 'string' && Object.hasOwn(handlers, envelope.type)
        ? envelope.type
        : null;
    if (
      !kind ||
      !type ||
      !(allowedSenders[type] as readonly string[]).includes(kind) ||
      typeof envelope.payload !== 'object' ||
      envelope.payload === null
    ) {
      sendResponse({ error: 'refused' });
      return false;
    }
    ready
      .then(() => (handlers[type] as Handler<MessageType>)(envelope.payload as never, sender))
      .then(
        (result) => sendResponse({ result }),
        (error: unknown) =>
          sendResponse({ error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    tabDrafts.delete(tabId);
    scannedTabs.delete(tabId);
    void rememberTabs();
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === KEEPALIVE)
      void ready.then(() => {
        verifier?.refresh();
        return keepAlive();
      });
  });
}
