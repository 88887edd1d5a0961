import type { CodeState, DerivedPhase } from '@seam-codes/core';
import type { AccessCode } from '@seamapi/types/connect';
import { SeamDetailEvent } from '../internal/events.js';

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
 * `detail`: what changed.
 */
export class SeamStatusChangeEvent extends SeamDetailEvent<SeamStatusChangeDetail> {
  /** The DOM event name. */
  static readonly eventName = 'seam-status-change';
  constructor(detail: SeamStatusChangeDetail) {
    super(SeamStatusChangeEvent.eventName, detail);
  }
}

/**
 * Fired when the user confirmed deleting the code, before the request is sent. Cancelable:
 * `preventDefault()` keeps the code (for a host that deletes through its own backend).
 * `detail`: the code to delete.
 */
export class SeamCodeDeleteEvent extends SeamDetailEvent<{ readonly accessCodeId: string }> {
  /** The DOM event name. */
  static readonly eventName = 'seam-code-delete';
  constructor(accessCodeId: string) {
    super(SeamCodeDeleteEvent.eventName, { accessCodeId }, { cancelable: true });
  }
}

/**
 * Fired when a backup code was pulled for a code that failed to reach the lock.
 * `detail`: the original code's id and the backup code to give the guest.
 */
export class SeamBackupCodePulledEvent extends SeamDetailEvent<{
  readonly accessCodeId: string;
  readonly backupAccessCode: AccessCode;
}> {
  /** The DOM event name. */
  static readonly eventName = 'seam-backup-code-pulled';
  constructor(accessCodeId: string, backupAccessCode: AccessCode) {
    super(SeamBackupCodePulledEvent.eventName, { accessCodeId, backupAccessCode });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'seam-status-change': SeamStatusChangeEvent;
    'seam-code-delete': SeamCodeDeleteEvent;
    'seam-backup-code-pulled': SeamBackupCodePulledEvent;
  }
}
