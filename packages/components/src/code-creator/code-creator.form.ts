/**
 * The creator's form as templates: it renders a `FormView` (what form-model.ts says the form
 * shows) with its messages, and calls back on every edit. No state and no rules here: the
 * element keeps the state, the model decides.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Strings } from '../internal/strings/index.js';
import type { CreatorField, PinMode, Timing } from './code-creator.types.js';
import type { FormView, LockRules } from './form-model.js';

/** The messages under each field. */
export type Messages = Record<CreatorField, { errors: string[]; warnings: string[] }>;

/** The options a checkbox sets directly. */
export type FormOption =
  | 'preferNativeScheduling'
  | 'allowExternalModification'
  | 'useBackupAccessCodePool'
  | 'isOneTimeUse';

/** What the form calls back with, one handler per kind of edit. */
export interface FormHandlers {
  readonly submit: (event: SubmitEvent) => void;
  readonly name: (value: string) => void;
  readonly timing: (timing: Timing) => void;
  readonly time: (field: 'starts_at' | 'ends_at', wall: string) => void;
  readonly pinMode: (mode: PinMode) => void;
  readonly code: (value: string) => void;
  readonly suggest: () => void;
  readonly generate: () => void;
  readonly length: (length: number | null) => void;
  readonly option: (option: FormOption, checked: boolean) => void;
  readonly offline: (checked: boolean) => void;
}

/** Everything the form's templates read. */
export interface FormContext {
  readonly t: Strings;
  readonly view: FormView;
  readonly rules: LockRules;
  readonly messages: Messages;
  readonly nameHint: string;
  readonly pinHint: string;
  /** The hint under a time field for what it holds. */
  readonly timeHint: (wall: string) => string;
  readonly submitting: boolean;
  readonly generating: boolean;
  /** The message of an error not about one field, shown above the button. */
  readonly submitError: string | null;
  readonly lockCount: number;
  readonly on: FormHandlers;
}

/** The form: every field of the view, its messages, and the create button. */
export function renderForm(ctx: FormContext): TemplateResult {
  const t = ctx.t.creator;
  const { view, rules, messages } = ctx;
  return html`<form part="form" novalidate @submit=${ctx.on.submit} aria-describedby="device-title">
    ${
      messages.device.errors.length > 0
        ? html`<div id="device-errors" part="error" class="error-box" role="alert" tabindex="-1">
            <ul>
              ${messages.device.errors.map((message) => html`<li>${message}</li>`)}
            </ul>
          </div>`
        : nothing
    }
    ${
      messages.device.warnings.length > 0
        ? html`<ul class="cautions">
            ${messages.device.warnings.map(
              (message) => html`<li part="field-warning" class="warning-text">${message}</li>`,
            )}
          </ul>`
        : nothing
    }
    ${textField('name', t.name, view.name, messages.name, {
      hint: ctx.nameHint,
      autocomplete: 'off',
      onInput: ctx.on.name,
    })}
    <fieldset part="field" class="field">
      <legend part="label">${t.timing}</legend>
      <div class="choices">
        ${radio(
          'timing',
          'ongoing',
          t.ongoing,
          view.timing === 'ongoing',
          () => ctx.on.timing('ongoing'),
          !view.ongoingAllowed,
        )}
        ${radio('timing', 'time_bound', t.timeBound, view.timing === 'time_bound', () =>
          ctx.on.timing('time_bound'),
        )}
      </div>
    </fieldset>
    ${
      view.window !== null
        ? html`${timeField(ctx, 'starts_at', t.startsAt, view.window.startsAt, messages.starts_at)}
          ${timeField(ctx, 'ends_at', t.endsAt, view.window.endsAt, messages.ends_at)}`
        : nothing
    }
    ${view.pinMode !== null ? pinField(ctx) : noPin(ctx)} ${advanced(ctx)}
    ${
      ctx.submitError !== null
        ? html`<div id="submit-error" part="error" class="error-box" role="alert" tabindex="-1">
            ${ctx.submitError}
          </div>`
        : nothing
    }
    <div class="actions">
      <button
        id="submit"
        part="button submit"
        class="primary"
        type="submit"
        aria-disabled=${ctx.submitting ? 'true' : 'false'}
      >
        ${ctx.submitting ? t.creating : rules.multiple ? t.createOnMany(ctx.lockCount) : t.create}
      </button>
    </div>
  </form>`;
}

function textField(
  id: CreatorField,
  label: string,
  value: string,
  messages: { errors: string[]; warnings: string[] },
  options: {
    hint?: string;
    autocomplete?: string;
    inputmode?: string;
    onInput: (value: string) => void;
    extra?: TemplateResult;
  },
): TemplateResult {
  const invalid = messages.errors.length > 0;
  const describedBy = [
    options.hint ? `${id}-hint` : '',
    invalid ? `${id}-error` : '',
    messages.warnings.length > 0 ? `${id}-warning` : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  return html`<div part="field" class="field">
    <label part="label" for=${id}>${label}</label>
    <div class="control-row">
      <input
        part="control"
        id=${id}
        name=${id}
        .value=${live(value)}
        autocomplete=${options.autocomplete ?? 'off'}
        inputmode=${options.inputmode ?? nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(event: InputEvent) => options.onInput((event.target as HTMLInputElement).value)}
      />
      ${options.extra ?? nothing}
    </div>
    ${options.hint ? html`<p part="hint" id=${`${id}-hint`} class="hint muted">${options.hint}</p>` : nothing}
    ${fieldMessages(id, messages)}
  </div>`;
}

function fieldMessages(
  id: string,
  messages: { errors: string[]; warnings: string[] },
): TemplateResult | typeof nothing {
  return html`${
    messages.errors.length > 0
      ? html`<div part="field-error" id=${`${id}-error`} class="error-text">
          ${messages.errors.map((message) => html`<p>${message}</p>`)}
        </div>`
      : nothing
  }
  ${
    messages.warnings.length > 0
      ? html`<div part="field-warning" id=${`${id}-warning`} class="warning-text">
          ${messages.warnings.map((message) => html`<p>${message}</p>`)}
        </div>`
      : nothing
  }`;
}

function timeField(
  ctx: FormContext,
  id: 'starts_at' | 'ends_at',
  label: string,
  value: string,
  messages: { errors: string[]; warnings: string[] },
): TemplateResult {
  const invalid = messages.errors.length > 0;
  const hint = ctx.timeHint(value);
  return html`<div part="field" class="field">
    <label part="label" for=${id}>${label}</label>
    <input
      part="control"
      id=${id}
      name=${id}
      type="datetime-local"
      .value=${live(value)}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${[`${id}-hint`, invalid ? `${id}-error` : ''].join(' ').trim()}
      @input=${(event: InputEvent) => {
        ctx.on.time(id, (event.target as HTMLInputElement).value);
      }}
    />
    <p part="hint" id=${`${id}-hint`} class="hint muted">${hint}</p>
    ${fieldMessages(id, messages)}
  </div>`;
}

function radio(
  name: string,
  value: string,
  label: string,
  checked: boolean,
  onChange: () => void,
  disabled = false,
): TemplateResult {
  const id = `${name}-${value}`;
  return html`<label class="choice" for=${id}>
    <input
      type="radio"
      id=${id}
      name=${name}
      value=${value}
      .checked=${live(checked)}
      ?disabled=${disabled}
      @change=${onChange}
    />
    <span>${label}</span>
  </label>`;
}

function checkbox(
  id: string,
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
  hint?: string,
  disabled = false,
): TemplateResult {
  return html`<div class="check">
    <input
      type="checkbox"
      id=${id}
      .checked=${live(checked)}
      ?disabled=${disabled}
      aria-describedby=${hint ? `${id}-hint` : nothing}
      @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${label}</label>
    ${hint ? html`<p id=${`${id}-hint`} class="hint muted">${hint}</p>` : nothing}
  </div>`;
}

function pinField(ctx: FormContext): TemplateResult {
  const t = ctx.t.creator;
  const { view, rules, messages } = ctx;
  return html`<fieldset part="field" class="field">
    <legend part="label">${t.pin}</legend>
    <div class="choices">
      ${radio('pin-mode', 'choose', t.choosePin, view.pinMode === 'choose', () =>
        ctx.on.pinMode('choose'),
      )}
      ${radio('pin-mode', 'seam', t.seamPicks, view.pinMode === 'seam', () =>
        ctx.on.pinMode('seam'),
      )}
    </div>
    ${
      view.code !== null
        ? textField('code', t.pinCode, view.code, messages.code, {
            hint: ctx.pinHint,
            inputmode: 'numeric',
            autocomplete: 'off',
            onInput: ctx.on.code,
            extra: html`<button part="button" type="button" @click=${ctx.on.suggest}>
                ${t.suggest}
              </button>
              <button
                part="button"
                type="button"
                aria-disabled=${ctx.generating || rules.multiple ? 'true' : 'false'}
                ?hidden=${rules.multiple}
                @click=${ctx.on.generate}
              >
                ${ctx.generating ? t.generating : t.generate}
              </button>`,
          })
        : lengthSelect(ctx)
    }
  </fieldset>`;
}

function lengthSelect(ctx: FormContext): TemplateResult {
  const t = ctx.t.creator;
  const { view, rules, messages } = ctx;
  const selected = view.preferredCodeLength?.value ?? null;
  const invalid = messages.preferred_code_length.errors.length > 0;
  return html`<div part="field" class="field">
    <label part="label" for="preferred_code_length">${t.pinLength}</label>
    <select
      part="control"
      id="preferred_code_length"
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? 'preferred_code_length-error' : nothing}
      @change=${(event: Event) => {
        const value = (event.target as HTMLSelectElement).value;
        ctx.on.length(value === '' ? null : Number(value));
      }}
    >
      <option value="" ?selected=${selected === null}>${t.anyLength}</option>
      ${rules.lengths.map(
        (length) =>
          html`<option value=${length} ?selected=${selected === length}>
            ${t.digits(length)}
          </option>`,
      )}
    </select>
    ${fieldMessages('preferred_code_length', messages.preferred_code_length)}
  </div>`;
}

function noPin(ctx: FormContext): TemplateResult {
  const t = ctx.t.creator;
  const { view, messages } = ctx;
  return html`<div part="field" class="field">
      <p class="muted">${view.noPin === 'offline' ? t.offlinePin : t.lockPicksPinNote}</p>
      ${fieldMessages('code', messages.code)}
    </div>
    ${view.preferredCodeLength !== null ? lengthSelect(ctx) : nothing}`;
}

function advanced(ctx: FormContext): TemplateResult | typeof nothing {
  const t = ctx.t.creator;
  const { rules } = ctx;
  const { options: shown } = ctx.view;
  const options: TemplateResult[] = [];
  if (shown.preferNativeScheduling !== undefined) {
    options.push(
      checkbox(
        'prefer_native_scheduling',
        t.preferNative,
        shown.preferNativeScheduling,
        (checked) => ctx.on.option('preferNativeScheduling', checked),
        t.preferNativeHint,
      ),
    );
  }
  if (shown.allowExternalModification !== undefined) {
    options.push(
      checkbox(
        'allow_external_modification',
        t.allowExternal,
        shown.allowExternalModification,
        (checked) => ctx.on.option('allowExternalModification', checked),
        t.allowExternalHint,
      ),
    );
  }
  if (shown.useBackupAccessCodePool !== undefined) {
    options.push(
      checkbox(
        'use_backup_access_code_pool',
        t.backupPool,
        shown.useBackupAccessCodePool,
        (checked) => ctx.on.option('useBackupAccessCodePool', checked),
        t.backupPoolHint,
      ),
    );
  }
  if (shown.isOfflineAccessCode !== undefined) {
    options.push(
      checkbox(
        'is_offline_access_code',
        t.offlineCode,
        shown.isOfflineAccessCode,
        ctx.on.offline,
        rules.canTakeOnline ? t.offlineCodeHint : t.offlineOnlyHint,
        !rules.canTakeOnline,
      ),
    );
  }
  if (shown.isOneTimeUse !== undefined) {
    options.push(
      checkbox(
        'is_one_time_use',
        t.oneTimeUse,
        shown.isOneTimeUse,
        (checked) => ctx.on.option('isOneTimeUse', checked),
        t.oneTimeUseHint,
      ),
    );
  }
  if (options.length === 0) return nothing;
  return html`<details part="advanced" class="advanced" ?open=${shown.isOfflineAccessCode === true}>
    <summary>${t.advanced}</summary>
    <div class="advanced-options">${options}</div>
  </details>`;
}
