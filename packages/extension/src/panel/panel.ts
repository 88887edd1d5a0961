/**
 * The panel: an extension page the content script frames into the reservation page. It hosts the
 * real `<seam-code-creator>` and `<seam-code-status>`, whose Seam calls go to the background
 * through the messaging transport. The page cannot read or drive it (another origin), and the
 * elements' events, which carry the PIN, stay in here.
 */
import '@seam-codes/components/define.js';
import { SeamClient } from '@seam-codes/core';
import { html, nothing, render, type TemplateResult } from 'lit/html.js';
import { messagingTransport, send } from '../messaging.js';
import type { PanelInit } from '../protocol.js';
import type { ReservationDraft } from '../sites/types.js';
import { prefillOf } from './prefill.js';
import { panelStrings } from './strings.js';

type Device = Awaited<ReturnType<SeamClient['devices']['get']>>;

const t = panelStrings(navigator.language);
const client = new SeamClient({
  transport: messagingTransport(),
  retry: false,
  timeoutMs: Infinity,
});
const root = document.getElementById('app')!;

let state: PanelInit | null = null;
let devices: Device[] | null = null;
let devicesError = '';
let choosing = false;
let zoneConfirmed = false;
let lockZone: string | null = null;

function close(): void {
  window.parent.postMessage('seam-panel-close', '*'); // carries nothing; the content script checks our origin
}

function summary(draft: ReservationDraft): TemplateResult {
  const when = (f: ReservationDraft['checkIn']) =>
    !f
      ? t.missingValue
      : 'instant' in f.value
        ? new Date(f.value.instant).toUTCString()
        : `${f.value.date} ${f.value.time}`;
  const note = (f: ReservationDraft['checkIn']) =>
    f && f.confidence !== 'structured' && f.confidence !== 'text'
      ? ` (${t.confidence[f.confidence]})`
      : '';
  return html`<dl class="summary">
      <dt>${t.guest}</dt>
      <dd data-field="guest">${draft.guestName?.value ?? t.missingValue}</dd>
      <dt>${t.reservation}</dt>
      <dd data-field="code">${draft.confirmationCode?.value ?? draft.reservationId}</dd>
      <dt>${t.listing}</dt>
      <dd data-field="listing">
        ${draft.listing.name?.value ?? draft.listing.id?.value ?? t.missingValue}
      </dd>
      <dt>${t.checkIn}</dt>
      <dd data-field="check-in">${when(draft.checkIn)}${note(draft.checkIn)}</dd>
      <dt>${t.checkOut}</dt>
      <dd data-field="check-out">${when(draft.checkOut)}${note(draft.checkOut)}</dd>
      <dt>${t.zone}</dt>
      <dd data-field="zone">
        ${draft.timeZone ? `${draft.timeZone.value} (${draft.displayedTimesAre === 'viewer-local' ? t.zoneViewer : t.zonePage})` : draft.displayedTimesAre === 'exact' ? t.zoneExact : t.zoneLock}
      </dd>
    </dl>
    ${
      draft.missing.length || draft.problems.length
        ? html`<div class="notice" role="status" data-notice="incomplete">
            ${draft.missing.length ? html`<p>${t.missingList(draft.missing.map((m) => t.fields[m] ?? m))}</p>` : nothing}
            ${draft.problems.map((p) => html`<p>${p}</p>`)}
          </div>`
        : nothing
    }`;
}

async function loadDevices(): Promise<void> {
  try {
    devices = await client.devices.list({});
    devicesError = '';
  } catch (error) {
    devicesError = error instanceof Error ? error.message : String(error);
  }
  draw();
}

function chooser(init: PanelInit): TemplateResult {
  if (!devices && !devicesError) void loadDevices();
  const listing = init.draft?.listing.name?.value ?? init.draft?.listing.id?.value ?? '';
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const deviceIds = [
      ...form.querySelectorAll<HTMLInputElement>('input[name=device]:checked'),
    ].map((i) => i.value);
    if (deviceIds.length === 0 || !init.listingKey) return;
    await send('setMapping', { listingKey: init.listingKey, name: listing, deviceIds });
    choosing = false;
    await refresh();
  };
  return html`<form class="chooser" @submit=${save} data-step="map">
    <h2>${t.chooseLock(listing)}</h2>
    ${devicesError ? html`<p class="error" role="alert">${devicesError}</p>` : nothing}
    ${devices === null && !devicesError ? html`<p>${t.loading}</p>` : nothing}
    <fieldset>
      <legend>${t.locks}</legend>
      ${(devices ?? []).map(
        (d) =>
          html`<label
            ><input
              type="checkbox"
              name="device"
              value=${d.device_id}
              ?checked=${init.listingKey ? init.settings.mappings[init.listingKey]?.deviceIds.includes(d.device_id) : false}
            />
            ${d.display_name ?? d.properties?.name ?? d.device_id}</label
          >`,
      )}
    </fieldset>
    <button type="submit">${t.useLocks}</button>
    <p class="hint">${t.mappingHint}</p>
  </form>`;
}

async function checkZone(draft: ReservationDraft, deviceId: string): Promise<void> {
  try {
    const device = await client.devices.get({ device_id: deviceId });
    lockZone = (device.location as { timezone?: string } | null)?.timezone ?? null;
  } catch {
    lockZone = null;
  }
  if (!draft.timeZone || !lockZone || lockZone === draft.timeZone.value) zoneConfirmed = true;
  draw();
}

function creator(init: PanelInit): TemplateResult {
  const draft = init.draft!;
  const mapping = init.listingKey ? init.settings.mappings[init.listingKey] : undefined;
  if (!mapping) return chooser(init);
  const first = mapping.deviceIds[0]!;
  if (lockZone === null && !zoneConfirmed) {
    void checkZone(draft, first);
    return html`<p>${t.loading}</p>`;
  }
  if (!zoneConfirmed) {
    return html`<div class="notice" role="alert" data-notice="zone">
      <p>${t.zoneMismatch(draft.timeZone!.value, lockZone!)}</p>
      <button
        type="button"
        @click=${() => {
          zoneConfirmed = true;
          draw();
        }}
      >
        ${t.zoneUsePage(draft.timeZone!.value)}
      </button>
    </div>`;
  }
  const p = prefillOf(draft);
  return html` <p class="lock-line">
      ${t.lockFor(mapping.name)}
      <button
        type="button"
        class="link"
        @click=${() => {
          choosing = true;
          draw();
        }}
      >
        ${t.change}
      </button>
    </p>
    <seam-code-creator
      .client=${client}
      device-id=${mapping.deviceIds.length === 1 ? first : nothing}
      device-ids=${mapping.deviceIds.length > 1 ? mapping.deviceIds.join(' ') : nothing}
      name=${p.name}
      starts-at=${p.startsAt || nothing}
      ends-at=${p.endsAt || nothing}
      time-zone=${p.timeZone || nothing}
      @seam-code-created=${() => void refresh()}
    ></seam-code-creator>`;
}

function body(init: PanelInit): TemplateResult {
  if (!init.draft) return html`<p>${t.noReservation}</p>`;
  if (!init.settings.configured) {
    return html`${summary(init.draft)}
      <div class="notice" data-notice="setup">
        <p>${t.setup}</p>
        <button type="button" @click=${() => browser.runtime.openOptionsPage()}>
          ${t.openOptions}
        </button>
      </div>`;
  }
  if (init.code) {
    return html`${summary(init.draft)}<seam-code-status
        .client=${client}
        access-code-id=${init.code.accessCodeId}
      ></seam-code-status>`;
  }
  if (choosing) return html`${summary(init.draft)}${chooser(init)}`;
  return html`${summary(init.draft)}${creator(init)}`;
}

function draw(): void {
  render(
    html`<header>
        <h1>${t.title}</h1>
        <button type="button" class="close" aria-label=${t.close} @click=${close}>×</button>
      </header>
      <main>${state ? body(state) : html`<p>${t.loading}</p>`}</main>`,
    root,
  );
}

async function refresh(): Promise<void> {
  state = await send('panelInit', {});
  draw();
}

document.documentElement.lang = t.lang;
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') close();
});
draw();
void refresh();
