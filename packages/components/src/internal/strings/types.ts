import type { DerivedPhase, GuidanceAction } from '@seam-codes/core';

/** Values a localised validation message may use. */
export interface IssueParams {
  /** The PIN lengths the lock takes, already formatted ("4–8", "4 or 6"). */
  readonly lengths: string;
  readonly nameMin: number;
  readonly nameMax: number;
  readonly maxCodes: number;
  readonly codeCount: number;
  /** Core's English message, for texts that quote it. */
  readonly message: string;
}

/** The text of one derived phase. */
export interface PhaseText {
  /** A word or two for the badge. */
  readonly label: string;
  /** One sentence; `at` is the one time that matters for the phase, when it has one. */
  readonly detail: (at: string | null) => string;
}

/**
 * Every user-visible text of the elements, for one language. A table must be complete (the type
 * checker enforces it); texts with values are functions so each language orders words its own way.
 *
 * The `Partial` maps (`issues`, `reasons`, `guidance`, `constraints`) override core's
 * English texts by their stable codes: English leaves them empty, other languages fill them for
 * every code core knows (a test checks that).
 */
export interface Strings {
  /** Shown while an element loads what it needs. */
  readonly loading: string;
  /** Button: try the failed step again. */
  readonly tryAgain: string;
  /** Configuration problems, with what to change. */
  readonly config: {
    readonly missingCredentials: string;
    readonly missingUserIdentifierKey: string;
    readonly apiKeyRefused: string;
    readonly badEndpoint: (endpoint: string) => string;
  };
  /** Errors of requests. */
  readonly errors: {
    readonly unauthorized: string;
    readonly rateLimited: string;
    readonly invalidInput: (message: string) => string;
    readonly serverError: string;
    readonly network: string;
    readonly timeout: string;
    readonly outcomeUnknown: string;
    readonly apiError: (message: string) => string;
    /** The local sandbox refused this page's origin (`origin_not_allowed`): how to allow it. */
    readonly originNotAllowed: (origin: string) => string;
    readonly unexpected: (message: string) => string;
  };
  /** `validateCodeDraft` findings by code (or `field:code`); English uses core's sentences. */
  readonly issues: Readonly<Partial<Record<string, (params: IssueParams) => string>>>;
  /** Capability reasons by code; English uses core's sentences. */
  readonly reasons: Readonly<Partial<Record<string, string>>>;
  /**
   * Guidance for code issues, `[title, explanation]` by the text key of core's `GUIDANCE` entries
   * (`entry.textKey`: codes that mean the same share one); English uses core's texts.
   */
  readonly guidance: Readonly<
    Partial<Record<string, readonly [title: string, explanation: string]>>
  >;
  /** What helps, as a button or advice, by guidance action. */
  readonly actions: Readonly<Record<GuidanceAction, string>>;
  /** `<seam-code-creator>`. */
  readonly creator: {
    readonly noDevice: string;
    readonly loadFailed: string;
    readonly loaded: (deviceNames: string) => string;
    readonly codeOn: (deviceNames: string) => string;
    readonly sharedPinOn: (deviceNames: string) => string;
    readonly zoneOfLock: (zone: string) => string;
    readonly zoneOfProperty: (zone: string) => string;
    readonly zoneUnknown: (zone: string) => string;
    readonly viewerZone: (zone: string) => string;
    readonly online: string;
    /** The lock's account lost its authorisation: said instead of online. */
    readonly accountDisconnected: string;
    readonly offline: string;
    readonly battery: (percent: string) => string;
    readonly keypadConnected: (battery: string | null) => string;
    readonly keypadDisconnected: string;
    readonly takesOnline: string;
    readonly takesOffline: string;
    readonly pinLengths: (lengths: string) => string;
    readonly lockPicksPin: string;
    /** Summaries of `code_constraints` by type; English uses core's. */
    readonly constraints: Readonly<Partial<Record<string, string>>>;
    readonly slots: (used: number, max: number) => string;
    readonly nativeScheduling: string;
    readonly justInTime: string;
    readonly cannotTitle: string;
    /** For a lock that can never take a code (no keypad, no access-code support). */
    readonly cannotEverTitle: string;
    readonly lockFull: (max: number) => string;
    readonly name: string;
    readonly nameHint: (min: number | null, max: number | null, unique: boolean) => string;
    readonly timing: string;
    readonly ongoing: string;
    readonly timeBound: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly lockTime: (zone: string) => string;
    readonly lockTimeAt: (dateTime: string) => string;
    readonly skippedHour: (dateTime: string) => string;
    readonly yourTime: (dateTime: string) => string;
    readonly badPresetTime: (attribute: string, value: string) => string;
    readonly pin: string;
    readonly choosePin: string;
    readonly seamPicks: string;
    readonly pinCode: string;
    readonly suggest: string;
    readonly pinSuggested: string;
    readonly noSuggestion: string;
    readonly generate: string;
    readonly generating: string;
    readonly pinGenerated: string;
    readonly pinLength: string;
    readonly anyLength: string;
    readonly digits: (length: number) => string;
    readonly offlinePin: string;
    readonly lockPicksPinNote: string;
    readonly advanced: string;
    readonly preferNative: string;
    readonly preferNativeHint: string;
    readonly allowExternal: string;
    readonly allowExternalHint: string;
    readonly backupPool: string;
    readonly backupPoolHint: string;
    readonly offlineCode: string;
    readonly offlineCodeHint: string;
    readonly offlineOnlyHint: string;
    readonly oneTimeUse: string;
    readonly oneTimeUseHint: string;
    readonly create: string;
    readonly createOnMany: (count: number) => string;
    readonly creating: string;
    readonly submitting: string;
    readonly fixErrors: (count: number) => string;
    readonly created: string;
    readonly createdTitle: string;
    readonly createdMany: (count: number) => string;
    readonly createAnother: string;
  };
  /** `<seam-code-status>`. */
  readonly status: {
    readonly noCode: string;
    readonly phases: Readonly<Record<DerivedPhase, PhaseText>>;
    readonly ongoing: string;
    readonly window: (start: string, end: string) => string;
    readonly viewerWindow: (start: string, end: string) => string;
    readonly lockZone: (zone: string) => string;
    readonly yourZone: (zone: string) => string;
    readonly onLockAs: (name: string) => string;
    readonly codeId: string;
    readonly pin: string;
    readonly pinHidden: string;
    readonly pinPending: string;
    readonly showPin: string;
    readonly hidePin: string;
    /** The window of a code whose start had passed when it was created. */
    readonly startsNow: (end: string) => string;
    /** A pending code whose moment to be programmed has come. */
    readonly pendingDue: string;
    readonly copyPin: string;
    readonly copied: string;
    readonly copyFailed: string;
    readonly used: (at: string) => string;
    readonly usedNoTime: string;
    readonly externallyModified: string;
    readonly externallyDeleted: string;
    readonly isBackup: string;
    readonly hasBackup: string;
    readonly degraded: string;
    readonly issueKind: { readonly error: string; readonly warning: string };
    readonly seamSays: (message: string) => string;
    readonly whatHelps: (action: string) => string;
    readonly pullBackup: string;
    readonly pullingBackup: string;
    readonly backupPulled: string;
    readonly backupTitle: string;
    readonly backupHint: string;
    readonly checkNow: string;
    readonly checking: string;
    readonly delete: string;
    readonly deleting: string;
    readonly confirmDelete: string;
    readonly confirmDeleteYes: string;
    readonly confirmDeleteNo: string;
    readonly deleteRequested: string;
    readonly offlineCannotDelete: string;
    readonly timeline: string;
    readonly timelineText: {
      readonly request: (
        operation: 'create' | 'update' | 'delete',
        outcome: 'started' | 'succeeded' | 'failed',
        errorType: string | null,
      ) => string;
      readonly status: (status: string) => string;
      readonly event: (eventType: string) => string;
      readonly notFound: string;
      readonly actionAttempt: (actionType: string, status: string) => string;
    };
  };
}
