import type { CodeState, DerivedPhase } from '@seam-codes/core';
import type { AccessCode } from '@seamapi/types/connect';

/** A change of what `<seam-code-status>` shows. */
export interface SeamStatusChangeDetail {
  /** The code's id; null only while a create has not been answered. */
  readonly accessCodeId: string | null;
  /** The derived phase now: `pending`, `scheduled`, `programming`, `active`, `removed`, ... */
  readonly phase: DerivedPhase;
  /** The phase before this change; null on the first state the element shows. */
  readonly previousPhase: DerivedPhase | null;
  /** The newest snapshot of the code from Seam, when there is one. */
  readonly accessCode: AccessCode | null;
  /** Everything known about the code (issues, flags, timeline), as plain JSON. */
  readonly state: CodeState;
}

/**
 * Fired on every change of the state a `<seam-code-status>` shows: a new phase, a new issue, a
 * flag (used, externally modified...). `detail.phase` and `detail.previousPhase` say where it went.
 */
export class SeamStatusChangeEvent extends Event {
  /** The DOM event name. */
  static readonly eventName = 'seam-status-change';
  /** What changed. */
  readonly detail: SeamStatusChangeDetail;
  constructor(detail: SeamStatusChangeDetail) {
    super(SeamStatusChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * Fired when the user confirmed deleting the code, before the request is sent. Cancelable:
 * `preventDefault()` keeps the code (for a host that deletes through its own backend).
 */
export class SeamCodeDeleteEvent extends Event {
  /** The DOM event name. */
  static readonly eventName = 'seam-code-delete';
  /** The code to delete. */
  readonly detail: { readonly accessCodeId: string };
  constructor(accessCodeId: string) {
    super(SeamCodeDeleteEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = { accessCodeId };
  }
}

/** Fired when a backup code was pulled for a code that failed to reach the lock. */
export class SeamBackupCodePulledEvent extends Event {
  /** The DOM event name. */
  static readonly eventName = 'seam-backup-code-pulled';
  /** The original code's id and the backup code to give the guest. */
  readonly detail: { readonly accessCodeId: string; readonly backupAccessCode: AccessCode };
  constructor(accessCodeId: string, backupAccessCode: AccessCode) {
    super(SeamBackupCodePulledEvent.eventName, { bubbles: true, composed: true });
    this.detail = { accessCodeId, backupAccessCode };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'seam-status-change': SeamStatusChangeEvent;
    'seam-code-delete': SeamCodeDeleteEvent;
    'seam-backup-code-pulled': SeamBackupCodePulledEvent;
  }
}
