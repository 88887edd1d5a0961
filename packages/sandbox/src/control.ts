/**
 * The sandbox's control API: faults and scripted behaviour for devices, accounts and codes.
 * The same operations are methods on the sandbox object and `/_sandbox/*` routes over HTTP.
 * Every method throws a `SandboxInputError` (a RangeError) naming the problem when an id or a value is wrong.
 */
import { SandboxInputError } from './input-error.js';
import type { DeviceWarning } from '@seamapi/types/connect';
import { addUnmanagedCode, modifyExternally, type ExternalChange } from './sim/codes.js';
import {
  enterCode,
  setAccountConnected,
  setDeviceOnline,
  setDeviceWarning,
  setKeypadBattery,
  setKeypadConnected,
} from './sim/device-control.js';
import { reconcile, reconcileDevice } from './sim/lifecycle.js';
import type { ReadFault, ReadFaultOptions, ReadFaults } from './read-faults.js';
import type {
  AccessCodeRecord,
  AttemptOutcome,
  ConnectedAccountRecord,
  DeviceBehaviour,
  DeviceRecord,
} from './state.js';
import type { World } from './world.js';

const outcomes: readonly AttemptOutcome[] = ['success', 'failure', 'delay'];

const numericBehaviour = [
  'setLatencyMs',
  'removeLatencyMs',
  'delayWarningAfterMs',
  'delayExtraMs',
  'retryIntervalMs',
] as const;

const probabilities = ['setFailureProbability', 'removeFailureProbability'] as const;

/** Checks a list of scripted outcomes. */
export function assertOutcomes(value: unknown, what: string): AttemptOutcome[] {
  if (!Array.isArray(value) || value.some((item) => !outcomes.includes(item as AttemptOutcome))) {
    throw new SandboxInputError(`${what} must be an array of "success", "failure" or "delay".`);
  }
  return value as AttemptOutcome[];
}

function assertCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw new SandboxInputError(`count must be a whole number from 1 to 1000, got ${count}.`);
  }
}

/** Control operations over the live world (the world is looked up on every call: resets swap it). */
export class SandboxControl {
  readonly #world: () => World;
  readonly #after: () => void;
  readonly #readFaults: ReadFaults;

  /** `after` runs after each operation (the sandbox runs due timers and notifies listeners). */
  constructor(world: () => World, after: () => void, readFaults: ReadFaults) {
    this.#world = world;
    this.#after = after;
    this.#readFaults = readFaults;
  }

  /**
   * Makes reads fail as Seam's do when it limits or is briefly down: 429 `rate_limit_exceeded`
   * with `Retry-After` (1 s unless `retryAfterS` says), or 503 `service_unavailable`, for the next
   * `count` matching reads or every one until the virtual time `untilMs`. Writes are never faulted.
   *
   * @example
   * sandbox.control.faultReads({ routes: ['/access_codes/list'], status: 429, retryAfterS: 30, count: 5 });
   */
  faultReads(options: ReadFaultOptions): ReadFault {
    return this.#readFaults.add(options, this.#world().now());
  }

  /** Ends the read faults on any of `routes` (all of them when none are given); returns how many. */
  clearReadFaults(routes?: readonly string[]): number {
    if (routes !== undefined && !Array.isArray(routes)) {
      throw new SandboxInputError('clearReadFaults takes an array of routes, or nothing for all.');
    }
    return this.#readFaults.clear(routes);
  }

  /** The read faults still active, oldest first (the oldest matching one answers a read). */
  readFaults(): ReadFault[] {
    return this.#readFaults.list(this.#world().now());
  }

  #device(deviceId: string): DeviceRecord {
    const device = this.#world().devices.get(deviceId);
    if (device === undefined) {
      throw new SandboxInputError(
        `Unknown device ${deviceId}. Device ids by role are in SANDBOX_CATALOGUE.devices (or GET /_sandbox/catalogue).`,
      );
    }
    return device;
  }

  #account(accountId: string): ConnectedAccountRecord {
    const account = this.#world().accounts.get(accountId);
    if (account === undefined) {
      throw new SandboxInputError(
        `Unknown connected account ${accountId}. Ids by role are in SANDBOX_CATALOGUE.connectedAccounts.`,
      );
    }
    return account;
  }

  #code(accessCodeId: string): AccessCodeRecord {
    const code = this.#world().codes.get(accessCodeId);
    if (code === undefined) {
      throw new SandboxInputError(`Unknown access code ${accessCodeId} (deleted codes are gone).`);
    }
    return code;
  }

  #run<T>(operation: () => T): T {
    const result = operation();
    this.#after();
    return result;
  }

  /** Takes a lock offline or brings it back (emits `device.disconnected` / `device.connected`). */
  setDeviceOnline(deviceId: string, online: boolean): void {
    this.#run(() => setDeviceOnline(this.#world(), this.#device(deviceId), online));
  }

  /** Connects or disconnects a lock's accessory keypad. */
  setKeypadConnected(deviceId: string, connected: boolean): void {
    this.#run(() => setKeypadConnected(this.#world(), this.#device(deviceId), connected));
  }

  /** Sets an accessory keypad's battery level, 0 to 1. */
  setKeypadBattery(deviceId: string, level: number): void {
    this.#run(() => setKeypadBattery(this.#world(), this.#device(deviceId), level));
  }

  /** Disconnects (as when authorisation is revoked) or reconnects a connected account. */
  setAccountConnected(connectedAccountId: string, connected: boolean): void {
    this.#run(() =>
      setAccountConnected(this.#world(), this.#account(connectedAccountId), connected),
    );
  }

  /** Raises or clears a device warning, e.g. `third_party_integration_detected`. */
  setDeviceWarning(
    deviceId: string,
    warningCode: DeviceWarning['warning_code'],
    present: boolean,
  ): void {
    this.#run(() => setDeviceWarning(this.#world(), this.#device(deviceId), warningCode, present));
  }

  /** Changes how a lock behaves: latencies, failure probabilities, retry interval. */
  configureDevice(deviceId: string, behaviour: Partial<DeviceBehaviour>): DeviceBehaviour {
    return this.#run(() => {
      const device = this.#device(deviceId);
      const next = { ...device.behaviour };
      for (const [key, value] of Object.entries(behaviour)) {
        if ((numericBehaviour as readonly string[]).includes(key)) {
          if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
            throw new SandboxInputError(`${key} must be a number of milliseconds, 0 or more.`);
          }
          next[key as (typeof numericBehaviour)[number]] = value;
        } else if ((probabilities as readonly string[]).includes(key)) {
          if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
            throw new SandboxInputError(`${key} must be a probability from 0 to 1.`);
          }
          next[key as (typeof probabilities)[number]] = value;
        } else if (key === 'nextSetOutcomes' || key === 'nextRemoveOutcomes') {
          next[key] = [...assertOutcomes(value, key)];
        } else {
          throw new SandboxInputError(
            `Unknown behaviour "${key}". Known: ${[...numericBehaviour, ...probabilities, 'nextSetOutcomes', 'nextRemoveOutcomes'].join(', ')}.`,
          );
        }
      }
      device.behaviour = next;
      return structuredClone(next);
    });
  }

  /**
   * Makes the next code created on this lock fail its first `count` attempts to be set (the
   * outcomes belong to that code, not to a pool code or an older code's retry).
   */
  failNextSet(deviceId: string, count = 1): void {
    assertCount(count);
    this.#run(() => {
      this.#device(deviceId).behaviour.nextSetOutcomes.push(
        ...Array<AttemptOutcome>(count).fill('failure'),
      );
    });
  }

  /**
   * Makes the next code created on this lock slow for its first `count` attempts to be set
   * (delay warning first).
   */
  delayNextSet(deviceId: string, count = 1): void {
    assertCount(count);
    this.#run(() => {
      this.#device(deviceId).behaviour.nextSetOutcomes.push(
        ...Array<AttemptOutcome>(count).fill('delay'),
      );
    });
  }

  /** Makes the next `count` attempts to remove a code from this lock fail. */
  failNextRemove(deviceId: string, count = 1): void {
    assertCount(count);
    this.#run(() => {
      this.#device(deviceId).behaviour.nextRemoveOutcomes.push(
        ...Array<AttemptOutcome>(count).fill('failure'),
      );
    });
  }

  /** Scripts the outcomes of one code's next attempts (used before the device's script). */
  scriptCode(accessCodeId: string, script: AttemptOutcome[]): void {
    const checked = assertOutcomes(script, 'outcomes');
    this.#run(() => {
      const code = this.#code(accessCodeId);
      code.script.push(...checked);
    });
  }

  /** Simulates a change made to a code in the lock's own app (spec §B13). */
  modifyCodeExternally(accessCodeId: string, change: ExternalChange): void {
    if (change.change !== 'modified' && change.change !== 'removed') {
      throw new SandboxInputError('change must be "modified" or "removed".');
    }
    if (change.code !== undefined && !/^\d{4,9}$/.test(change.code)) {
      throw new SandboxInputError('code must be 4 to 9 digits.');
    }
    this.#run(() => modifyExternally(this.#world(), this.#code(accessCodeId), change));
  }

  /** Puts a code on the lock that Seam does not manage; returns its id. */
  addUnmanagedCode(deviceId: string, input: { name: string; code: string }): string {
    if (!/^\d{4,9}$/.test(input.code)) throw new SandboxInputError('code must be 4 to 9 digits.');
    return this.#run(
      () => addUnmanagedCode(this.#world(), this.#device(deviceId), input).access_code_id,
    );
  }

  /** Removes an unmanaged code from the lock (as if deleted at the keypad). */
  removeUnmanagedCode(accessCodeId: string): void {
    this.#run(() => {
      const world = this.#world();
      const code = world.unmanaged.get(accessCodeId);
      if (code === undefined)
        throw new SandboxInputError(`Unknown unmanaged code ${accessCodeId}.`);
      world.unmanaged.delete(accessCodeId);
      const device = world.devices.get(code.device_id);
      if (device !== undefined) reconcileDevice(world, device);
    });
  }

  /** Types a PIN on the lock's keypad; returns whether it unlocked. */
  enterCode(deviceId: string, pin: string): boolean {
    return this.#run(() => enterCode(this.#world(), this.#device(deviceId), pin));
  }

  /** Re-runs one code's lifecycle now (after a manual change of its script, say). */
  reconcileCode(accessCodeId: string): void {
    this.#run(() => reconcile(this.#world(), this.#code(accessCodeId)));
  }
}
