import { describeCapabilities } from '@seam-codes/core';
import type { Device } from '@seamapi/types/connect';

/**
 * What the status needs to know of the lock: its time zone, and whether it preloads codes.
 * Its own chunk: the capability rules come after the first state, with the lock.
 */
export function lockFactsOf(device: Device): {
  timeZone: string | null;
  nativeScheduling: boolean | null;
} {
  const capabilities = describeCapabilities(device);
  return {
    timeZone: capabilities.timeZone,
    nativeScheduling: capabilities.nativeScheduling.supported,
  };
}
