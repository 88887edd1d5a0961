import {
  describeCapabilities,
  formatInstant,
  instantToZonedWallTime,
  isSeamInvalidInputError,
  isSeamUnauthorizedError,
  isValidTimeZone,
  suggestCode,
  validateCodeDraft,
  zonedWallTimeToInstant,
  getValidationErrorMessages,
  type AccessCodeDraft,
  type CreateAccessCodeInput,
  type CreateAccessCodesInput,
  type DeviceCapabilities,
  type DraftIssue,
  type ExistingCode,
  type SeamClient,
} from '@seam-codes/core';
import type { AccessCode, ActionAttempt, Device } from '@seamapi/types/connect';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SeamStatusChangeEvent } from '../code-status/code-status.events.js';
import { STATUS_EXPORTPARTS } from '../code-status/code-status.parts.js';
import { SeamConnectedElement, type SeamConnection } from '../internal/connected-element.js';
import { describeError, type DescribedError } from '../internal/errors.js';
import { SeamErrorEvent } from '../internal/events.js';
import { formatLengths, issueText, reasonText } from '../internal/issue-text.js';
import { loadOnce } from '../internal/load-once.js';
import { viewerTimeZone } from '../internal/locale.js';
import { SeamElement } from '../internal/seam-element.js';
import styles from './code-creator.styles.js';
import { renderForm, type FormHandlers, type Messages } from './code-creator.form.js';
import {
  SeamCodeCreatedEvent,
  SeamCodeSetEvent,
  SeamCodeSubmitEvent,
} from './code-creator.events.js';
import type { CreatorField, CreatorForm, PinMode, Timing } from './code-creator.types.js';
import {
  defaultWindow,
  draftOf,
  freshForm,
  lockRules,
  presetWallTime,
  setOffline,
  setPinMode,
  setTiming,
  switchLocks,
  viewOf,
  type FormPresets,
  type LockRules,
} from './form-model.js';

/** One lock the code goes to, with what the form needs to know about it. */
interface Target {
  readonly device: Device;
  readonly existingCodes: readonly ExistingCode[];
  readonly capabilities: DeviceCapabilities;
}

/** What the element is doing. */
type View = 'idle' | 'loading' | 'load_error' | 'ready' | 'created';

/** Reasons a lock can never take a code; the others may pass (a keypad plugged back in). */
const PERMANENT_REASONS: ReadonlySet<string> = new Set([
  'online_access_codes_unsupported',
  'no_keypad',
]);

/** Where the time zone of the form's wall times comes from. */
type ZoneSource = 'lock' | 'attribute' | 'browser';

const FIELDS: readonly CreatorField[] = [
  'device',
  'name',
  'starts_at',
  'ends_at',
  'code',
  'preferred_code_length',
];

/** Seam's request parameters, mapped onto the form's fields for server-side messages. */
const SERVER_FIELDS: Readonly<Record<string, CreatorField>> = {
  device_id: 'device',
  device_ids: 'device',
  name: 'name',
  code: 'code',
  starts_at: 'starts_at',
  ends_at: 'ends_at',
  preferred_code_length: 'preferred_code_length',
};

/** Splits a space- or comma-separated attribute into ids. */
const idList = {
  fromAttribute: (value: string | null): string[] =>
    (value ?? '').split(/[\s,]+/).filter((id) => id !== ''),
  toAttribute: (value: string[]): string => value.join(' '),
};

/**
 * Lets a host create an access code on one lock, or the same PIN on several, and watch it reach
 * the lock. It loads the lock(s) first and shows, in words, what they accept; a lock that cannot
 * take a code gets an explanation and what to do instead of a form. Times are entered in the
 * lock's time zone. Each submit creates exactly one code, even on double clicks or a lost
 * response, and what the user typed survives every error.
 *
 * @customElement seam-code-creator
 * @tagname seam-code-creator
 * @summary Creates an access code on a lock and follows it until it is set.
 *
 * @fires {SeamCodeSubmitEvent} seam-code-submit - Before the request is sent; cancelable. `detail.request` is the body.
 * @fires {SeamCodeCreatedEvent} seam-code-created - Seam accepted the code (HTTP success); `detail.accessCode`.
 * @fires {SeamCodeSetEvent} seam-code-set - The verifier saw the code on the lock; `detail.accessCode`.
 * @fires {SeamStatusChangeEvent} seam-status-change - From the status shown after creation: `detail.phase`, `detail.previousPhase`.
 * @fires {SeamErrorEvent} seam-error - A configuration, load or create error the element shows; `detail.code`, `detail.message`.
 * @fires {SeamSessionExpiredEvent} seam-session-expired - Seam refused the credentials (401): give a new token. Once per expiry and page.
 *
 * @csspart base - The element's box.
 * @csspart device - The summary of the lock(s): name and what they accept.
 * @csspart capabilities - The list of what the lock accepts.
 * @csspart cannot - The explanation shown instead of the form when the lock cannot take a code.
 * @csspart form - The form.
 * @csspart field - Each field (label, control, hint and message).
 * @csspart label - Each field's label.
 * @csspart control - Each input and select.
 * @csspart hint - The hint under a field.
 * @csspart field-error - The message under a field that needs fixing.
 * @csspart field-warning - A message under a field that does not block.
 * @csspart advanced - The disclosure with advanced options.
 * @csspart error - The message of an error that is not about one field.
 * @csspart button - Every button.
 * @csspart submit - The create button.
 * @csspart status - The status shown after creation (a `<seam-code-status>`).
 *
 * @cssproperty --seam-font-family - Font of the element (default: the system UI font; nothing is fetched).
 * @cssproperty --seam-font-size - Base font size (default 0.875rem).
 * @cssproperty --seam-space - Base spacing unit (default 0.5rem).
 * @cssproperty --seam-radius - Corner radius of controls (default 6px).
 * @cssproperty --seam-color-text - Text colour.
 * @cssproperty --seam-color-text-muted - Colour of hints and secondary text.
 * @cssproperty --seam-color-surface - Background.
 * @cssproperty --seam-color-surface-raised - Background of buttons and panels.
 * @cssproperty --seam-color-border - Borders of controls.
 * @cssproperty --seam-color-accent - Primary buttons and selected controls.
 * @cssproperty --seam-color-on-accent - Text on the accent colour.
 * @cssproperty --seam-color-danger - Errors.
 * @cssproperty --seam-color-warning - Warnings.
 * @cssproperty --seam-color-success - Success.
 * @cssproperty --seam-color-focus - Focus ring.
 * @cssproperty --seam-color-scheme - `light dark` (default: the viewer's preference), `light` or `dark`; inherited, so any ancestor may set it.
 * @cssproperty --seam-code-creator-max-width - Widest the element grows (default 32rem).
 *
 * @cssstate loading - The lock(s) are loading.
 * @cssstate ready - The form is shown.
 * @cssstate cannot - The lock cannot take a code; the explanation is shown.
 * @cssstate submitting - The create request is in flight.
 * @cssstate invalid - The form has errors to fix.
 * @cssstate created - The code was created; its status is shown.
 * @cssstate error - An error is shown.
 */
export class SeamCodeCreator extends SeamConnectedElement {
  static override styles = [...SeamElement.styles, styles];

  /** The lock to create the code on. */
  @property({ attribute: 'device-id', reflect: true }) deviceId = '';

  /**
   * Several locks that get one shared PIN (Seam's `create_multiple`), space- or comma-separated.
   * Combined with `device-id` when both are set.
   */
  @property({ attribute: 'device-ids', converter: idList }) deviceIds: string[] = [];

  /**
   * The IANA time zone of the property, used when the lock's `location.timezone` is unknown; the
   * browser's zone is the last resort.
   */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** The viewer's IANA time zone, shown beside lock times when it differs; default the browser's. */
  @property({ attribute: 'viewer-time-zone' }) viewerTimeZone = '';

  /** Prefills the name (e.g. the guest's name from a reservation). */
  @property({ attribute: 'name' }) presetName = '';

  /**
   * Prefills the start: a wall time in the lock's zone (`2026-12-03T15:00`) or an instant with an
   * offset (`2026-12-03T22:00:00Z`). With `ends-at`, the code is time-bound.
   */
  @property({ attribute: 'starts-at' }) presetStartsAt = '';

  /** Prefills the end, in the same forms as `starts-at`. */
  @property({ attribute: 'ends-at' }) presetEndsAt = '';

  /** Prefills the PIN. */
  @property({ attribute: 'code' }) presetCode = '';

  /** Prefills "Let Seam choose" with this PIN length. */
  @property({ attribute: 'preferred-code-length', type: Number }) presetPreferredCodeLength:
    number | undefined = undefined;

  /**
   * Source of randomness for suggested PINs; default `crypto.getRandomValues`.
   * @internal A test hook.
   */
  @property({ attribute: false }) random: () => number = () => {
    const buffer = new Uint32Array(1);
    crypto.getRandomValues(buffer);
    return (buffer[0] as number) / 2 ** 32;
  };

  @state() private view: View = 'idle';
  @state() private targets: readonly Target[] = [];
  @state() private loadError: DescribedError | null = null;
  @state() private form: CreatorForm = freshForm(null);
  /** Fields the user changed (for when messages show, and what survives a change of lock). */
  @state() private touched: ReadonlySet<CreatorField | 'timing'> = new Set();
  @state() private submitAttempted = false;
  @state() private serverErrors: Partial<Record<CreatorField, string[]>> = {};
  @state() private submitError: DescribedError | null = null;
  @state() private submitting = false;
  @state() private generating = false;
  @state() private created: readonly AccessCode[] = [];
  @state() private announcement = '';

  #loadKey = '';
  #loadToken = 0;
  #pendingPresets = new Set<'name' | 'window' | 'code' | 'length'>();
  #presetErrors: Partial<Record<CreatorField, string>> = {};
  #inFlight: Promise<void> | null = null;
  #setAnnounced = new Set<string>();
  #focusAfterRender: string | null = null;

  /** The locks the code goes to: `device-id` and `device-ids`, without repeats. */
  get targetDeviceIds(): string[] {
    return [...new Set([this.deviceId.trim(), ...this.deviceIds].filter((id) => id !== ''))];
  }

  /** Empties the form and starts over on the same lock(s), e.g. after a code was created. */
  reset(): void {
    this.form = this.#freshForm();
    this.#pendingPresets.clear();
    this.touched = new Set();
    this.submitAttempted = false;
    this.serverErrors = {};
    this.submitError = null;
    this.created = [];
    this.view = this.targets.length > 0 ? 'ready' : 'idle';
    this.#loadKey = '';
    // Back to the form, not to <body>: the first field takes the focus.
    this.#focusAfterRender = '#name';
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('presetName')) this.#pendingPresets.add('name');
    if (changed.has('presetStartsAt') || changed.has('presetEndsAt')) {
      this.#pendingPresets.add('window');
    }
    if (changed.has('presetCode')) this.#pendingPresets.add('code');
    if (changed.has('presetPreferredCodeLength')) this.#pendingPresets.add('length');
    this.#applyPresets();

    const connection = this.connection;
    const ids = this.targetDeviceIds;
    const key = connection.ok ? `${ids.join(' ')}` : '';
    if (!connection.ok || ids.length === 0) {
      this.#loadKey = '';
      this.#loadToken++;
      if (this.view !== 'created') {
        this.view = 'idle';
        this.targets = [];
      }
    } else if (this.view !== 'created' && (key !== this.#loadKey || this.#clientChanged)) {
      this.#loadKey = key;
      this.#lastClient = connection.client;
      void this.#load(connection, ids);
    }
    this.#syncStates();
  }

  #lastClient: SeamClient | undefined;

  get #clientChanged(): boolean {
    const connection = this.connection;
    return connection.ok && connection.client !== this.#lastClient;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRender !== null) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender);
      // While the lock reloads (after "Create another code") the field is not there yet.
      if (target === null && this.view === 'loading') return;
      this.#focusAfterRender = null;
      target?.focus();
    }
  }

  #syncStates(): void {
    const rules = this.#rules();
    this.setState('loading', this.view === 'loading');
    this.setState('ready', this.view === 'ready' && rules !== null && rules.canTake);
    this.setState('cannot', this.view === 'ready' && rules !== null && !rules.canTake);
    this.setState('submitting', this.submitting);
    this.setState('created', this.view === 'created');
    this.setState(
      'error',
      this.view === 'load_error' || this.submitError !== null || !this.connection.ok,
    );
    this.setState('invalid', this.submitAttempted && this.#visibleErrorCount() > 0);
  }

  async #load(connection: SeamConnection, ids: readonly string[]): Promise<void> {
    const token = ++this.#loadToken;
    this.view = 'loading';
    this.loadError = null;
    this.announcement = this.t.loading;
    try {
      const targets = await Promise.all(ids.map((id) => this.#loadTarget(connection.client, id)));
      if (token !== this.#loadToken) return;
      const previous = this.targets.map((target) => target.device.device_id).join(' ');
      this.targets = targets;
      this.view = 'ready';
      if (previous === '') {
        // The form appears now: the lock's defaults, then the host's presets.
        this.form = this.#freshForm();
      } else if (previous !== ids.join(' ')) {
        // Another lock: the form a fresh load gives for it, with what the user typed that applies.
        this.form = switchLocks(
          this.form,
          this.touched,
          this.#rules() as LockRules,
          this.#presets(),
          this.#defaultWindow(),
        );
        this.touched = new Set([...this.touched].filter((f) => f === 'name' || f === 'timing'));
        this.serverErrors = {};
        this.submitError = null;
        this.submitAttempted = false;
      }
      this.#pendingPresets.clear();
      const rules = this.#rules();
      this.announcement = rules?.canTake
        ? this.t.creator.loaded(this.#deviceNames())
        : this.#neverTakesCodes()
          ? this.t.creator.cannotEverTitle
          : this.t.creator.cannotTitle;
      this.#warnUnknownZone();
    } catch (error) {
      await this.guidanceReady();
      if (token !== this.#loadToken) return;
      this.view = 'load_error';
      this.loadError = describeError(error, this.t);
      this.announcement = this.loadError.message;
      this.#report('load', error, this.loadError);
    }
  }

  async #loadTarget(client: SeamClient, deviceId: string): Promise<Target> {
    const [device, managed, unmanaged] = await Promise.all([
      client.devices.get({ device_id: deviceId }),
      client.accessCodes.list({ device_id: deviceId }),
      this.#unmanagedCodes(client, deviceId),
    ]);
    const existingCodes: ExistingCode[] = [...managed, ...unmanaged];
    return { device, existingCodes, capabilities: describeCapabilities(device, { existingCodes }) };
  }

  /**
   * Codes on the lock that Seam did not create count for duplicates and free slots too. Seam
   * may not offer the route to every credential; the managed codes are then all we can check
   * here, and Seam still checks the rest when the code is created.
   */
  async #unmanagedCodes(client: SeamClient, deviceId: string): Promise<ExistingCode[]> {
    try {
      const response = (await client.request(
        '/access_codes/unmanaged/list',
        { device_id: deviceId },
        { kind: 'read' },
      )) as { access_codes?: unknown };
      return Array.isArray(response.access_codes) ? (response.access_codes as ExistingCode[]) : [];
    } catch (error) {
      if (isSeamUnauthorizedError(error)) throw error;
      return [];
    }
  }

  /** Whether no target lock can ever take a code (no keypad, no access codes): not "right now". */
  #neverTakesCodes(): boolean {
    return this.targets.some(
      (target) =>
        target.capabilities.reasons.onlineCodes.some(
          (reason) => reason.severity === 'blocking' && PERMANENT_REASONS.has(reason.code),
        ) && !target.capabilities.canTakeOfflineCodes,
    );
  }

  #zoneWarned = false;

  /**
   * The page's developer, not the host, can fix an unknown zone: said once in the console, while
   * the host reads which zone the times are in.
   */
  #warnUnknownZone(): void {
    if (this.#zone().source !== 'browser' || this.#zoneWarned) return;
    this.#zoneWarned = true;
    console.warn(
      "<seam-code-creator>: the lock's time zone is unknown, so times are entered in the " +
        "browser's. Set the time-zone attribute to the property's IANA zone (e.g. Europe/Berlin).",
    );
  }

  /** What every target lock accepts, combined; null before they are loaded. */
  #rules(): LockRules | null {
    if (this.targets.length === 0) return null;
    return lockRules(this.targets.map((target) => target.capabilities));
  }

  /** The zone the wall times are in, and where it comes from. */
  #zone(): { timeZone: string; source: ZoneSource } {
    const fromLock = this.targets.find((target) => target.capabilities.timeZone !== null);
    if (fromLock?.capabilities.timeZone && isValidTimeZone(fromLock.capabilities.timeZone)) {
      return { timeZone: fromLock.capabilities.timeZone, source: 'lock' };
    }
    if (this.timeZone.trim() !== '' && isValidTimeZone(this.timeZone.trim())) {
      return { timeZone: this.timeZone.trim(), source: 'attribute' };
    }
    return { timeZone: viewerTimeZone(), source: 'browser' };
  }

  #viewerZone(): string {
    const zone = this.viewerTimeZone.trim();
    return zone !== '' && isValidTimeZone(zone) ? zone : viewerTimeZone();
  }

  #now(): number {
    const connection = this.connection;
    return connection.ok ? connection.now() : Date.now();
  }

  #defaultWindow() {
    return defaultWindow(this.#now(), this.#zone().timeZone);
  }

  /** The host's presets, times read in the lock's zone; a time that cannot be read is reported. */
  #presets(): FormPresets {
    const { timeZone } = this.#zone();
    const time = (value: string, field: 'starts_at' | 'ends_at'): string => {
      const wall = presetWallTime(value, timeZone);
      if (wall !== null) {
        delete this.#presetErrors[field];
        return wall;
      }
      const attribute = field === 'starts_at' ? 'starts-at' : 'ends-at';
      this.#presetErrors[field] = this.t.creator.badPresetTime(attribute, value.trim());
      return '';
    };
    const length = this.presetPreferredCodeLength;
    return {
      name: this.presetName,
      startsAt: time(this.presetStartsAt, 'starts_at'),
      endsAt: time(this.presetEndsAt, 'ends_at'),
      code: this.presetCode,
      preferredCodeLength: typeof length === 'number' && Number.isInteger(length) ? length : null,
    };
  }

  #freshForm(): CreatorForm {
    return freshForm(this.#rules(), this.#presets(), this.#defaultWindow());
  }

  /** Presets the host changed after the form appeared: only those fields change. */
  #applyPresets(): void {
    if (this.#pendingPresets.size === 0 || this.targets.length === 0) return;
    const fresh = this.#freshForm();
    const form = { ...this.form };
    if (this.#pendingPresets.has('name')) form.name = fresh.name;
    if (this.#pendingPresets.has('code') || this.#pendingPresets.has('length')) {
      form.code = fresh.code;
      form.pinMode = fresh.pinMode;
      form.preferredCodeLength = fresh.preferredCodeLength;
    }
    if (this.#pendingPresets.has('window')) {
      form.timing = fresh.timing;
      form.startsAt = fresh.startsAt;
      form.endsAt = fresh.endsAt;
    }
    this.#pendingPresets.clear();
    this.form = form;
  }

  /**
   * The draft to send (null while the form stops one) and every finding: the form model's own
   * first, then core's for each target lock, each said once.
   */
  #validation(): { draft: AccessCodeDraft | null; errors: DraftIssue[]; warnings: DraftIssue[] } {
    const rules = this.#rules();
    if (rules === null) return { draft: null, errors: [], warnings: [] };
    const now = this.#now();
    const model = draftOf(this.form, rules, this.#zone().timeZone, now);
    // A field the form already faults is not faulted again by core in other words.
    const faulted = new Set(model.errors.map((issue) => issue.field));
    const errors: DraftIssue[] = [...model.errors];
    const warnings: DraftIssue[] = [];
    const seen = new Set<string>(errors.map((issue) => `${issue.field} ${issue.code}`));
    // Cautions about the lock are shown once, with the lock's summary: not again as findings.
    const cautions = new Set(
      this.targets.flatMap((target) =>
        target.capabilities.reasons.onlineCodes
          .filter((reason) => reason.severity === 'caution')
          .map((reason) => reason.code),
      ),
    );
    for (const target of this.targets) {
      const result = validateCodeDraft(model.checkable, {
        device: target.device,
        existingCodes: target.existingCodes,
        now,
      });
      for (const [list, into] of [
        [result.errors, errors],
        [result.warnings, warnings],
      ] as const) {
        for (const issue of list) {
          const key = `${issue.field} ${issue.code}`;
          if (faulted.has(issue.field) || seen.has(key)) continue;
          if (issue.field === 'device' && into === warnings && cautions.has(issue.code)) continue;
          seen.add(key);
          into.push(issue);
        }
      }
    }
    for (const issue of model.warnings) {
      if (!errors.some((error) => error.field === issue.field)) warnings.push(issue);
    }
    return { draft: errors.length === 0 ? model.draft : null, errors, warnings };
  }

  /** The messages to show under each field now. */
  #messages(): Messages {
    const messages = Object.fromEntries(
      FIELDS.map((field) => [field, { errors: [] as string[], warnings: [] as string[] }]),
    ) as Messages;
    if (this.targets.length === 0) return messages;
    const { errors, warnings } = this.#validation();
    const context = this.#issueContext();
    const shown = (field: CreatorField) =>
      this.submitAttempted || this.touched.has(field) || field === 'device';
    for (const issue of errors) {
      const field = issue.field as CreatorField;
      if (shown(field)) messages[field].errors.push(issueText(issue, this.t, context));
    }
    for (const issue of warnings) {
      const field = issue.field as CreatorField;
      // Warnings say something the user should know before Create: shown at once.
      messages[field].warnings.push(issueText(issue, this.t, context));
    }
    for (const field of FIELDS) {
      for (const message of this.serverErrors[field] ?? []) messages[field].errors.push(message);
      const preset = this.#presetErrors[field];
      if (preset !== undefined) messages[field].errors.push(preset);
    }
    for (const field of FIELDS) {
      messages[field].errors = [...new Set(messages[field].errors)];
      messages[field].warnings = [...new Set(messages[field].warnings)];
    }
    return messages;
  }

  #issueContext() {
    const rules = this.#rules();
    const first = this.targets[0]?.capabilities;
    return {
      lengths: rules?.lengths ?? [],
      nameMin: rules?.nameMin ?? null,
      nameMax: rules?.nameMax ?? null,
      maxCodes: first?.maxActiveCodes ?? null,
      codeCount: first?.activeCodeCount ?? 0,
      locale: this.locale,
    };
  }

  #visibleErrorCount(): number {
    if (this.view !== 'ready') return 0;
    const messages = this.#messages();
    return FIELDS.reduce((count, field) => count + messages[field].errors.length, 0);
  }

  #deviceNames(): string {
    const names = this.targets.map((target) => deviceName(target.device));
    return new Intl.ListFormat(this.locale, { type: 'conjunction' }).format(names);
  }

  #report(stage: 'load' | 'create' | 'action', error: unknown, described: DescribedError): void {
    if (described.unauthorized) this.reportSessionExpired(error);
    this.dispatchEvent(
      new SeamErrorEvent({ stage, code: described.code, message: described.message, error }),
    );
  }

  #update(patch: Partial<CreatorForm> | CreatorForm, field?: CreatorField | 'timing'): void {
    this.form = { ...this.form, ...patch };
    if (field !== undefined) {
      if (!this.touched.has(field)) this.touched = new Set([...this.touched, field]);
      if (field !== 'timing' && this.serverErrors[field] !== undefined) {
        const { [field]: _dropped, ...rest } = this.serverErrors;
        this.serverErrors = rest;
      }
      if (field !== 'timing') delete this.#presetErrors[field];
    }
    this.submitError = null;
  }

  #onTiming(timing: Timing): void {
    this.#update(setTiming(this.form, timing, this.#defaultWindow()), 'timing');
  }

  #onPinMode(pinMode: PinMode): void {
    this.#update(setPinMode(this.form, pinMode), 'code');
  }

  #suggest(): void {
    const target = this.targets[0];
    if (target === undefined) return;
    const existing = this.targets.flatMap((t) => [...t.existingCodes]);
    const length = this.form.preferredCodeLength ?? undefined;
    // One PIN for every lock: suggest on the first, then check it against all of them.
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = suggestCode(target.device, existing, this.random, length ? { length } : {});
      if (code === null) break;
      const fitsAll = this.targets.every(
        (t) =>
          validateCodeDraft(
            { code },
            { device: t.device, existingCodes: t.existingCodes, now: 0 },
          ).errors.filter((issue) => issue.field === 'code').length === 0,
      );
      if (fitsAll) {
        this.#update({ code, pinMode: 'choose' }, 'code');
        this.announcement = this.t.creator.pinSuggested;
        return;
      }
    }
    this.serverErrors = { ...this.serverErrors, code: [this.t.creator.noSuggestion] };
  }

  async #generate(): Promise<void> {
    const connection = this.connection;
    const target = this.targets[0];
    if (!connection.ok || target === undefined || this.generating) return;
    this.generating = true;
    try {
      const code = await connection.client.accessCodes.generateCode({
        device_id: target.device.device_id,
      });
      this.#update({ code, pinMode: 'choose' }, 'code');
      this.announcement = this.t.creator.pinGenerated;
    } catch (error) {
      await this.guidanceReady();
      const described = describeError(error, this.t);
      this.serverErrors = { ...this.serverErrors, code: [described.message] };
      this.#report('action', error, described);
    } finally {
      this.generating = false;
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.submit();
  }

  /**
   * Validates and sends the form, as the create button does. Calls while a request is in flight
   * join it: one submit, one code.
   */
  submit(): Promise<void> {
    this.#inFlight ??= this.#submit().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #submit(): Promise<void> {
    const connection = this.connection;
    if (!connection.ok || this.view !== 'ready') return;
    this.submitAttempted = true;
    this.submitError = null;
    const { draft, errors } = this.#validation();
    if (draft === null || errors.length > 0 || Object.keys(this.serverErrors).length > 0) {
      await this.updateComplete;
      this.#focusFirstInvalid();
      const count = this.#visibleErrorCount();
      this.announcement = this.t.creator.fixErrors(count);
      return;
    }
    const ids = this.targetDeviceIds;
    const request: CreateAccessCodeInput | CreateAccessCodesInput =
      ids.length > 1
        ? { ...sharedDraft(draft), device_ids: ids }
        : { ...draft, device_id: ids[0] as string };
    const submitEvent = new SeamCodeSubmitEvent({ request, deviceIds: ids });
    this.dispatchEvent(submitEvent);
    if (submitEvent.defaultPrevented) return;

    this.submitting = true;
    this.announcement = this.t.creator.submitting;
    // The status element is fetched while Seam creates the code, not with the form: a page that
    // never creates a code never downloads it.
    const statusElement = loadStatusElement();
    // So is the verifier that follows the new code (a failed download is reported below).
    const verifier = connection.verifier.load();
    verifier.catch(() => undefined);
    try {
      let accessCodes: AccessCode[];
      let actionAttempt: ActionAttempt | null = null;
      let adopted = false;
      // Fetched at the first submit; a failed download creates nothing and says so.
      const { createAccessCode, createAccessCodes } = await loadCreateSteps();
      if (ids.length > 1) {
        const result = await createAccessCodes(
          connection.client,
          request as CreateAccessCodesInput,
          { now: connection.now },
        );
        accessCodes = result.accessCodes;
        adopted = result.adopted;
      } else {
        const result = await createAccessCode(connection.client, request as CreateAccessCodeInput, {
          now: connection.now,
        });
        accessCodes = [result.accessCode];
        actionAttempt = result.actionAttempt;
        adopted = result.adopted;
      }
      const [first] = accessCodes;
      if (first === undefined) throw new Error('Seam answered the create without a code.');
      // The code exists whatever happens to these fetches: a failed load leaves the statuses
      // undefined (the created view still says the code was created) and is reported.
      await verifier.then(
        (loaded) => {
          for (const code of accessCodes) loaded.watch(code);
        },
        (error: unknown) => this.#onStatusLoadError(error),
      );
      await statusElement.catch((error: unknown) => this.#onStatusLoadError(error));
      this.created = accessCodes;
      this.view = 'created';
      this.announcement = this.t.creator.created;
      this.#focusAfterRender = '#created-title';
      this.dispatchEvent(
        new SeamCodeCreatedEvent({ accessCode: first, accessCodes, actionAttempt, adopted }),
      );
    } catch (error) {
      await this.guidanceReady();
      this.#onCreateError(error);
    } finally {
      this.submitting = false;
    }
  }

  #onStatusLoadError(error: unknown): void {
    const message = this.t.errors.unexpected(
      error instanceof Error ? error.message : String(error),
    );
    this.dispatchEvent(
      new SeamErrorEvent({ stage: 'load', code: 'status_load_failed', message, error }),
    );
  }

  #onCreateError(error: unknown): void {
    const described = describeError(error, this.t);
    if (isSeamInvalidInputError(error)) {
      const serverErrors: Partial<Record<CreatorField, string[]>> = {};
      let mapped = 0;
      for (const [param, field] of Object.entries(SERVER_FIELDS)) {
        const messages = getValidationErrorMessages(error, param);
        if (messages.length === 0) continue;
        serverErrors[field] = [...(serverErrors[field] ?? []), ...messages];
        mapped += messages.length;
      }
      this.serverErrors = serverErrors;
      // A message not tied to a field (or no per-field detail at all) goes above the button.
      const general = getValidationErrorMessages(error, '_errors');
      if (mapped === 0 || general.length > 0) this.submitError = described;
    } else if (described.code === 'duplicate_access_code') {
      this.serverErrors = { code: [described.message] };
    } else {
      this.submitError = described;
    }
    this.#report('create', error, described);
    this.announcement = described.message;
    void this.updateComplete.then(() => this.#focusFirstInvalid());
  }

  #focusFirstInvalid(): void {
    const invalid = this.renderRoot.querySelector<HTMLElement>(
      '[aria-invalid="true"], #submit-error, #device-errors',
    );
    invalid?.focus();
  }

  #onStatusChange(event: SeamStatusChangeEvent): void {
    const { accessCode, phase } = event.detail;
    if (phase !== 'active' || accessCode === null) return;
    const id = accessCode.access_code_id;
    if (this.#setAnnounced.has(id)) return;
    this.#setAnnounced.add(id);
    if (accessCode.status === 'set') {
      this.dispatchEvent(new SeamCodeSetEvent(accessCode));
      return;
    }
    // Seam's `set_on_device` event came before a fresh snapshot: read the code once, so the event
    // carries it as Seam now has it (and the verifier learns it too).
    void this.#announceSet(id, accessCode);
  }

  async #announceSet(id: string, lastSeen: AccessCode): Promise<void> {
    const connection = this.connection;
    let accessCode = lastSeen;
    if (connection.ok) {
      try {
        accessCode = await connection.client.accessCodes.get({ access_code_id: id });
        connection.verifier.current?.observe(id, {
          type: 'code.observed',
          accessCode,
          observedAt: new Date(connection.now()).toISOString(),
        });
      } catch {
        // The set is known from Seam's event; the last snapshot is the best object there is.
      }
    }
    this.dispatchEvent(new SeamCodeSetEvent(accessCode));
  }

  override render(): TemplateResult {
    const connection = this.connection;
    return html`<div part="base" class="base">
      ${
        !connection.ok
          ? html`<p part="error" class="error-box" role="alert">${connection.message}</p>`
          : this.#renderView()
      }
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement}
      </div>
    </div>`;
  }

  #renderView(): TemplateResult {
    const t = this.t.creator;
    switch (this.view) {
      case 'idle':
        return html`<p part="error" class="error-box">${t.noDevice}</p>`;
      case 'loading':
        return html`<p class="muted" aria-busy="true">${this.t.loading}</p>`;
      case 'load_error':
        return html`<div part="error" class="error-box" role="alert">
            <p>${t.loadFailed}</p>
            <p>${this.loadError?.message}</p>
          </div>
          <button part="button" type="button" @click=${() => this.#retryLoad()}>
            ${this.t.tryAgain}
          </button>`;
      case 'created':
        return this.#renderCreated();
      case 'ready':
        return html`${this.#renderDevice()}${
          this.#rules()?.canTake ? this.#renderForm() : this.#renderCannot()
        }`;
    }
  }

  #retryLoad(): void {
    this.#loadKey = '';
    this.requestUpdate();
  }

  #renderDevice(): TemplateResult {
    const t = this.t.creator;
    const { timeZone, source } = this.#zone();
    const viewer = this.#viewerZone();
    return html`<section part="device" class="device" aria-labelledby="device-title">
      <p id="device-title" class="device-title">
        ${this.targets.length > 1 ? t.sharedPinOn(this.#deviceNames()) : t.codeOn(this.#deviceNames())}
      </p>
      ${this.targets.map((target) => this.#renderCapabilities(target))}
      <p class="muted">
        ${
          source === 'lock'
            ? t.zoneOfLock(zoneLabel(timeZone, this.locale))
            : source === 'attribute'
              ? t.zoneOfProperty(zoneLabel(timeZone, this.locale))
              : t.zoneUnknown(zoneLabel(timeZone, this.locale))
        }
        ${
          viewer !== timeZone && source !== 'browser'
            ? html` ${t.viewerZone(zoneLabel(viewer, this.locale))}`
            : nothing
        }
      </p>
    </section>`;
  }

  #renderCapabilities(target: Target): TemplateResult {
    const t = this.t.creator;
    const caps = target.capabilities;
    const lines: TemplateResult[] = [];
    const cautions = [
      ...caps.reasons.onlineCodes.filter((reason) => reason.severity === 'caution'),
    ];
    lines.push(html`<li>${this.#deviceState(target)}</li>`);
    if (caps.canTakeOnlineCodes) lines.push(html`<li>${t.takesOnline}</li>`);
    if (caps.canTakeOfflineCodes) lines.push(html`<li>${t.takesOffline}</li>`);
    if (caps.canTakeOnlineCodes) {
      lines.push(
        html`<li>
          ${caps.canChoosePin ? t.pinLengths(formatLengths(caps.supportedCodeLengths, this.locale, 'or')) : t.lockPicksPin}
        </li>`,
      );
      for (const constraint of caps.constraints) {
        if (constraint.type === 'cannot_specify_pin_code') continue;
        lines.push(html`<li>${t.constraints[constraint.type] ?? constraint.summary}</li>`);
      }
      if (caps.maxActiveCodes !== null) {
        lines.push(html`<li>${t.slots(caps.activeCodeCount, caps.maxActiveCodes)}</li>`);
      }
      if (caps.nativeScheduling.supported === true)
        lines.push(html`<li>${t.nativeScheduling}</li>`);
      if (caps.nativeScheduling.supported === false) lines.push(html`<li>${t.justInTime}</li>`);
    }
    return html`<div class="capabilities-group">
      ${
        this.targets.length > 1
          ? html`<p class="device-name">${deviceName(target.device)}</p>`
          : nothing
      }
      <ul part="capabilities" class="capabilities">
        ${lines}
      </ul>
      ${
        cautions.length > 0
          ? html`<ul class="cautions">
              ${cautions.map(
                (reason) =>
                  html`<li part="field-warning" class="warning-text">
                    ${reasonText(reason, this.t)}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  /** "Online · battery 80 % · keypad connected": what a host checks before trusting a lock. */
  #deviceState(target: Target): string {
    const { device, capabilities } = target;
    const t = this.t.creator;
    const properties = (device.properties ?? {}) as {
      online?: boolean;
      battery?: { level?: number };
      battery_level?: number;
      accessory_keypad?: { is_connected?: boolean; battery?: { level?: number } };
    };
    const percent = (level: number | undefined) =>
      typeof level === 'number' && Number.isFinite(level)
        ? new Intl.NumberFormat(this.locale, { style: 'percent' }).format(
            level > 1 ? level / 100 : level,
          )
        : null;
    // A lock behind a disconnected account may still report online: it is not reachable.
    const accountDisconnected = capabilities.reasons.onlineCodes.some(
      (reason) => reason.code === 'account_disconnected',
    );
    const parts = [
      accountDisconnected
        ? t.accountDisconnected
        : properties.online === false
          ? t.offline
          : t.online,
    ];
    const battery = percent(properties.battery?.level ?? properties.battery_level);
    if (battery !== null) parts.push(t.battery(battery));
    const keypad = properties.accessory_keypad;
    if (keypad !== undefined) {
      const keypadBattery = percent(keypad.battery?.level);
      parts.push(
        keypad.is_connected === false ? t.keypadDisconnected : t.keypadConnected(keypadBattery),
      );
    }
    return parts.join(' · ');
  }

  #renderCannot(): TemplateResult {
    const t = this.t.creator;
    return html`<div part="cannot" class="cannot" role="alert">
      <p class="cannot-title">${this.#neverTakesCodes() ? t.cannotEverTitle : t.cannotTitle}</p>
      ${this.targets.map((target) => {
        const caps = target.capabilities;
        const reasons = caps.reasons.onlineCodes.filter((reason) => reason.severity === 'blocking');
        const full =
          caps.isFull && caps.maxActiveCodes !== null
            ? [html`<li>${t.lockFull(caps.maxActiveCodes)}</li>`]
            : [];
        if (reasons.length === 0 && full.length === 0) return nothing;
        return html`${
            this.targets.length > 1
              ? html`<p class="device-name">${deviceName(target.device)}</p>`
              : nothing
          }
          <ul>
            ${full}${reasons.map((reason) => html`<li>${reasonText(reason, this.t)}</li>`)}
          </ul>`;
      })}
    </div>`;
  }

  #renderForm(): TemplateResult {
    const rules = this.#rules() as LockRules;
    return renderForm({
      t: this.t,
      view: viewOf(this.form, rules),
      rules,
      messages: this.#messages(),
      nameHint: this.#nameHint(),
      pinHint: this.#pinHint(rules),
      timeHint: (wall) => this.#timeHint(wall),
      submitting: this.submitting,
      generating: this.generating,
      submitError: this.submitError?.message ?? null,
      lockCount: this.targets.length,
      on: this.#handlers,
    });
  }

  /** The form's callbacks: each edit goes through the model, then marks its field touched. */
  readonly #handlers: FormHandlers = {
    submit: (event) => this.#onSubmit(event),
    name: (value) => this.#update({ name: value }, 'name'),
    timing: (timing) => this.#onTiming(timing),
    time: (field, wall) =>
      this.#update(field === 'starts_at' ? { startsAt: wall } : { endsAt: wall }, field),
    pinMode: (mode) => this.#onPinMode(mode),
    code: (value) => this.#update({ code: value }, 'code'),
    suggest: () => this.#suggest(),
    generate: () => void this.#generate(),
    length: (length) => this.#update({ preferredCodeLength: length }, 'preferred_code_length'),
    option: (option, checked) => this.#update({ [option]: checked }),
    offline: (checked) => this.#update(setOffline(this.form, checked, this.#defaultWindow())),
  };

  #nameHint(): string {
    const rules = this.targets[0]?.capabilities.nameRules;
    if (rules === undefined) return '';
    return this.t.creator.nameHint(rules.minLength, rules.maxLength, rules.mustBeUnique);
  }

  /** "Lock time (PST)", plus the viewer's time when it differs and a note on skipped hours. */
  #timeHint(wall: string): string {
    const t = this.t.creator;
    const { timeZone } = this.#zone();
    if (wall === '') return t.lockTime(zoneLabel(timeZone, this.locale));
    let instant: string;
    try {
      instant = zonedWallTimeToInstant(wall, timeZone);
    } catch {
      return t.lockTime(zoneLabel(timeZone, this.locale));
    }
    const formatted = formatInstant(instant, {
      timeZone,
      viewerTimeZone: this.#viewerZone(),
      locale: this.locale,
    });
    const parts = [t.lockTimeAt(formatted.lock.text)];
    const roundTrip = instantToZonedWallTime(instant, timeZone);
    if (roundTrip !== wall.slice(0, 16)) parts.push(t.skippedHour(formatted.lock.text));
    if (formatted.viewer !== null) parts.push(t.yourTime(formatted.viewer.text));
    return parts.join(' ');
  }

  #pinHint(rules: LockRules): string {
    const t = this.t.creator;
    const first = this.targets[0]?.capabilities;
    if (first === undefined) return '';
    const summaries = first.constraints
      .filter((constraint) => constraint.type !== 'cannot_specify_pin_code')
      .filter((constraint) => !constraint.type.startsWith('name_'))
      .map((constraint) => t.constraints[constraint.type] ?? constraint.summary);
    return [t.pinLengths(formatLengths(rules.lengths, this.locale, 'or')), ...summaries].join(
      ' · ',
    );
  }

  #renderCreated(): TemplateResult {
    const t = this.t.creator;
    const connection = this.connection;
    if (!connection.ok) return html``;
    return html`<section class="created" aria-labelledby="created-title">
      <p id="created-title" class="created-title" tabindex="-1">
        ${this.created.length > 1 ? t.createdMany(this.created.length) : t.createdTitle}
      </p>
      ${this.created.map(
        (code) =>
          html`<seam-code-status
            part="status"
            exportparts=${STATUS_EXPORTPARTS}
            .accessCode=${code}
            .client=${connection.client}
            .verifier=${connection.verifier.current}
            .now=${connection.now}
            time-zone=${this.#zone().timeZone}
            viewer-time-zone=${this.viewerTimeZone || nothing}
            theme=${this.theme}
            @seam-status-change=${(event: SeamStatusChangeEvent) => this.#onStatusChange(event)}
          ></seam-code-status>`,
      )}
      <div class="actions">
        <button part="button" type="button" @click=${() => this.reset()}>${t.createAnother}</button>
      </div>
    </section>`;
  }
}

/** Defines `<seam-code-status>` from its own chunk (once; later calls share the same load). */
const loadStatusElement = loadOnce(() => import('../code-status/define.js'));

/** Core's create steps from their own chunk. */
const loadCreateSteps = loadOnce(() => import('./create-codes.js'));

/** The part of a draft Seam's `create_multiple` takes (no offline or backup-pool options). */
function sharedDraft(draft: AccessCodeDraft): Omit<CreateAccessCodesInput, 'device_ids'> {
  const shared: Omit<CreateAccessCodesInput, 'device_ids'> = {};
  if (draft.name != null) shared.name = draft.name;
  if (draft.code != null) shared.code = draft.code;
  if (draft.starts_at != null) shared.starts_at = draft.starts_at;
  if (draft.ends_at != null) shared.ends_at = draft.ends_at;
  if (draft.preferred_code_length != null) {
    shared.preferred_code_length = draft.preferred_code_length;
  }
  if (draft.prefer_native_scheduling !== undefined) {
    shared.prefer_native_scheduling = draft.prefer_native_scheduling;
  }
  if (draft.allow_external_modification !== undefined) {
    shared.allow_external_modification = draft.allow_external_modification;
  }
  return shared;
}

/** The name a person would recognise: `display_name`, else the provider's name. */
export function deviceName(device: Device): string {
  const record = device as Device & { display_name?: string; properties?: { name?: string } };
  return record.display_name || record.properties?.name || device.device_id;
}

/** "Europe/Berlin (CET)" for a zone at the current moment. */
function zoneLabel(timeZone: string, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(Date.now())
    .find((candidate) => candidate.type === 'timeZoneName');
  return part ? `${timeZone} (${part.value})` : timeZone;
}

declare global {
  interface HTMLElementTagNameMap {
    'seam-code-creator': SeamCodeCreator;
  }
}
