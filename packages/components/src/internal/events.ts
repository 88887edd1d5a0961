/** Where in an element's work an error happened. */
export type SeamErrorStage =
  /** The element's credentials, endpoint or client are missing or not allowed. */
  | 'configuration'
  /** Loading the device(s) or the access code failed. */
  | 'load'
  /** Creating the access code failed. */
  | 'create'
  /** A user action (delete, pull a backup code, generate a PIN) failed. */
  | 'action'
  /** Following the code on the lock failed. */
  | 'verify';

/** The payload of {@link SeamErrorEvent}. */
export interface SeamErrorDetail {
  /** What the element was doing. */
  readonly stage: SeamErrorStage;
  /** A stable code: the Seam error `type` for API errors, or one of ours (`missing_credentials`, ...). */
  readonly code: string;
  /** The message shown to the user, in the element's language. */
  readonly message: string;
  /** The original error, for logging by the host page. */
  readonly error: unknown;
}

/**
 * Fired when an element hits an error it shows to the user: a bad configuration, a failed load, a
 * rejected create, a failed action. Bubbles and crosses shadow roots.
 */
export class SeamErrorEvent extends Event {
  /** The DOM event name. */
  static readonly eventName = 'seam-error';
  /** What went wrong, where. */
  readonly detail: SeamErrorDetail;
  constructor(detail: SeamErrorDetail) {
    super(SeamErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * Fired when Seam answers 401: the client session token expired or was revoked. The host page
 * mints a new token and sets the `client-session-token` attribute (or a new `client`); the element
 * then reloads by itself.
 */
export class SeamSessionExpiredEvent extends Event {
  /** The DOM event name. */
  static readonly eventName = 'seam-session-expired';
  /** The error Seam returned. */
  readonly detail: { readonly error: unknown };
  constructor(error: unknown) {
    super(SeamSessionExpiredEvent.eventName, { bubbles: true, composed: true });
    this.detail = { error };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'seam-error': SeamErrorEvent;
    'seam-session-expired': SeamSessionExpiredEvent;
  }
}
