/**
 * Whether this realm can coordinate verifiers (Web Locks and BroadcastChannel), checked where
 * the verifier is created; the coordination itself (`coordination.ts`) is loaded only when a
 * store asks for it and both APIs are there.
 */
/** The part of the Web Locks API (`navigator.locks`) used here. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
  query(): Promise<{ held?: readonly { name?: string }[] }>;
}

/** The part of `BroadcastChannel` used here. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** What the platform gives: both APIs, or null where either is missing (Node 20, old browsers). */
export interface CoordinationApis {
  readonly locks: LockManagerLike;
  readonly openChannel: (name: string) => BroadcastChannelLike;
}

/** The Web Locks API and BroadcastChannel of this realm, or null when either is missing. */
export function platformCoordinationApis(): CoordinationApis | null {
  const scope = globalThis as unknown as {
    navigator?: { locks?: Partial<LockManagerLike> };
    BroadcastChannel?: new (name: string) => BroadcastChannelLike;
  };
  const locks = scope.navigator?.locks;
  const Channel = scope.BroadcastChannel;
  if (
    locks === undefined ||
    typeof locks.request !== 'function' ||
    typeof locks.query !== 'function' ||
    typeof Channel !== 'function'
  ) {
    return null;
  }
  return { locks: locks as LockManagerLike, openChannel: (name) => new Channel(name) };
}
