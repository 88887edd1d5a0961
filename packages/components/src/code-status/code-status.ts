import {
  deviceTimeZone,
  nativeSchedulingOf,
  JUST_IN_TIME_LEAD_MS,
  NATIVE_PRELOAD_MS,
  formatInstant,
  matchGuidance,
  historyOf,
  isPinWithheld,
  isValidTimeZone,
  type CodeIssue,
  type CodeState,
  type DerivedPhase,
  type GuidanceAction,
  type SeamClient,
  type TimelineEntry,
  type Verifier,
  type WatchOptions,
} from '@seam-codes/core';
import type { AccessCode } from '@seamapi/types/connect';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SeamConnectedElement } from '../internal/connected-element.js';
import type { LazyVerifier } from '../internal/lazy-verifier.js';
import { describeError, type DescribedError } from '../internal/errors.js';
import { guidanceText } from '../internal/strings/index.js';
import { SeamErrorEvent } from '../internal/events.js';
import { viewerTimeZone } from '../internal/locale.js';
import { SeamElement } from '../internal/seam-element.js';
import styles from './code-status.styles.js';
import {
  SeamBackupCodePulledEvent,
  SeamCodeDeleteEvent,
  SeamStatusChangeEvent,
} from './code-status.events.js';
import { VERIFICATION_MODES, type VerificationMode } from './code-status.types.js';

/** Phases in which the code is, or is about to be, on the lock: delete makes sense. */
const DELETABLE: ReadonlySet<DerivedPhase> = new Set([
  'pending',
  'scheduled',
  'programming',
  'delayed',
  'failed',
  'awaiting_code',
  'active',
  'unknown',
  'removing_failed',
]);

/** Phases in which checking again now may bring news. */
const CHECKABLE: ReadonlySet<DerivedPhase> = new Set([
  'programming',
  'delayed',
  'failed',
  'awaiting_code',
  'unknown',
  'removing',
  'removing_failed',
]);

/** The tone of a phase, for its badge colour. */
function toneOf(phase: DerivedPhase): 'success' | 'progress' | 'warning' | 'danger' | 'neutral' {
  switch (phase) {
    case 'active':
      return 'success';
    case 'pending':
    case 'scheduled':
    case 'programming':
    case 'submitting':
    case 'awaiting_code':
    case 'removing':
      return 'progress';
    case 'delayed':
    case 'unknown':
      return 'warning';
    case 'failed':
    case 'rejected':
    case 'removing_failed':
      return 'danger';
    case 'removed':
      return 'neutral';
  }
}

/**
 * Shows where an access code is: the phase derived by the verifier (pending, scheduled with its
 * preload time, programming, delayed, failed, awaiting a PIN, active, removing, removed, unknown),
 * the window in the lock's time zone, the PIN (masked, with reveal and copy), every error and
 * warning with what helps, whether the guest used it, and a short timeline. Where the lock allows:
 * delete (with confirmation), pull a backup code on failure, check again. Every element on a page
 * that shares a client shares one verifier: one request per tick for all of them.
 *
 * @customElement seam-code-status
 * @tagname seam-code-status
 * @summary Follows an access code until it is on the lock, and shows it.
 *
 * @fires {SeamStatusChangeEvent} seam-status-change - On every change of what is shown: `detail.phase`, `detail.previousPhase`, `detail.state`.
 * @fires {SeamCodeDeleteEvent} seam-code-delete - The user confirmed deleting; cancelable. `detail.accessCodeId`.
 * @fires {SeamBackupCodePulledEvent} seam-backup-code-pulled - A backup code was pulled: `detail.backupAccessCode`.
 * @fires {SeamErrorEvent} seam-error - A load or action error the element shows; `detail.code`, `detail.message`.
 * @fires {SeamSessionExpiredEvent} seam-session-expired - Seam refused the credentials (401): give a new token. Once per expiry and page.
 *
 * @csspart base - The element's box.
 * @csspart header - The phase badge and its explanation.
 * @csspart phase - The phase badge.
 * @csspart detail - The sentence under the phase.
 * @csspart window - When the code works, in the lock's zone (and the viewer's).
 * @csspart pin - The PIN with its reveal and copy buttons.
 * @csspart issues - The list of errors and warnings.
 * @csspart issue - One error or warning with its guidance.
 * @csspart flags - Facts such as "used" or "changed outside Seam".
 * @csspart timeline - The disclosure with what happened when.
 * @csspart actions - The action buttons.
 * @csspart button - Every button.
 * @csspart confirm - The delete confirmation.
 * @csspart backup - The backup code, once pulled.
 * @csspart error - An error that is not an issue of the code (a failed action or load).
 *
 * @cssproperty --seam-font-family - Font of the element (default: the system UI font; nothing is fetched).
 * @cssproperty --seam-font-size - Base font size (default 0.875rem).
 * @cssproperty --seam-space - Base spacing unit (default 0.5rem).
 * @cssproperty --seam-radius - Corner radius (default 6px).
 * @cssproperty --seam-color-text - Text colour.
 * @cssproperty --seam-color-text-muted - Colour of secondary text.
 * @cssproperty --seam-color-surface - Background.
 * @cssproperty --seam-color-surface-raised - Background of buttons and panels.
 * @cssproperty --seam-color-border - Borders.
 * @cssproperty --seam-color-accent - Primary buttons and the progress tone.
 * @cssproperty --seam-color-on-accent - Text on the accent colour.
 * @cssproperty --seam-color-danger - Failed phases and errors.
 * @cssproperty --seam-color-warning - Delayed and unknown phases, warnings.
 * @cssproperty --seam-color-success - The active phase.
 * @cssproperty --seam-color-focus - Focus ring.
 * @cssproperty --seam-color-scheme - `light dark` (default: the viewer's preference), `light` or `dark`; inherited, so any ancestor may set it.
 *
 * @cssstate loading - Nothing is known about the code yet.
 * @cssstate submitting - The create (or a change) is being sent.
 * @cssstate rejected - Seam refused the create; no code exists.
 * @cssstate pending - Waiting to be put on the lock (before its programming time).
 * @cssstate scheduled - Preloaded on the lock; it starts working at its start.
 * @cssstate programming - Seam is putting the code on the lock.
 * @cssstate delayed - Reaching the lock takes longer than usual.
 * @cssstate failed - Seam could not put the code on the lock yet (it keeps trying).
 * @cssstate awaiting_code - The lock is choosing the PIN.
 * @cssstate active - On the lock and working.
 * @cssstate removing - Seam is removing the code.
 * @cssstate removing_failed - Seam could not remove the code yet.
 * @cssstate removed - The code is no longer on the lock.
 * @cssstate unknown - Seam cannot check the code now (account disconnected).
 * @cssstate used - The lock reported an unlock with this code.
 * @cssstate degraded - The last check failed; what is shown may be out of date.
 */
export class SeamCodeStatus extends SeamConnectedElement {
  static override styles = [...SeamElement.styles, styles];

  /** The code to show, by id. */
  @property({ attribute: 'access-code-id', reflect: true }) accessCodeId = '';

  /** The code to show, as Seam returned it (skips the first fetch); sets `access-code-id`. */
  @property({ attribute: false }) accessCode: AccessCode | undefined = undefined;

  /** The lock's IANA time zone; when absent, the element reads it from the device. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** The viewer's IANA time zone, shown beside lock times when it differs; default the browser's. */
  @property({ attribute: 'viewer-time-zone' }) viewerTimeZone = '';

  /**
   * How changes reach the element: `auto` (default), `poll`, `events`, or `push` (a relay at
   * `relay-url`, authorised by `relay-token`).
   */
  @property({ reflect: true }) verification: VerificationMode = 'auto';

  /** The relay's Server-Sent Events URL, for `verification="push"`. */
  @property({ attribute: 'relay-url' }) relayUrl = '';

  /** The subscriber token the relay expects, for `verification="push"`. */
  @property({ attribute: 'relay-token' }) relayToken = '';

  /**
   * The code's state from a verifier that runs elsewhere (the extension's background, a worker):
   * when set, the element shows it as it is and follows nothing itself.
   */
  @property({ attribute: false }) state: CodeState | undefined = undefined;

  /** Shows only the errors this returns true for (e.g. hide account errors a host handles). */
  @property({ attribute: false }) errorFilter: ((issue: CodeIssue) => boolean) | undefined =
    undefined;

  /** Shows only the warnings this returns true for. */
  @property({ attribute: false }) warningFilter: ((issue: CodeIssue) => boolean) | undefined =
    undefined;

  /** Hides the code's id (shown in the history for support requests). */
  @property({ type: Boolean, attribute: 'hide-ids' }) hideIds = false;

  /** Hides the actions (delete, backup code, check again), for read-only views. */
  @property({ type: Boolean, attribute: 'no-actions' }) noActions = false;

  @state() private codeState: CodeState | null = null;
  @state() private lock: LockFacts | null = null;
  @state() private revealed = false;
  @state() private confirmingDelete = false;
  @state() private acting: 'delete' | 'backup' | 'check' | null = null;
  @state() private actionError: DescribedError | null = null;
  @state() private backupCode: AccessCode | null = null;
  @state() private copied = false;
  @state() private announcement = '';

  #watched: { verifier: LazyVerifier; id: string; release: () => void } | null = null;
  /** A withheld PIN fetched because the user asked to see or copy it (see #pinOf). */
  #fetchedPin: { id: string; pin: string } | null = null;
  #previousPhase: DerivedPhase | null = null;
  #lastNotified: CodeState | null = null;
  #deviceLoadFor = '';
  #focusAfterRender: string | null = null;

  /** The id of the code shown: from `state`, the `accessCode` property, or `access-code-id`. */
  get #id(): string {
    return this.state?.accessCodeId ?? this.accessCode?.access_code_id ?? this.accessCodeId.trim();
  }

  /** Whether actions can run: they need a connection (a pushed `state` may come without one). */
  get #canAct(): boolean {
    return !this.noActions && this.connection.ok && this.#id !== '';
  }

  /**
   * What is shown: the verifier's state of the code, or null before anything is known.
   * @internal For tests; hosts read `seam-status-change`.
   */
  get codeStateShown(): CodeState | null {
    return this.codeState;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#detach();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attach on the next update when the element comes back.
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('accessCode') && this.accessCode !== undefined) {
      this.accessCodeId = this.accessCode.access_code_id;
    }
    if (changed.has('verification') && !VERIFICATION_MODES.includes(this.verification)) {
      console.warn(
        `<seam-code-status>: verification="${String(this.verification)}" is not one of ` +
          `${VERIFICATION_MODES.join(', ')}; using "auto".`,
      );
      this.verification = 'auto';
    }
    const connection = this.connection;
    const id = this.#id;
    if (this.state !== undefined) {
      // A host pushes the state: show it, follow nothing.
      this.#detach();
      if (changed.has('state')) this.#onState(this.state);
    } else if (!connection.ok || id === '') {
      this.#detach();
      this.codeState = null;
    } else if (
      this.#watched === null ||
      this.#watched.verifier !== connection.verifier ||
      this.#watched.id !== id ||
      changed.has('verification') ||
      changed.has('relayUrl') ||
      changed.has('relayToken')
    ) {
      this.#attach(connection.verifier, id);
    }
    if (connection.ok && id !== '') this.#loadLockFacts();
    this.#syncStates();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusAfterRender !== null) {
      this.renderRoot.querySelector<HTMLElement>(this.#focusAfterRender)?.focus();
      this.#focusAfterRender = null;
    }
  }

  #attach(lazy: LazyVerifier, id: string, attempt = 0): void {
    this.#detach();
    let released = false;
    let release = (): void => {
      released = true;
    };
    this.#watched = { verifier: lazy, id, release: () => release() };
    const ready = lazy.current;
    if (ready !== undefined) {
      release = this.#follow(ready, id);
      return;
    }
    // The first element to follow a code on this page downloads the verifier.
    lazy.load().then(
      (verifier) => {
        if (released) return;
        if (attempt > 0) this.actionError = null;
        release = this.#follow(verifier, id);
      },
      (error: unknown) => {
        if (released) return;
        this.actionError = describeError(error, this.t);
        this.#report(error, this.actionError, 'verify');
        // A download that failed (offline for a moment, a deploy replaced the chunk) is tried
        // again, waiting longer each time.
        const retry = setTimeout(
          () => this.#attach(lazy, id, attempt + 1),
          Math.min(60_000, 2_000 * 2 ** attempt),
        );
        release = () => {
          released = true;
          clearTimeout(retry);
        };
      },
    );
  }

  /** Watches the code with the verifier and shows its states; returns how to stop. */
  #follow(verifier: Verifier, id: string): () => void {
    let release: () => void;
    try {
      release = verifier.watch(this.accessCode ?? id, this.#watchOptions());
    } catch (error) {
      // A mode this verifier cannot run (events off, push without a relay): say so, follow it
      // with the verifier's own sources instead.
      this.actionError = describeError(error, this.t);
      this.#report(error, this.actionError, 'verify');
      release = verifier.watch(this.accessCode ?? id);
    }
    const unsubscribe = verifier.subscribe(id, (codeState) => this.#onState(codeState));
    const snapshot = verifier.getSnapshot(id);
    if (snapshot !== null) this.#onState(snapshot);
    return () => {
      unsubscribe();
      release();
    };
  }

  /** Which sources follow the code, from `verification`. */
  #watchOptions(): WatchOptions {
    switch (this.verification) {
      case 'push':
        return this.relayUrl.trim() !== ''
          ? {
              // The relay pushes; polling stays on as a safety net for a dropped stream.
              sources: { poll: true, push: { url: this.relayUrl.trim(), token: this.relayToken } },
            }
          : { mode: 'push' };
      case 'poll':
      case 'events':
        return { mode: this.verification };
      default:
        return {};
    }
  }

  #detach(): void {
    this.#watched?.release();
    this.#watched = null;
  }

  #onState(codeState: CodeState): void {
    if (codeState === this.#lastNotified) return;
    this.#lastNotified = codeState;
    this.codeState = codeState;
    const previousPhase = this.#previousPhase;
    this.#previousPhase = codeState.phase;
    if (previousPhase !== codeState.phase) {
      this.announcement = this.t.status.phases[codeState.phase].label;
    }
    this.dispatchEvent(
      new SeamStatusChangeEvent({
        accessCodeId: codeState.accessCodeId,
        phase: codeState.phase,
        previousPhase,
        accessCode: codeState.snapshot?.accessCode ?? null,
        state: codeState,
      }),
    );
  }

  /** The lock's zone and scheduling, from the device (once per lock and client). */
  #loadLockFacts(): void {
    const connection = this.connection;
    const deviceId = this.codeState?.deviceId ?? this.accessCode?.device_id ?? null;
    if (!connection.ok || deviceId === null || this.#deviceLoadFor === deviceId) return;
    this.#deviceLoadFor = deviceId;
    void lockFacts(connection.client, deviceId).then(
      (facts) => {
        if (this.#deviceLoadFor === deviceId) this.lock = facts;
      },
      () => {
        // The window is then shown in `time-zone` or the viewer's zone, labelled as such, and
        // a pending code says only that it goes to the lock before it starts.
      },
    );
  }

  /**
   * Now: for a state pushed by a verifier elsewhere, that verifier's newest observation (its
   * clock, not this page's); otherwise the connection's clock.
   */
  #now(): number {
    const asOf = Date.parse(this.state?.asOf ?? '');
    if (Number.isFinite(asOf)) return asOf;
    const connection = this.connection;
    return connection.ok ? connection.now() : Date.now();
  }

  #validZone(zone: string): string | null {
    const trimmed = zone.trim();
    return trimmed !== '' && isValidTimeZone(trimmed) ? trimmed : null;
  }

  #zone(): { timeZone: string; known: boolean } {
    const given = this.#validZone(this.timeZone) ?? this.lock?.timeZone ?? null;
    return given !== null && isValidTimeZone(given)
      ? { timeZone: given, known: true }
      : { timeZone: this.#viewerZone(), known: false };
  }

  #viewerZone(): string {
    return this.#validZone(this.viewerTimeZone) ?? viewerTimeZone();
  }

  #syncStates(): void {
    const phase = this.codeState?.phase ?? null;
    this.setState('loading', this.codeState === null);
    for (const candidate of Object.keys(this.t.status.phases) as DerivedPhase[]) {
      this.setState(candidate, candidate === phase);
    }
    this.setState('used', this.codeState?.flags.used === true);
    this.setState('degraded', this.codeState?.flags.connectionDegraded === true);
  }

  #format(instant: string): { lock: string; viewer: string | null } {
    const { timeZone } = this.#zone();
    const formatted = formatInstant(instant, {
      timeZone,
      viewerTimeZone: this.#viewerZone(),
      locale: this.locale,
    });
    return { lock: formatted.lock.text, viewer: formatted.viewer?.text ?? null };
  }

  /** Short time for the timeline, in the lock's zone. */
  #short(instant: string): string {
    const { timeZone } = this.#zone();
    return new Intl.DateTimeFormat(this.locale, {
      timeZone,
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    }).format(new Date(instant));
  }

  #report(
    error: unknown,
    described: DescribedError,
    stage: 'load' | 'action' | 'verify' = 'action',
  ): void {
    if (described.unauthorized) this.reportSessionExpired(error);
    this.dispatchEvent(
      new SeamErrorEvent({
        stage,
        code: described.code,
        message: described.message,
        error,
      }),
    );
  }

  async #copy(pin: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(pin);
      this.copied = true;
      this.announcement = this.t.status.copied;
      setTimeout(() => {
        this.copied = false;
      }, 2000);
    } catch {
      // The page may not allow the clipboard (permissions policy, insecure origin): show the PIN
      // so it can be copied by hand.
      this.revealed = true;
      this.announcement = this.t.status.copyFailed;
      this.actionError = {
        code: 'clipboard_denied',
        message: this.t.status.copyFailed,
        retryable: false,
        unauthorized: false,
      };
    }
  }

  #askDelete(): void {
    this.confirmingDelete = true;
    this.#focusAfterRender = '#confirm-delete';
  }

  #cancelDelete(): void {
    this.confirmingDelete = false;
    this.#focusAfterRender = '#delete';
  }

  async #delete(): Promise<void> {
    const connection = this.connection;
    const id = this.#id;
    if (!connection.ok || id === '' || this.acting !== null) return;
    const event = new SeamCodeDeleteEvent(id);
    this.dispatchEvent(event);
    this.confirmingDelete = false;
    if (event.defaultPrevented) return;
    this.acting = 'delete';
    this.actionError = null;
    try {
      // The verifier sends the delete and follows the removal until Seam confirms it.
      await (await connection.verifier.load()).deleteAccessCode(id);
      this.announcement = this.t.status.deleteRequested;
    } catch (error) {
      await this.guidanceReady();
      this.actionError = describeError(error, this.t);
      this.#report(error, this.actionError);
    } finally {
      this.acting = null;
    }
  }

  async #pullBackup(): Promise<void> {
    const connection = this.connection;
    const id = this.#id;
    if (!connection.ok || id === '' || this.acting !== null) return;
    this.acting = 'backup';
    this.actionError = null;
    try {
      const backup = await connection.client.accessCodes.pullBackupAccessCode({
        access_code_id: id,
      });
      this.backupCode = backup;
      this.announcement = this.t.status.backupPulled;
      this.#focusAfterRender = '#backup';
      this.dispatchEvent(new SeamBackupCodePulledEvent(id, backup));
      this.#refresh(id);
    } catch (error) {
      await this.guidanceReady();
      this.actionError = describeError(error, this.t);
      this.#report(error, this.actionError);
    } finally {
      this.acting = null;
    }
  }

  #checkNow(): void {
    const connection = this.connection;
    const id = this.#id;
    if (!connection.ok || id === '') return;
    this.actionError = null;
    this.#refresh(id);
    this.announcement = this.t.status.checking;
  }

  /** Reads the code again now, outside the verifier's schedule. */
  #refresh(id: string): void {
    const connection = this.connection;
    if (connection.ok) connection.verifier.current?.refresh(id);
  }

  override render(): TemplateResult {
    const connection = this.connection;
    const t = this.t.status;
    let body: TemplateResult;
    if (this.codeState !== null && (this.state !== undefined || connection.ok)) {
      body = this.#renderState(this.codeState);
    } else if (!connection.ok) {
      body = html`<p part="error" class="error-box" role="alert">${connection.message}</p>`;
    } else if (this.#id === '') {
      body = html`<p part="error" class="error-box">${t.noCode}</p>`;
    } else {
      body = html`<p class="muted" aria-busy="true">${this.t.loading}</p>
        ${
          this.actionError !== null
            ? html`<p part="error" class="error-box" role="alert">${this.actionError.message}</p>`
            : nothing
        }`;
    }
    return html`<div part="base" class="base">
      ${body}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.announcement}
      </div>
    </div>`;
  }

  #renderState(codeState: CodeState): TemplateResult {
    const t = this.t.status;
    const phase = codeState.phase;
    const code = codeState.snapshot?.accessCode ?? this.accessCode ?? null;
    const phaseText = t.phases[phase];
    return html`<div part="header" class="header">
        <span part="phase" class="phase tone-${toneOf(phase)}">
          <span class="dot" aria-hidden="true"></span>${phaseText.label}
        </span>
        ${code?.name ? html`<span class="name">${code.name}</span>` : nothing}
        ${this.#appearance(code)}
      </div>
      <p part="detail" class="detail">${this.#detail(codeState, code)}</p>
      ${code !== null && phase !== 'removed' ? this.#renderWindow(code) : nothing}
      ${code !== null && phase !== 'removed' ? this.#renderPin(code, phase) : nothing}
      ${this.#renderFlags(codeState)} ${this.#renderIssues(codeState)}
      ${this.backupCode !== null ? this.#renderBackup(this.backupCode) : nothing}
      ${
        this.actionError !== null
          ? html`<p part="error" class="error-box" role="alert">${this.actionError.message}</p>`
          : nothing
      }
      ${this.#canAct ? this.#renderActions(codeState, code) : nothing}
      ${this.#renderTimeline(codeState)}`;
  }

  /** The name as the lock shows it (`appearance.name`), when the provider changed it. */
  #appearance(code: AccessCode | null): TemplateResult | typeof nothing {
    const shown = (code as { appearance?: { name?: unknown } } | null)?.appearance?.name;
    if (typeof shown !== 'string' || shown === '' || shown === code?.name) return nothing;
    return html`<span class="muted">${this.t.status.onLockAs(shown)}</span>`;
  }

  /**
   * When Seam puts a pending code on the lock: 72 h before its start on locks with native
   * scheduling, an hour before on the others (spec §B8); null for ongoing codes or an unknown lock.
   */
  #programmedAt(code: AccessCode | null): string | null {
    const startsAt = code?.type === 'time_bound' ? Date.parse(code.starts_at ?? '') : NaN;
    const native = this.lock?.nativeScheduling;
    if (!Number.isFinite(startsAt) || native === null || native === undefined) return null;
    return new Date(startsAt - (native ? NATIVE_PRELOAD_MS : JUST_IN_TIME_LEAD_MS)).toISOString();
  }

  /** The sentence under the phase, with the times that matter for it. */
  #detail(codeState: CodeState, code: AccessCode | null): string {
    const t = this.t.status;
    const phase = codeState.phase;
    const at = (instant: string | null | undefined) =>
      instant ? this.#format(instant).lock : null;
    switch (phase) {
      case 'pending': {
        // Its moment to be programmed has come (or came before it was created): not a past date.
        const programmedAt = this.#programmedAt(code);
        const startsAt = code?.type === 'time_bound' ? Date.parse(code.starts_at ?? '') : NaN;
        const due =
          (programmedAt !== null && Date.parse(programmedAt) <= this.#now()) ||
          (Number.isFinite(startsAt) && startsAt - JUST_IN_TIME_LEAD_MS <= this.#now());
        return due ? t.pendingDue : t.phases.pending.detail(at(programmedAt));
      }
      case 'scheduled':
        return t.phases.scheduled.detail(at(code?.starts_at));
      case 'active':
        return t.phases.active.detail(code?.type === 'time_bound' ? at(code.ends_at) : null);
      default:
        return t.phases[phase].detail(null);
    }
  }

  #renderWindow(code: AccessCode): TemplateResult {
    const t = this.t.status;
    const { timeZone, known } = this.#zone();
    if (code.type !== 'time_bound' || !code.starts_at || !code.ends_at) {
      return html`<p part="window" class="window">${t.ongoing}</p>`;
    }
    const start = this.#format(code.starts_at);
    const end = this.#format(code.ends_at);
    // The start had passed when the code was made: it works from now, which is what to tell.
    const startedAtCreation = Date.parse(code.starts_at) <= Date.parse(code.created_at);
    return html`<div part="window" class="window">
      <p>
        ${startedAtCreation ? t.startsNow(end.lock) : t.window(start.lock, end.lock)}
        <span class="muted">${known ? t.lockZone(timeZone) : t.yourZone(timeZone)}</span>
      </p>
      ${
        start.viewer !== null && end.viewer !== null
          ? html`<p class="muted">${t.viewerWindow(start.viewer, end.viewer)}</p>`
          : nothing
      }
    </div>`;
  }

  #renderPin(code: AccessCode, phase: DerivedPhase): TemplateResult {
    const t = this.t.status;
    if (code.code === null || phase === 'awaiting_code') {
      return html`<p part="pin" class="pin muted">${t.pinPending}</p>`;
    }
    const known = isPinWithheld(code.code) ? this.#fetchedPinOf(code.access_code_id) : code.code;
    const shown = this.revealed && known !== null;
    return html`<div part="pin" class="pin">
      <span class="pin-label" id="pin-label">${t.pin}</span>
      <span class="pin-value" aria-labelledby="pin-label" aria-live="off">
        ${
          shown
            ? html`<code>${known}</code>`
            : html`<span aria-label=${t.pinHidden}
                >${'•'.repeat((known ?? code.code).length)}</span
              >`
        }
      </span>
      <button
        part="button"
        type="button"
        aria-pressed=${shown ? 'true' : 'false'}
        @click=${() => this.#toggleReveal(code)}
      >
        ${shown ? t.hidePin : t.showPin}
      </button>
      <button part="button" type="button" @click=${() => void this.#copyPinOf(code)}>
        ${this.copied ? t.copied : t.copyPin}
      </button>
    </div>`;
  }

  /**
   * The PIN of `code` as the user may see it: its own, or, where a stored or shared state withheld
   * it (no PIN at rest), fetched from Seam now that the user asks. Null when that read failed
   * (the error is shown).
   */
  async #pinOf(code: AccessCode): Promise<string | null> {
    if (code.code !== null && !isPinWithheld(code.code)) return code.code;
    const fetched = this.#fetchedPinOf(code.access_code_id);
    if (fetched !== null) return fetched;
    const connection = this.connection;
    if (!connection.ok) return null;
    try {
      this.actionError = null;
      const pin = await (await connection.verifier.load()).revealPin(code.access_code_id);
      // Kept in a private field only while shown: never in a reactive (host-readable) property.
      if (pin !== null) this.#fetchedPin = { id: code.access_code_id, pin };
      return pin;
    } catch (error) {
      await this.guidanceReady();
      this.actionError = describeError(error, this.t);
      this.#report(error, this.actionError);
      return null;
    }
  }

  #fetchedPinOf(accessCodeId: string): string | null {
    return this.#fetchedPin?.id === accessCodeId ? this.#fetchedPin.pin : null;
  }

  #toggleReveal(code: AccessCode): void {
    if (this.revealed) {
      this.revealed = false;
      this.#fetchedPin = null;
      return;
    }
    if (!isPinWithheld(code.code) || this.#fetchedPinOf(code.access_code_id) !== null) {
      this.revealed = true;
      return;
    }
    void this.#pinOf(code).then((pin) => {
      if (pin !== null) this.revealed = true;
    });
  }

  async #copyPinOf(code: AccessCode): Promise<void> {
    const pin = await this.#pinOf(code);
    if (pin !== null) await this.#copy(pin);
  }

  #renderFlags(codeState: CodeState): TemplateResult | typeof nothing {
    const t = this.t.status;
    const { flags } = codeState;
    const lines: string[] = [];
    if (flags.used && flags.lastUsedAt !== null)
      lines.push(t.used(this.#format(flags.lastUsedAt).lock));
    else if (flags.used) lines.push(t.usedNoTime);
    if (flags.externallyModified) lines.push(t.externallyModified);
    if (flags.externallyDeleted) lines.push(t.externallyDeleted);
    if (flags.isBackup) lines.push(t.isBackup);
    if (flags.backupAccessCodeId !== null && this.backupCode === null) lines.push(t.hasBackup);
    if (flags.connectionDegraded) lines.push(t.degraded);
    if (lines.length === 0) return nothing;
    return html`<ul part="flags" class="flags">
      ${lines.map((line) => html`<li>${line}</li>`)}
    </ul>`;
  }

  #renderIssues(codeState: CodeState): TemplateResult | typeof nothing {
    const issues = codeState.issues.filter((issue) =>
      issue.kind === 'error'
        ? (this.errorFilter?.(issue) ?? true)
        : (this.warningFilter?.(issue) ?? true),
    );
    if (issues.length === 0) return nothing;
    return html`<ul part="issues" class="issues">
      ${issues.map((issue) => this.#renderIssue(issue, codeState))}
    </ul>`;
  }

  #renderIssue(issue: CodeIssue, codeState: CodeState): TemplateResult {
    const guidance = matchGuidance(issue, { backupAvailable: codeState.flags.backupAvailable });
    const text = guidanceText(this.t, guidance.textKey);
    // English guidance is fetched on the first issue shown; meanwhile Seam's message stands in.
    if (text === undefined) this.needGuidance();
    const [title, localExplanation] = text ?? [
      this.t.status.issueKind[issue.kind],
      guidance.seamMessage ?? '',
    ];
    const explanation = guidance.known
      ? localExplanation
      : (guidance.seamMessage ?? localExplanation);
    const actionLabel = this.t.actions[guidance.action];
    return html`<li part="issue" class="issue ${issue.kind}">
      <p class="issue-title">
        <span class="visually-hidden">${this.t.status.issueKind[issue.kind]}:</span>${title}
      </p>
      <p>${explanation}</p>
      ${
        guidance.known && issue.message && issue.message !== explanation
          ? html`<p class="muted">${this.t.status.seamSays(issue.message)}</p>`
          : nothing
      }
      ${
        actionLabel && !this.#isButtonAction(guidance.action, codeState)
          ? html`<p class="muted">${this.t.status.whatHelps(actionLabel)}</p>`
          : nothing
      }
    </li>`;
  }

  /** Actions the element offers as buttons; the others are shown as advice. */
  #isButtonAction(action: GuidanceAction, codeState: CodeState): boolean {
    if (!this.#canAct) return false;
    if (action === 'pull_backup_code') return codeState.flags.backupAvailable;
    if (action === 'delete_and_recreate') return DELETABLE.has(codeState.phase);
    return false;
  }

  #renderBackup(backup: AccessCode): TemplateResult {
    const t = this.t.status;
    return html`<div id="backup" part="backup" class="backup" tabindex="-1">
      <p class="issue-title">${t.backupTitle}</p>
      <p><code class="backup-pin">${backup.code ?? t.pinPending}</code></p>
      <p class="muted">${t.backupHint}</p>
    </div>`;
  }

  #renderActions(codeState: CodeState, code: AccessCode | null): TemplateResult | typeof nothing {
    const t = this.t.status;
    const phase = codeState.phase;
    const buttons: TemplateResult[] = [];
    const offline = code?.is_offline_access_code === true;
    const busy = this.acting !== null;
    if (
      codeState.flags.backupAvailable &&
      (phase === 'failed' || phase === 'delayed') &&
      this.backupCode === null &&
      code?.type === 'time_bound'
    ) {
      buttons.push(
        html`<button
          part="button"
          type="button"
          class="primary"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => void this.#pullBackup()}
        >
          ${this.acting === 'backup' ? t.pullingBackup : t.pullBackup}
        </button>`,
      );
    }
    if (CHECKABLE.has(phase) || codeState.flags.connectionDegraded) {
      buttons.push(
        html`<button part="button" type="button" @click=${() => this.#checkNow()}>
          ${t.checkNow}
        </button>`,
      );
    }
    if (DELETABLE.has(phase) && !offline && !this.confirmingDelete) {
      buttons.push(
        html`<button
          id="delete"
          part="button"
          type="button"
          class="danger"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => (busy ? undefined : this.#askDelete())}
        >
          ${this.acting === 'delete' ? t.deleting : t.delete}
        </button>`,
      );
    }
    const confirm = this.confirmingDelete
      ? html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-text">
          <p id="confirm-text">${t.confirmDelete}</p>
          <button
            id="confirm-delete"
            part="button"
            type="button"
            class="danger"
            @click=${() => void this.#delete()}
          >
            ${t.confirmDeleteYes}
          </button>
          <button part="button" type="button" @click=${() => this.#cancelDelete()}>
            ${t.confirmDeleteNo}
          </button>
        </div>`
      : nothing;
    if (buttons.length === 0 && confirm === nothing) {
      return offline && phase === 'active'
        ? html`<p class="muted">${t.offlineCannotDelete}</p>`
        : nothing;
    }
    return html`<div part="actions" class="actions">${buttons}</div>
      ${confirm}`;
  }

  #renderTimeline(codeState: CodeState): TemplateResult | typeof nothing {
    // One entry per fact, in Seam's order and clock (core's historyOf); newest first.
    const entries = historyOf(codeState).reverse();
    if (entries.length === 0) return nothing;
    const t = this.t.status;
    return html`<details part="timeline" class="timeline">
      <summary>${t.timeline}</summary>
      <ol>
        ${entries.map(
          (entry) =>
            html`<li>
              <time datetime=${entry.at}>${this.#short(entry.at)}</time>
              <span>${this.#timelineText(entry)}</span>
            </li>`,
        )}
      </ol>
      ${
        this.hideIds || codeState.accessCodeId === null
          ? nothing
          : html`<p class="muted">${t.codeId} <code>${codeState.accessCodeId}</code></p>`
      }
    </details>`;
  }

  #timelineText(entry: TimelineEntry): string {
    const t = this.t.status.timelineText;
    switch (entry.kind) {
      case 'request':
        return t.request(entry.operation, entry.outcome, entry.errorType);
      case 'status':
        return t.status(entry.status);
      case 'event':
        return t.event(entry.eventType);
      case 'not_found':
        return t.notFound;
      case 'action_attempt':
        return t.actionAttempt(entry.actionType, entry.status);
    }
  }
}

/** What the status needs to know of the lock: its zone, and whether it preloads codes. */
interface LockFacts {
  readonly timeZone: string | null;
  /** Native scheduling (72 h preload) per core's provider list; null when unknown. */
  readonly nativeScheduling: boolean | null;
}

/** Lock facts by client and device id: a page of status elements asks once per lock. */
const lockCache = new WeakMap<SeamClient, Map<string, Promise<LockFacts>>>();

function lockFacts(client: SeamClient, deviceId: string): Promise<LockFacts> {
  let byDevice = lockCache.get(client);
  if (byDevice === undefined) {
    byDevice = new Map();
    lockCache.set(client, byDevice);
  }
  let facts = byDevice.get(deviceId);
  if (facts === undefined) {
    facts = client.devices.get({ device_id: deviceId }).then((device) => ({
      timeZone: deviceTimeZone(device),
      nativeScheduling: nativeSchedulingOf(device).supported,
    }));
    facts.catch(() => byDevice?.delete(deviceId));
    byDevice.set(deviceId, facts);
  }
  return facts;
}

declare global {
  interface HTMLElementTagNameMap {
    'seam-code-status': SeamCodeStatus;
  }
}
