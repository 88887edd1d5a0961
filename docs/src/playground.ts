/**
 * The playground (it was packages/components/playground, a second app with its own server): both
 * elements on any lock of the catalogue, configured as a PMS page would, in the story's world. A
 * lock picker, a "codes created here" list where each code gets its own <seam-code-status>, and
 * the sandbox buttons (make the next set fail, move the clock) now in the toolbar and the bar.
 */
import type { SeamCodeCreatedEvent } from '@seam-codes/components';
import { SANDBOX_CATALOGUE, SANDBOX_DEVICE_ROLES } from '@seam-codes/sandbox';
import { html, type TemplateResult } from 'lit';
import type { World } from './world.js';

export function playground(world: World): TemplateResult {
  const onCreated = (event: SeamCodeCreatedEvent): void => {
    const list = (event.currentTarget as HTMLElement)
      .closest('.seam-playground')
      ?.querySelector('.seam-playground-codes');
    for (const accessCode of event.detail.accessCodes) {
      const status = document.createElement('seam-code-status');
      status.setAttribute('access-code-id', accessCode.access_code_id);
      list?.prepend(status);
    }
  };
  const onPick = (event: Event): void => {
    const select = event.currentTarget as HTMLSelectElement;
    const root = select.closest('.seam-playground')!;
    const creator = root.querySelector('seam-code-creator')!;
    creator.reset();
    creator.setAttribute('device-id', select.value);
    const role = SANDBOX_DEVICE_ROLES.find((r) => SANDBOX_CATALOGUE.devices[r] === select.value);
    root.querySelector('.seam-playground-description')!.textContent = role
      ? SANDBOX_CATALOGUE.descriptions[role]
      : '';
  };
  const sandboxLocks = world.backend !== 'seam';
  return html`<div class="seam-playground">
    <p class="seam-note">
      Both elements, configured with attributes as any page would. Pick a lock, create a code and
      watch it reach the lock; the toolbar injects faults and changes language and theme, the bar
      moves the clock.
    </p>
    ${
      sandboxLocks
        ? html`<label class="seam-playground-pick"
              >Lock
              <select @change=${onPick}>
                ${SANDBOX_DEVICE_ROLES.map(
                  (role) =>
                    html`<option
                      value=${SANDBOX_CATALOGUE.devices[role]}
                      ?selected=${SANDBOX_CATALOGUE.devices[role] === world.deviceId}
                    >
                      ${role}
                    </option>`,
                )}
              </select></label
            >
            <p class="seam-note seam-playground-description">
              ${world.role ? SANDBOX_CATALOGUE.descriptions[world.role] : ''}
            </p>`
        : null
    }
    <div class="seam-columns">
      <section aria-labelledby="playground-create">
        <h2 id="playground-create">Create</h2>
        <seam-code-creator
          device-id=${world.deviceId}
          @seam-code-created=${onCreated}
        ></seam-code-creator>
      </section>
      <section aria-labelledby="playground-codes">
        <h2 id="playground-codes">Codes created here</h2>
        <div class="seam-playground-codes seam-content"></div>
      </section>
    </div>
  </div>`;
}
