import type { CreateAccessCodeInput, CreateAccessCodesInput } from '@seam-codes/core';
import type { AccessCode, ActionAttempt } from '@seamapi/types/connect';
import { SeamDetailEvent } from '../internal/events.js';

/** What `<seam-code-creator>` is about to send. */
export interface SeamCodeSubmitDetail {
  /**
   * The request body: `/access_codes/create` for one lock, `/access_codes/create_multiple` (with
   * `device_ids`) for one shared PIN on several.
   */
  readonly request: CreateAccessCodeInput | CreateAccessCodesInput;
  /** The locks the code goes to. */
  readonly deviceIds: readonly string[];
}

/**
 * Fired before the create request is sent. Cancelable: `preventDefault()` stops the element, for
 * a host that sends the request its own way (its backend, say).
 * `detail`: the request about to be sent.
 */
export class SeamCodeSubmitEvent extends SeamDetailEvent<SeamCodeSubmitDetail> {
  /** The DOM event name. */
  static readonly eventName = 'seam-code-submit';
  constructor(detail: SeamCodeSubmitDetail) {
    super(SeamCodeSubmitEvent.eventName, detail, { cancelable: true });
  }
}

/** What Seam accepted. */
export interface SeamCodeCreatedDetail {
  /** The new code (the first one when several locks share a PIN). */
  readonly accessCode: AccessCode;
  /** Every code created: one per lock. */
  readonly accessCodes: readonly AccessCode[];
  /** The `CREATE_ACCESS_CODE` action attempt, when Seam returned one. */
  readonly actionAttempt: ActionAttempt | null;
  /**
   * True when the response was lost and the element found the code it had created by looking it
   * up, instead of creating a second one.
   */
  readonly adopted: boolean;
}

/**
 * Fired when Seam accepted the code (HTTP success). The code is not on the lock yet: that is
 * `seam-code-set`.
 * `detail`: the code(s) Seam created.
 */
export class SeamCodeCreatedEvent extends SeamDetailEvent<SeamCodeCreatedDetail> {
  /** The DOM event name. */
  static readonly eventName = 'seam-code-created';
  constructor(detail: SeamCodeCreatedDetail) {
    super(SeamCodeCreatedEvent.eventName, detail);
  }
}

/**
 * Fired when the verifier saw the new code set on the lock (status `set`).
 * `detail`: the code as last seen, now on the lock.
 */
export class SeamCodeSetEvent extends SeamDetailEvent<{ readonly accessCode: AccessCode }> {
  /** The DOM event name. */
  static readonly eventName = 'seam-code-set';
  constructor(accessCode: AccessCode) {
    super(SeamCodeSetEvent.eventName, { accessCode });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'seam-code-submit': SeamCodeSubmitEvent;
    'seam-code-created': SeamCodeCreatedEvent;
    'seam-code-set': SeamCodeSetEvent;
  }
}
