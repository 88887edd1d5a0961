/**
 * Changes sent through the verifier (`deleteAccessCode`, `updateAccessCode`): each request is an
 * observation of its own (started, succeeded with its action attempt, failed), so the code shows
 * `removing` or `updating` at once and is followed until the lock has the change, even when
 * nobody watches it (it is forgotten once the change is done; see `Entry.transient`).
 */
import { SeamInvalidArgumentError } from '../client/errors.js';
import type { AccessCodesUpdateParams } from '../client/resources.js';
import type { SeamClient } from '../client/seam-client.js';
import type { Observation, RequestOperation } from '../lifecycle/types.js';
import { UUID, fail } from './checks.js';
import type { Entry } from './entry.js';
import { requestFailureOf } from './failures.js';
import { iso } from './loop.js';
import type { ResolvedPollOptions } from './schedule.js';
import type { VerifierClock, VerifierErrorSource } from './types.js';

/** What the mutations need from the verifier. */
export interface MutationHost {
  readonly client: SeamClient;
  readonly clock: VerifierClock;
  /** Aborted when the verifier is disposed. */
  readonly signal: AbortSignal;
  /** After a change, the code is polled fast for `dueWindowMs`. */
  readonly timing: ResolvedPollOptions;
  readonly entries: ReadonlyMap<string, Entry>;
  disposed(): boolean;
  /** Follows a code not followed yet. */
  add(accessCodeId: string): Entry;
  apply(entry: Entry, observation: Observation): void;
  /** After anything changed: persist, and re-plan every source. */
  changed(): void;
  report(error: unknown, source: VerifierErrorSource): void;
}

export class Mutations {
  readonly #host: MutationHost;
  #requestCounter = 0;

  constructor(host: MutationHost) {
    this.#host = host;
  }

  delete(accessCodeId: string): Promise<void> {
    return this.#request(accessCodeId, 'delete', async (signal) => {
      const response = await this.#host.client.accessCodes.deleteWithActionAttempt(
        { access_code_id: accessCodeId },
        { signal },
      );
      return response.action_attempt;
    });
  }

  update(params: AccessCodesUpdateParams): Promise<void> {
    const id = (params as { access_code_id?: unknown } | null)?.access_code_id;
    if (typeof id !== 'string' || id === '') {
      return Promise.reject(
        new SeamInvalidArgumentError(
          'verifier.updateAccessCode needs `access_code_id` (a string).',
        ),
      );
    }
    return this.#request(id, 'update', async (signal) => {
      const response = await this.#host.client.accessCodes.updateWithActionAttempt(params, {
        signal,
      });
      return response.action_attempt;
    });
  }

  async #request(
    accessCodeId: string,
    operation: RequestOperation,
    send: (signal: AbortSignal) => Promise<unknown>,
  ): Promise<void> {
    const host = this.#host;
    if (host.disposed())
      fail(`verifier: this verifier was disposed; the ${operation} was not sent.`);
    if (typeof accessCodeId !== 'string' || !UUID.test(accessCodeId)) {
      fail(
        `verifier.${operation}AccessCode needs an access code id (a UUID); got ${JSON.stringify(accessCodeId)}.`,
      );
    }
    let entry = host.entries.get(accessCodeId);
    if (entry === undefined) {
      // Followed without a watch: forgotten once the change is done (see Entry.transient).
      entry = host.add(accessCodeId);
      entry.refetch = true;
      entry.transient = true;
    }
    const target = entry;
    const clock = host.clock;
    const requestId = `verifier-${operation}-${++this.#requestCounter}-${clock.now()}`;
    host.apply(target, {
      type: 'request.started',
      requestId,
      operation,
      observedAt: iso(clock.now()),
    });
    host.changed();
    try {
      const actionAttempt = await send(host.signal);
      host.apply(target, {
        type: 'request.succeeded',
        requestId,
        operation,
        observedAt: iso(clock.now()),
        ...(actionAttempt !== null && typeof actionAttempt === 'object'
          ? { actionAttempt: actionAttempt as never }
          : {}),
      });
    } catch (error) {
      host.apply(target, {
        type: 'request.failed',
        requestId,
        operation,
        observedAt: iso(clock.now()),
        error: requestFailureOf(error),
      });
      host.report(error, 'request');
      throw error;
    } finally {
      target.unchangedLooks = 0;
      target.burstUntil = clock.now() + host.timing.dueWindowMs;
      host.changed();
    }
  }
}
