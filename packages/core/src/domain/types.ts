import type { AccessCode, UnmanagedAccessCode } from '@seamapi/types/connect';

/** The fields of a draft that an issue can point at; a form highlights exactly this field. */
export type DraftField =
  'device' | 'name' | 'code' | 'starts_at' | 'ends_at' | 'preferred_code_length';

/**
 * What a user or a host page wants to create on one lock, with Seam's own parameter names. Times
 * are UTC ISO 8601 instants (with `Z` or an offset); convert a lock-local wall time with
 * `zonedWallTimeToInstant`. Omit `starts_at` and `ends_at` for an ongoing code.
 */
export interface AccessCodeDraft {
  /** Name of the code in Seam (the lock may truncate it). Empty text means "no name". */
  name?: string | null;
  /** The PIN, digits only. Omit (or leave empty) to let Seam or the lock choose one. */
  code?: string | null;
  /** Start of a time-bound code, e.g. `2026-12-03T22:00:00Z`. */
  starts_at?: string | null;
  /** End of a time-bound code; must be after `starts_at` and in the future. */
  ends_at?: string | null;
  /** Length Seam should use when it generates the PIN; meaningful only without `code`. */
  preferred_code_length?: number | null;
  /** Ask Seam to use the lock's own scheduling (72 h preload) when the provider has it. */
  prefer_native_scheduling?: boolean;
  /** Let edits made in the lock's app stand instead of being reverted by Seam. */
  allow_external_modification?: boolean;
  /** Turn on the device's backup code pool (one-way; time-bound codes only). */
  use_backup_access_code_pool?: boolean;
  /** Create an offline (algorithmic) PIN; needs a window and no chosen PIN. */
  is_offline_access_code?: boolean;
  /** Offline code that stops working after its first use. */
  is_one_time_use?: boolean;
  /** How far Seam may round an offline code's window. */
  max_time_rounding?: '1hour' | '1day' | '1h' | '1d';
}

/** One finding about a draft. */
export interface DraftIssue {
  /** The draft field the finding is about. */
  field: DraftField;
  /** Machine-readable, stable, snake_case identifier of the finding (e.g. `no_zeros`). */
  code: string;
  /** A full sentence saying what is wrong and how to fix it. Never contains the PIN. */
  message: string;
}

/** The result of `validateCodeDraft`. */
export interface DraftValidation {
  /** True when there are no errors (warnings do not block). */
  ok: boolean;
  /** Findings that Seam or the lock would reject; fix them before sending. */
  errors: DraftIssue[];
  /** Findings that do not block creation but deserve the user's attention. */
  warnings: DraftIssue[];
}

/**
 * The part of a code already on the device that the rules need. Managed codes from
 * `/access_codes/list` and unmanaged ones from `/access_codes/unmanaged/list` both fit: unmanaged
 * codes are on the lock too, so they count for duplicate PINs, names and free slots.
 */
export type ExistingCode = Pick<
  AccessCode | UnmanagedAccessCode,
  'access_code_id' | 'code' | 'name' | 'status'
> &
  Partial<Pick<AccessCode | UnmanagedAccessCode, 'starts_at' | 'ends_at' | 'type' | 'is_managed'>>;
