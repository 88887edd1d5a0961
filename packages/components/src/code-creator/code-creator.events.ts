import type { CreateAccessCodeInput, CreateAccessCodesInput } from '@seam-codes/core';
import type { AccessCode, ActionAttempt } from '@seamapi/types/connect';

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
 */
export class SeamCodeSubmitEvent extends Event {
  /** The DOM event name. */
  static readonly eventName = 'seam-code-submit';
  /** The request about to be sent. */
  readonly detail: SeamCodeSubmitDetail;
  constructor(detail: SeamCodeSubmitDetail) {
    super(SeamCodeSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
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
 */
export class SeamCodeCreatedEvent extends Event {
  /** The DOM event name. */
  static readonly eventName = 'seam-code-created';
  /** The code(s) Seam created. */
  readonly detail: SeamCodeCreatedDetail;
  constructor(detail: SeamCodeCreatedDetail) {
    super(SeamCodeCreatedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** Fired when the verifier saw the new code set on the lock (status `set`). */
export class SeamCodeSetEvent extends Event {
  /** The DOM event name. */
  static readonly eventName = 'seam-code-set';
  /** The code as last seen, now on the lock. */
  readonly detail: { readonly accessCode: AccessCode };
  constructor(accessCode: AccessCode) {
    super(SeamCodeSetEvent.eventName, { bubbles: true, composed: true });
    this.detail = { accessCode };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'seam-code-submit': SeamCodeSubmitEvent;
    'seam-code-created': SeamCodeCreatedEvent;
    'seam-code-set': SeamCodeSetEvent;
  }
}
