/**
 * Where the credentials live. Content scripts can read `storage.local` (and `sync`), so no secret
 * goes there. A client session token or a development API key is kept in `storage.session`
 * (memory only, trusted contexts only, gone when the browser restarts: enter it again). A
 * publishable key with its per-install user identifier key is kept in the extension origin's
 * IndexedDB, which no web page and no content script can open.
 */
import { openDB } from 'idb';
import type { CredentialsInput } from '../protocol.js';

const DB = 'seam-extension-secrets';
const STORE = 'secrets';
const KEY = 'credentials';

const db = () =>
  openDB(DB, 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
  });

export async function loadCredentials(): Promise<CredentialsInput | null> {
  const session = (await browser.storage.session.get(KEY))[KEY] as CredentialsInput | undefined;
  if (session) return session;
  const stored = (await (await db()).get(STORE, KEY)) as CredentialsInput | undefined;
  return stored ?? null;
}

export async function saveCredentials(credentials: CredentialsInput): Promise<void> {
  await clearCredentials();
  if (credentials.kind === 'publishable_key') await (await db()).put(STORE, credentials, KEY);
  else await browser.storage.session.set({ [KEY]: credentials });
}

export async function clearCredentials(): Promise<void> {
  await browser.storage.session.remove(KEY);
  await (await db()).delete(STORE, KEY);
}
