/**
 * Human-readable messages for every error and warning the simulation raises. They say what is
 * wrong and what to do, as Seam's own messages try to.
 */

/** Messages for access-code errors, warnings and device/account errors. */
export const messages = {
  failedToSet:
    'Seam could not set the access code on the device. Seam keeps retrying; check the device and its connection, or use a backup code.',
  failedToSetKeypad:
    'The accessory keypad is disconnected, so the access code cannot be programmed. Reconnect the keypad; Seam keeps retrying.',
  failedToRemove:
    'Seam could not remove the access code from the device. Seam keeps retrying; check the device in the provider app.',
  noSpace:
    'The device has no free slot for another access code. Delete codes on the device (through Seam if possible); Seam keeps retrying.',
  duplicateOnDevice:
    'A code with the same PIN already exists on the device (not managed by Seam). Delete it or choose another PIN.',
  delayInSetting:
    'Setting the access code is taking longer than usual. The device may be offline or have a weak connection.',
  delayInRemoving:
    'Removing the access code is taking longer than usual. The device may be offline or have a weak connection.',
  lockUnreachable:
    'The lock could not be reached (it is offline or its account is disconnected). Try again once it is back.',
  mutationCreating: 'Seam is setting this access code on the device.',
  mutationDeferring:
    "Seam is waiting until closer to the access code's start time before programming it on the device.",
  mutationDeleting: 'Seam is removing this access code from the device.',
  modifiedExternally:
    'The access code was changed or removed outside Seam after Seam set it. Seam is putting it back.',
  modifiedExternallyAllowed:
    'The access code was changed or removed outside Seam; external modification is allowed for this code, so Seam left the change in place.',
  deviceOffline: 'The device is offline. Codes will be programmed when it reconnects.',
  accountDisconnected:
    'The connected account is disconnected: reconnect it (re-authorise) so that Seam can reach its devices.',
  emptyBackupPool:
    'The backup access code pool of this device is empty. Seam refills it when the device is reachable.',
  partialBackupPool:
    'Seam is struggling to refill the backup access code pool of this device (connectivity or free slots).',
} as const;
