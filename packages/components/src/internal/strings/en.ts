import { ACTION_LABELS } from '@seam-codes/core';
import type { Strings } from './types.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const eventTexts: Readonly<Record<string, string>> = {
  'access_code.created': 'Created in Seam',
  'access_code.changed': 'Changed',
  'access_code.scheduled_on_device': 'Preloaded on the lock',
  'access_code.set_on_device': 'Set on the lock',
  'access_code.delay_in_setting_on_device': 'Slow to reach the lock',
  'access_code.failed_to_set_on_device': 'Could not be set on the lock',
  'access_code.removed_from_device': 'Removed from the lock',
  'access_code.delay_in_removing_from_device': 'Slow to be removed',
  'access_code.failed_to_remove_from_device': 'Could not be removed',
  'access_code.deleted': 'Deleted',
  'access_code.modified_external_to_seam': 'Changed outside Seam',
  'access_code.deleted_external_to_seam': 'Deleted outside Seam',
  'access_code.backup_access_code_pulled': 'Backup code pulled',
  'lock.unlocked': 'Door unlocked with this code',
  'lock.access_denied': 'Entry refused with this code',
};

const statusTexts: Readonly<Record<string, string>> = {
  unset: 'Waiting to be set',
  setting: 'Being set on the lock',
  set: 'Set on the lock',
  removing: 'Being removed',
  unknown: 'Status unknown',
};

/** English. Core's English texts are used as they are for issues, reasons and guidance. */
export const en: Strings = {
  loading: 'Loading…',
  tryAgain: 'Try again',
  config: {
    missingCredentials:
      'This element has no credentials. Set client-session-token (minted by your backend), or ' +
      'publishable-key with user-identifier-key, or provide a client.',
    missingUserIdentifierKey:
      'publishable-key needs user-identifier-key: set it to the id of the signed-in user in your ' +
      'app, so that each user gets their own client session.',
    apiKeyRefused:
      'An API key is refused here: it has full power over your Seam workspace and must never be ' +
      'in a web page. Use client-session-token instead. (api-key works only with a local sandbox ' +
      'endpoint such as http://127.0.0.1:8080.)',
    badEndpoint: (endpoint) =>
      `The endpoint "${endpoint}" is not an http(s) URL. Set endpoint to a URL such as ` +
      `https://connect.getseam.com, or remove it.`,
  },
  errors: {
    unauthorized:
      'Seam did not accept the credentials: the session may have expired. Sign in again or reload ' +
      'the page.',
    rateLimited: 'Too many changes to this lock in a short time. Wait a minute, then try again.',
    invalidInput: (message) => `Seam did not accept the details: ${message}`,
    serverError: 'Seam had a problem answering. Nothing you typed is lost; try again in a moment.',
    network: 'Seam could not be reached. Check the connection; nothing you typed is lost.',
    timeout: 'Seam took too long to answer. Nothing you typed is lost; try again.',
    outcomeUnknown:
      "The answer from Seam was lost and we could not tell whether the code was created. Check the lock's codes before creating it again.",
    apiError: (message) => `Seam reported a problem: ${message}`,
    originNotAllowed: (origin) =>
      `The sandbox does not serve pages of ${origin}. Restart it with ` +
      `seam-sandbox serve --allow-origin ${origin}, then reload this page.`,
    unexpected: (message) => `Something went wrong: ${message}`,
  },
  issues: {},
  reasons: {},
  guidance: {},
  actions: ACTION_LABELS,
  creator: {
    noDevice: 'No lock chosen. Set device-id to the lock that should get the code.',
    loadFailed: 'The lock could not be loaded.',
    loaded: (names) => `Ready to create a code on ${names}.`,
    codeOn: (names) => `New access code on ${names}`,
    sharedPinOn: (names) => `One PIN for ${names}`,
    zoneOfLock: (zone) => `Times are in the lock's time zone: ${zone}.`,
    zoneOfProperty: (zone) => `Times are in the property's time zone: ${zone}.`,
    zoneUnknown: (zone) => `The lock's time zone is unknown, so times are in yours: ${zone}.`,
    viewerZone: (zone) => `Yours is ${zone}.`,
    online: 'Online',
    accountDisconnected: 'account disconnected',
    offline: 'Offline',
    battery: (percent) => `battery ${percent}`,
    keypadConnected: (battery) =>
      battery ? `keypad connected (battery ${battery})` : 'keypad connected',
    keypadDisconnected: 'keypad disconnected',
    takesOnline: 'Takes PIN codes programmed over the network.',
    takesOffline: 'Takes offline codes (the lock maker generates the PIN).',
    pinLengths: (lengths) => `PINs of ${lengths} digits`,
    lockPicksPin: 'The lock chooses the PIN itself.',
    constraints: {},
    slots: (used, max) => `${used} of ${max} code slots used`,
    nativeScheduling: 'Codes are preloaded on the lock up to 72 hours before they start.',
    justInTime: 'Codes are programmed about an hour before they start.',
    cannotTitle: 'This lock cannot take a new code right now.',
    cannotEverTitle: 'This lock cannot take access codes.',
    lockFull: (max) =>
      `All ${max} code slots are taken. Delete a code that is no longer needed, then come back.`,
    name: 'Name',
    nameHint: (min, max, unique) =>
      [
        min !== null && max !== null
          ? `${min} to ${max} characters.`
          : max !== null
            ? `Up to ${max} characters.`
            : min !== null
              ? `At least ${min} characters.`
              : 'Shown in the lock maker’s app; optional.',
        unique ? 'Must differ from the other codes on this lock.' : '',
      ]
        .filter((part) => part !== '')
        .join(' '),
    timing: 'When it works',
    ongoing: 'Until deleted',
    timeBound: 'From a start to an end',
    startsAt: 'Starts',
    endsAt: 'Ends',
    lockTime: (zone) => `Lock time, ${zone}.`,
    lockTimeAt: (dateTime) => `At the lock: ${dateTime}.`,
    skippedHour: (dateTime) =>
      `That time does not exist on this day (the clocks skip ahead), so the lock reads it as ${dateTime}.`,
    yourTime: (dateTime) => `For you: ${dateTime}.`,
    badPresetTime: (attribute, value) =>
      `The ${attribute} attribute "${value}" is not a date and time. Use a wall time like 2026-12-03T15:00 or an instant like 2026-12-03T22:00:00Z.`,
    pin: 'PIN',
    choosePin: 'Choose it',
    seamPicks: 'Let Seam choose',
    pinCode: 'PIN code',
    suggest: 'Suggest one',
    pinSuggested: 'A PIN was suggested.',
    noSuggestion: 'No PIN is left that this lock accepts. Let Seam choose instead.',
    generate: 'Ask Seam',
    generating: 'Asking Seam…',
    pinGenerated: 'Seam generated a PIN.',
    pinLength: 'PIN length',
    anyLength: 'Any length the lock takes',
    digits: (length) => `${length} digits`,
    offlinePin: 'Offline codes get their PIN from the lock maker; it appears once the code is set.',
    lockPicksPinNote: 'This lock chooses the PIN itself; it appears here once the lock assigns it.',
    advanced: 'More options',
    preferNative: "Use the lock's own scheduling",
    preferNativeHint:
      'Seam preloads the code on the lock up to 72 hours ahead, so problems surface before the guest arrives.',
    allowExternal: "Allow changes in the lock maker's app",
    allowExternalHint:
      'Otherwise Seam puts the code back as it was when someone changes it outside Seam.',
    backupPool: 'Keep backup codes ready',
    backupPoolHint:
      'Turns on the lock’s backup code pool (it cannot be turned off), so a backup PIN can be given if this one fails.',
    offlineCode: 'Offline code',
    offlineCodeHint: 'Works without the lock being online; it cannot be changed or deleted later.',
    offlineOnlyHint: 'This lock takes only offline codes; they cannot be changed or deleted later.',
    oneTimeUse: 'One-time use',
    oneTimeUseHint: 'The PIN stops working after it opens the door once.',
    create: 'Create code',
    createOnMany: (count) => `Create code on ${count} locks`,
    creating: 'Creating…',
    submitting: 'Creating the code…',
    fixErrors: (count) =>
      `${count} ${plural(count, 'thing needs', 'things need')} fixing before the code can be created.`,
    created: 'The code was created. Following it until it is on the lock.',
    createdTitle: 'Code created',
    createdMany: (count) => `${count} codes created`,
    createAnother: 'Create another code',
  },
  status: {
    noCode: 'No code chosen. Set access-code-id, or the accessCode property.',
    phases: {
      submitting: { label: 'Sending', detail: () => 'The code is being sent to Seam.' },
      rejected: { label: 'Refused', detail: () => 'Seam refused the code; nothing was created.' },
      pending: {
        label: 'Waiting',
        detail: (at) =>
          at !== null
            ? `Seam puts the code on the lock around ${at}.`
            : 'Seam puts the code on the lock before it starts.',
      },
      scheduled: {
        label: 'Scheduled',
        detail: (at) =>
          at !== null
            ? `Preloaded on the lock; it starts working at ${at}.`
            : 'Preloaded on the lock; it starts working at its start time.',
      },
      programming: { label: 'Setting', detail: () => 'Seam is putting the code on the lock.' },
      delayed: {
        label: 'Delayed',
        detail: () => 'Reaching the lock is taking longer than usual. Seam keeps trying.',
      },
      failed: {
        label: 'Failed',
        detail: () => 'Seam could not put the code on the lock yet and keeps trying.',
      },
      awaiting_code: {
        label: 'Awaiting PIN',
        detail: () => 'The lock is choosing the PIN; it appears here once assigned.',
      },
      active: {
        label: 'Active',
        detail: (at) =>
          at !== null ? `On the lock and working until ${at}.` : 'On the lock and working.',
      },
      removing: { label: 'Removing', detail: () => 'Seam is removing the code from the lock.' },
      removing_failed: {
        label: 'Not removed',
        detail: () => 'Seam could not remove the code from the lock yet and keeps trying.',
      },
      removed: { label: 'Removed', detail: () => 'The code is no longer on the lock.' },
      unknown: {
        label: 'Unknown',
        detail: () => 'Seam cannot check this code right now.',
      },
    },
    ongoing: 'Works until deleted.',
    window: (start, end) => `${start} – ${end}`,
    viewerWindow: (start, end) => `For you: ${start} – ${end}`,
    lockZone: (zone) => `(lock time, ${zone})`,
    yourZone: (zone) => `(your time, ${zone}; the lock's zone is unknown)`,
    onLockAs: (name) => `(on the lock: ${name})`,
    codeId: 'Code ID',
    pin: 'PIN',
    pinHidden: 'PIN hidden',
    pinPending: 'The PIN is not assigned yet.',
    showPin: 'Show PIN',
    hidePin: 'Hide PIN',
    startsNow: (end) => `From now (the start had passed) until ${end}`,
    pendingDue: 'Seam is about to put the code on the lock.',
    copyPin: 'Copy PIN',
    copied: 'Copied',
    copyFailed: 'The PIN could not be copied here; it is shown so you can copy it by hand.',
    used: (at) => `Used: the door was last opened with this code at ${at}.`,
    usedNoTime: 'Used: the door was opened with this code.',
    externallyModified: "Someone changed this code in the lock maker's app.",
    externallyDeleted: "Someone deleted this code in the lock maker's app.",
    isBackup: 'This is a backup code.',
    hasBackup: 'A backup code was pulled for this code.',
    degraded: 'The last check did not get through; this may be out of date. Checking again…',
    issueKind: { error: 'Error', warning: 'Warning' },
    seamSays: (message) => `Seam says: ${message}`,
    whatHelps: (action) => `What helps: ${action}.`,
    pullBackup: 'Use a backup code',
    pullingBackup: 'Getting a backup code…',
    backupPulled: 'A backup code is ready.',
    backupTitle: 'Backup code for the guest',
    backupHint: 'Give the guest this PIN instead; it works for the same stay.',
    checkNow: 'Check now',
    checking: 'Checking the code…',
    delete: 'Delete code',
    deleting: 'Deleting…',
    confirmDelete: 'Delete this code from the lock? The guest can no longer use it.',
    confirmDeleteYes: 'Delete',
    confirmDeleteNo: 'Keep it',
    deleteRequested: 'Seam is removing the code.',
    offlineCannotDelete: 'Offline codes cannot be deleted; they stop working at their end.',
    timeline: 'History',
    timelineText: {
      request: (operation, outcome, errorType) => {
        const what = { create: 'Create', update: 'Change', delete: 'Delete' }[operation];
        if (outcome === 'started') return `${what} sent to Seam`;
        if (outcome === 'succeeded') return `${what} accepted by Seam`;
        return `${what} failed${errorType ? ` (${errorType})` : ''}`;
      },
      status: (status) => statusTexts[status] ?? `Status: ${status}`,
      event: (eventType) => eventTexts[eventType] ?? eventType,
      notFound: 'Seam no longer has the code',
      actionAttempt: (actionType, status) =>
        `${actionType.toLowerCase().replace(/_/g, ' ')}: ${status}`,
    },
  },
};
