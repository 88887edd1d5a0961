/** The toolbar popup: the latest codes the extension created, with their live state, and the scan. */
import { html, nothing, render } from 'lit/html.js';
import { chipStrings } from '../content/strings.js';
import { send } from '../messaging.js';
import type { RecentCode } from '../protocol.js';

const t = chipStrings(navigator.language);
const root = document.getElementById('app')!;
let recent: RecentCode[] | null = null;
let scan = '';

async function scanPage(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  scan = (await send('scanActiveTab', { tabId: tab.id })).message;
  draw();
}

function draw(): void {
  render(
    html`<header><h1>Seam door codes</h1></header>
      <main>
        <h2>Recent codes</h2>
        ${
          recent === null
            ? html`<p>…</p>`
            : recent.length === 0
              ? html`<p class="hint">No code created from the extension yet.</p>`
              : html`<ul class="recent">
                  ${recent.map(
                    (c) =>
                      html`<li data-code=${c.accessCodeId}>
                        <strong>${c.label}</strong> ·
                        <span data-phase=${c.phase ?? nothing}
                          >${c.phase ? t.phases[c.phase] : t.checking}</span
                        >
                        <br /><span class="hint">${new Date(c.createdAt).toLocaleString()}</span>
                      </li>`,
                  )}
                </ul>`
        }
        <p><button type="button" @click=${scanPage}>Scan this page for a reservation</button></p>
        ${scan ? html`<p role="status">${scan}</p>` : nothing}
        <p>
          <button type="button" class="link" @click=${() => browser.runtime.openOptionsPage()}>
            Options
          </button>
        </p>
      </main>`,
    root,
  );
}

async function refresh(): Promise<void> {
  recent = await send('listRecent', {});
  draw();
}

draw();
void refresh();
setInterval(() => void refresh(), 3000);
