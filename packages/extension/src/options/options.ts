/**
 * The options page: credentials (the only place they are typed: an extension page, never a web
 * page), which sites the extension reads, the listing -> lock mappings, and a local fixture
 * server for trying the extension. Typed values stay when something is wrong.
 */
import { html, nothing, render } from 'lit/html.js';
import { send } from '../messaging.js';
import type { CredentialKind, PublicSettings } from '../protocol.js';
import { siteAdapters } from '../sites/registry.js';

const root = document.getElementById('app')!;
let settings: PublicSettings | null = null;
let kind: CredentialKind = 'client_session_token';
let message: { text: string; error: boolean } | null = null;
let devMessage: { text: string; error: boolean } | null = null;
let testResult = '';

const value = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';

async function saveCredentials(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  const answer = await send('saveCredentials', {
    kind,
    endpoint: value(form, 'endpoint'),
    clientSessionToken: value(form, 'clientSessionToken'),
    publishableKey: value(form, 'publishableKey'),
    userIdentifierKey: value(form, 'userIdentifierKey'),
    apiKey: value(form, 'apiKey'),
  });
  if (answer.ok) {
    settings = answer.settings;
    message = {
      text: 'Saved. The secret is kept by the extension only and is not shown again.',
      error: false,
    };
    for (const name of ['clientSessionToken', 'apiKey']) {
      const input = form.elements.namedItem(name) as HTMLInputElement | null;
      if (input) input.value = '';
    }
  } else message = { text: answer.message, error: true };
  draw();
}

async function testConnection(): Promise<void> {
  testResult = 'Testing…';
  draw();
  const answer = await send('seamCall', { route: '/devices/list', body: {} });
  testResult = answer.ok
    ? `Connected: ${((answer.value as { devices?: unknown[] }).devices ?? []).length} locks and other devices visible.`
    : `Not connected: ${String((answer.error as { message?: string })?.message ?? 'unknown error')}`;
  draw();
}

async function addDevOrigin(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const origin = value(event.target as HTMLFormElement, 'origin').trim();
  let pattern: string;
  let shown: string;
  try {
    // `npm start` prints the fixture server as http://127.0.0.1:8790/ (a trailing slash, which
    // people paste): keep the origin only.
    const url = new URL(origin);
    pattern = `${url.protocol}//${url.hostname}/*`;
    shown = url.origin;
  } catch {
    devMessage = { text: 'Enter an origin such as http://127.0.0.1:8790.', error: true };
    draw();
    return;
  }
  // The permission prompt needs this click; the background then registers the content script.
  const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
  if (!granted) {
    devMessage = { text: `Access to ${pattern} was not granted.`, error: true };
  } else {
    const answer = await send('addDevOrigin', { origin });
    if (answer.ok) {
      settings = answer.settings;
      devMessage = { text: `Added. Open ${shown}/ and pick a fixture page.`, error: false };
    } else devMessage = { text: answer.message, error: true };
  }
  draw();
}

function credentialFields() {
  switch (kind) {
    case 'client_session_token':
      return html`<label
        >Client session token
        <input type="password" name="clientSessionToken" autocomplete="off" placeholder="seam_cst…"
      /></label>`;
    case 'publishable_key':
      return html`<label
          >Publishable key
          <input type="text" name="publishableKey" autocomplete="off" placeholder="seam_pk…"
        /></label>
        <label
          >User identifier key <input type="password" name="userIdentifierKey" autocomplete="off"
        /></label>
        <button
          type="button"
          @click=${(e: Event) => {
            const input = (e.target as HTMLElement)
              .closest('form')!
              .elements.namedItem('userIdentifierKey') as HTMLInputElement;
            input.value = crypto.randomUUID();
          }}
        >
          Generate a new user identifier key
        </button>`;
    case 'api_key':
      return html`<label
          >API key (local sandbox only)
          <input type="password" name="apiKey" autocomplete="off" placeholder="seam_sandbox_…"
        /></label>
        <p class="hint">
          For development against <code>seam-sandbox serve</code>. An API key is refused for any
          other endpoint.
        </p>`;
  }
}

function draw(): void {
  const s = settings;
  render(
    html`<header><h1>Seam door codes: options</h1></header>
      <main>
        <section aria-labelledby="cred-h">
          <h2 id="cred-h">Seam credentials</h2>
          <p data-field="status">
            ${s?.configured ? `Connected with a ${s.kind?.replace(/_/g, ' ')} to ${s.endpoint}.` : 'Not set up yet.'}
          </p>
          <form @submit=${saveCredentials}>
            <label
              >Credential
              <select
                name="kind"
                @change=${(e: Event) => {
                  kind = (e.target as HTMLSelectElement).value as CredentialKind;
                  draw();
                }}
              >
                <option value="client_session_token" ?selected=${kind === 'client_session_token'}>
                  Client session token
                </option>
                <option value="publishable_key" ?selected=${kind === 'publishable_key'}>
                  Publishable key + user identifier key
                </option>
                <option value="api_key" ?selected=${kind === 'api_key'}>
                  API key (development, local sandbox)
                </option>
              </select>
            </label>
            <label
              >Endpoint <input type="url" name="endpoint" placeholder="https://connect.getseam.com"
            /></label>
            ${credentialFields()}
            <p>
              <button type="submit">Save</button>
              <button
                type="button"
                @click=${async () => {
                  settings = await send('clearCredentials', {});
                  message = { text: 'Removed.', error: false };
                  draw();
                }}
              >
                Remove credentials
              </button>
              <button type="button" ?disabled=${!s?.configured} @click=${testConnection}>
                Test connection
              </button>
            </p>
            ${message ? html`<p role=${message.error ? 'alert' : 'status'} class=${message.error ? 'error' : ''}>${message.text}</p>` : nothing}
            ${testResult ? html`<p role="status" data-field="test">${testResult}</p>` : nothing}
          </form>
        </section>
        <section aria-labelledby="sites-h">
          <h2 id="sites-h">Sites</h2>
          ${siteAdapters.map(
            (a) =>
              html`<label
                ><input
                  type="checkbox"
                  ?checked=${s?.sites[a.id] !== false}
                  @change=${async (e: Event) => {
                    settings = await send('setSiteEnabled', {
                      adapterId: a.id,
                      enabled: (e.target as HTMLInputElement).checked,
                    });
                    draw();
                  }}
                />
                ${a.label}</label
              >`,
          )}
        </section>
        <section aria-labelledby="map-h">
          <h2 id="map-h">Listings and their locks</h2>
          ${
            s && Object.keys(s.mappings).length
              ? html`<table>
                  <thead>
                    <tr>
                      <th>Listing</th>
                      <th>Locks</th>
                      <th></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${Object.entries(s.mappings).map(
                      ([key, m]) =>
                        html`<tr>
                          <td title=${key}>${m.name || key}</td>
                          <td>${m.deviceIds.join(', ')}</td>
                          <td>
                            <button
                              type="button"
                              @click=${async () => {
                                settings = await send('removeMapping', { listingKey: key });
                                draw();
                              }}
                            >
                              Remove
                            </button>
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
              : html`<p class="hint">
                  None yet: the panel asks for the lock the first time you open a listing's
                  reservation.
                </p>`
          }
        </section>
        <section aria-labelledby="dev-h">
          <h2 id="dev-h">Local fixture server (development)</h2>
          <form @submit=${addDevOrigin}>
            <label
              >Origin <input type="url" name="origin" placeholder="http://127.0.0.1:8790"
            /></label>
            <button type="submit">Add</button>
          </form>
          ${devMessage ? html`<p role=${devMessage.error ? 'alert' : 'status'} class=${devMessage.error ? 'error' : ''}>${devMessage.text}</p>` : nothing}
          ${s?.devOrigins.length ? html`<p>Added: ${s.devOrigins.join(', ')}</p>` : nothing}
        </section>
      </main>`,
    root,
  );
}

draw();
void send('getSettings', {}).then((s) => {
  settings = s;
  if (s.kind) kind = s.kind;
  draw();
});
