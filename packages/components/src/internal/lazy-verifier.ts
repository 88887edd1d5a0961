import type { SeamClient, Verifier } from '@seam-codes/core';

/**
 * The verifier of a connection, made on first use. The verifier and the lifecycle rules it
 * runs are the largest part of the library; a page with only a form never downloads them, and
 * a creator fetches them while Seam creates its first code.
 */
export class LazyVerifier {
  #verifier: Verifier | undefined;
  #loading: Promise<Verifier> | undefined;
  #disposed = false;
  readonly #make: () => Promise<Verifier>;

  private constructor(make: () => Promise<Verifier>, ready?: Verifier) {
    this.#make = make;
    this.#verifier = ready;
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

  /** The verifier, loading it the first time. */
  load(): Promise<Verifier> {
    if (this.#verifier !== undefined) return Promise.resolve(this.#verifier);
    this.#loading ??= this.#make().then(
      (verifier) => {
        this.#verifier = verifier;
        // Given up while it loaded: stop it at once.
        if (this.#disposed) void verifier.dispose();
        return verifier;
      },
      (error: unknown) => {
        // A failed download (offline, a deploy replaced the chunk) may be tried again.
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  /** Stops the verifier if it was made (ours only: a host's verifier is the host's). */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await this.#verifier?.dispose();
  }
}

const given = new WeakMap<Verifier, LazyVerifier>();
