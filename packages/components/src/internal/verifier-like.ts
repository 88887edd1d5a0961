import type { CodeState, Observation } from '@seam-codes/core';
import type { AccessCode } from '@seamapi/types/connect';

/** Which sources follow one code (core's `WatchOptions`). */
export interface WatchOptionsLike {
  sources?: { poll?: boolean; events?: boolean; push?: boolean | { url: string; token: string } };
  mode?: 'auto' | 'poll' | 'events' | 'push';
}

/**
 * The part of core's `Verifier` the elements use: follow a code, read its state, hear about
 * changes, act on it. One verifier serves every element on a page.
 */
export interface VerifierLike {
  watch(accessCode: string | AccessCode, options?: WatchOptionsLike): () => void;
  subscribe(accessCodeId: string, listener: (state: CodeState) => void): () => void;
  getSnapshot(accessCodeId: string): CodeState | null;
  refresh(accessCodeId?: string | readonly string[]): void;
  observe(accessCodeId: string, observation: Observation): boolean;
  deleteAccessCode(accessCodeId: string): Promise<void>;
}
