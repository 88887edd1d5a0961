/** How long a code lasts: until deleted, or between a start and an end. */
export const TIMINGS = ['ongoing', 'time_bound'] as const;
/** How long a code lasts. */
export type Timing = (typeof TIMINGS)[number];

/** Who chooses the PIN: the user (typed, suggested or generated), or Seam on the lock. */
export const PIN_MODES = ['choose', 'seam'] as const;
/** Who chooses the PIN. */
export type PinMode = (typeof PIN_MODES)[number];

/** What the form holds, as the user typed it: wall times in the lock's zone, text fields raw. */
export interface CreatorForm {
  name: string;
  timing: Timing;
  /** `YYYY-MM-DDTHH:mm` in the lock's time zone, or empty. */
  startsAt: string;
  /** `YYYY-MM-DDTHH:mm` in the lock's time zone, or empty. */
  endsAt: string;
  pinMode: PinMode;
  code: string;
  /** Length Seam should use when it chooses the PIN; null for the lock's default. */
  preferredCodeLength: number | null;
  preferNativeScheduling: boolean;
  allowExternalModification: boolean;
  useBackupAccessCodePool: boolean;
  isOfflineAccessCode: boolean;
  isOneTimeUse: boolean;
}

/** The fields the form shows messages under. */
export type CreatorField =
  'device' | 'name' | 'code' | 'starts_at' | 'ends_at' | 'preferred_code_length';
