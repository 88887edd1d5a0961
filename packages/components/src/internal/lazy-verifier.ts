import type { SeamClient, Verifier } from '@seam-codes/core';
import { loadOnce } from './load-once.js';

/**
 * The verifier of a connection, made on first use. The verifier and the lifecycle rules it
 * runs are the largest part of the library; a page with only a form never downloads them, and
 * a creator fetches them while Seam creates its first code.
 */
export class LazyVerifier {
  #verifier: Verifier | undefined;
  #disposed = false;
  readonly #load: () => Promise<Verifier>;

  private constructor(make: () => Promise<Verifier>, ready?: Verifier) {
    this.#verifier = ready;
    this.#load = loadOnce(async () => {
      const verifier = await make();
      this.#verifier = verifier;
      // Given up while it loaded: stop it at once.
      if (this.#disposed) void verifier.dispose();
      return verifier;
    });
  }

  /** A verifier a host handed over: ready now. */
  static of(verifier: Verifier): LazyVerifier {
    let lazy = given.get(verifier);
    if (lazy === undefined) {
      lazy = new LazyVerifier(() => Promise.resolve(verifier), verifier);
      given.set(verifier, lazy);
    }
    return lazy;
  }

  /** Our own verifier for a client, made when first loaded. */
  static forClient(client: SeamClient): LazyVerifier {
    return new LazyVerifier(async () => {
      const { newVerifier } = await import('./new-verifier.js');
      return newVerifier(client);
    });
  }

  /** The verifier, once loaded. */
  get current(): Verifier | undefined {
    return this.#verifier;
  }

  /** The verifier, loading it the first time (a failed download is tried again next time). */
  load(): Promise<Verifier> {
    return this.#verifier !== undefined ? Promise.resolve(this.#verifier) : this.#load();
  }

  /** Stops the verifier if it was made (ours only: a host's verifier is the host's). */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.#verifier?.dispose();
  }
}

const given = new WeakMap<Verifier, LazyVerifier>();
