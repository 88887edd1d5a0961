/**
 * The base of every public event of these elements: it bubbles and crosses shadow roots (the host
 * page listens on the element or any ancestor), and carries its data in `detail`.
 */
export abstract class SeamDetailEvent<Detail> extends Event {
  readonly detail: Detail;
  protected constructor(name: string, detail: Detail, options: { cancelable?: boolean } = {}) {
    super(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.detail = detail;
  }
}

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
 * `detail`: what went wrong, where.
 */
export class SeamErrorEvent extends SeamDetailEvent<SeamErrorDetail> {
  /** The DOM event name. */
  static readonly eventName = 'seam-error';
  constructor(detail: SeamErrorDetail) {
    super(SeamErrorEvent.eventName, detail);
  }
}

/**
 * Fired when Seam answers 401: the client session token expired or was revoked. The host page
 * mints a new token and sets the `client-session-token` attribute (or a new `client`); the element
 * then reloads by itself.
 * `detail`: the error Seam returned.
 */
export class SeamSessionExpiredEvent extends SeamDetailEvent<{ readonly error: unknown }> {
  /** The DOM event name. */
  static readonly eventName = 'seam-session-expired';
  constructor(error: unknown) {
    super(SeamSessionExpiredEvent.eventName, { error });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'seam-error': SeamErrorEvent;
    'seam-session-expired': SeamSessionExpiredEvent;
  }
}
