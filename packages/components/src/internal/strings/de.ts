import { deGuidance } from './de-guidance.js';
import { deIssues, deReasons } from './de-issues.js';
import type { Strings } from './types.js';

const eventTexts: Readonly<Record<string, string>> = {
  'access_code.created': 'In Seam angelegt',
  'access_code.changed': 'Geändert',
  'access_code.scheduled_on_device': 'Vorab auf das Schloss geladen',
  'access_code.set_on_device': 'Auf dem Schloss gesetzt',
  'access_code.delay_in_setting_on_device': 'Erreicht das Schloss nur langsam',
  'access_code.failed_to_set_on_device': 'Konnte nicht auf das Schloss gesetzt werden',
  'access_code.removed_from_device': 'Vom Schloss entfernt',
  'access_code.delay_in_removing_from_device': 'Entfernen dauert länger',
  'access_code.failed_to_remove_from_device': 'Konnte nicht entfernt werden',
  'access_code.deleted': 'Gelöscht',
  'access_code.modified_external_to_seam': 'Außerhalb von Seam geändert',
  'access_code.deleted_external_to_seam': 'Außerhalb von Seam gelöscht',
  'access_code.backup_access_code_pulled': 'Ersatzcode abgerufen',
  'lock.unlocked': 'Tür mit diesem Code geöffnet',
  'lock.access_denied': 'Zutritt mit diesem Code verweigert',
};

const statusTexts: Readonly<Record<string, string>> = {
  unset: 'Wartet auf das Setzen',
  setting: 'Wird auf das Schloss gesetzt',
  set: 'Auf dem Schloss gesetzt',
  removing: 'Wird entfernt',
  unknown: 'Status unbekannt',
};

const actionTypes: Readonly<Record<string, string>> = {
  CREATE_ACCESS_CODE: 'Code anlegen',
  UPDATE_ACCESS_CODE: 'Code ändern',
  DELETE_ACCESS_CODE: 'Code löschen',
  SYNC_ACCESS_CODES: 'Codes abgleichen',
};

const attemptStatus: Readonly<Record<string, string>> = {
  pending: 'läuft',
  success: 'erfolgreich',
  error: 'fehlgeschlagen',
};

/** German (Deutsch), Sie-Form. */
export const de: Strings = {
  loading: 'Wird geladen …',
  tryAgain: 'Erneut versuchen',
  config: {
    missingCredentials:
      'Diesem Element fehlen Zugangsdaten. Setzen Sie client-session-token (von Ihrem Backend ' +
      'erzeugt) oder publishable-key mit user-identifier-key, oder übergeben Sie einen Client.',
    missingUserIdentifierKey:
      'publishable-key braucht user-identifier-key: Setzen Sie die ID des angemeldeten Nutzers ' +
      'Ihrer App, damit jeder Nutzer seine eigene Client-Sitzung erhält.',
    apiKeyRefused:
      'Ein API-Schlüssel wird hier abgelehnt: Er hat volle Rechte über Ihren Seam-Workspace und ' +
      'gehört nie in eine Webseite. Verwenden Sie stattdessen client-session-token. (api-key ' +
      'funktioniert nur mit einem lokalen Sandbox-Endpunkt wie http://127.0.0.1:8080.)',
    badEndpoint: (endpoint) =>
      `Der Endpunkt „${endpoint}“ ist keine http(s)-URL. Setzen Sie endpoint auf eine URL wie ` +
      `https://connect.getseam.com oder entfernen Sie das Attribut.`,
  },
  errors: {
    unauthorized:
      'Seam hat die Zugangsdaten nicht angenommen; die Sitzung ist vielleicht abgelaufen. Melden ' +
      'Sie sich erneut an oder laden Sie die Seite neu.',
    rateLimited:
      'Zu viele Änderungen an diesem Schloss in kurzer Zeit. Warten Sie eine Minute und versuchen ' +
      'Sie es dann erneut.',
    invalidInput: (message) => `Seam hat die Angaben nicht angenommen: ${message}`,
    serverError:
      'Seam konnte gerade nicht antworten. Ihre Eingaben bleiben erhalten; versuchen Sie es gleich ' +
      'noch einmal.',
    network:
      'Seam ist nicht erreichbar. Prüfen Sie die Verbindung; Ihre Eingaben bleiben erhalten.',
    timeout:
      'Seam hat zu lange nicht geantwortet. Ihre Eingaben bleiben erhalten; versuchen Sie es erneut.',
    outcomeUnknown:
      'Die Antwort von Seam ging verloren, und es ließ sich nicht feststellen, ob der Code angelegt ' +
      'wurde. Prüfen Sie die Codes des Schlosses, bevor Sie ihn erneut anlegen.',
    apiError: (message) => `Seam meldet ein Problem: ${message}`,
    originNotAllowed: (origin) =>
      `Die Sandbox bedient keine Seiten von ${origin}. Starten Sie sie mit ` +
      `seam-sandbox serve --allow-origin ${origin} neu und laden Sie diese Seite dann neu.`,
    unexpected: (message) => `Etwas ist schiefgegangen: ${message}`,
  },
  issues: deIssues,
  reasons: deReasons,
  guidance: deGuidance,
  actions: {
    pull_backup_code: 'Ersatzcode verwenden',
    connect_keypad: 'Tastenfeld verbinden',
    replace_batteries: 'Batterien wechseln',
    check_connectivity: 'Verbindung des Schlosses prüfen',
    connect_bridge: 'Bridge oder Gateway verbinden',
    reconnect_account: 'Konto neu verbinden',
    reauthenticate: 'Erneut anmelden',
    delete_and_recreate: 'Löschen und neu anlegen',
    free_up_slots: 'Codeplätze freimachen',
    resolve_duplicate: 'Doppelten Code auflösen',
    change_code: 'Andere PIN wählen',
    change_name: 'Anderen Namen wählen',
    change_time_window: 'Zeitfenster ändern',
    set_time_zone: 'Zeitzone des Schlosses einstellen',
    open_provider_app: 'App des Schlossherstellers öffnen',
    disable_other_integrations: 'Andere Integrationen abschalten',
    manage_subscription: 'Abonnement verwalten',
    fix_request: 'Angaben korrigieren',
    retry_later: 'Später erneut versuchen',
    contact_support: 'Support kontaktieren',
    wait: 'Abwarten: Seam versucht es weiter',
    none: '',
  },
  creator: {
    noDevice:
      'Kein Schloss gewählt. Setzen Sie device-id auf das Schloss, das den Code erhalten soll.',
    loadFailed: 'Das Schloss konnte nicht geladen werden.',
    loaded: (names) => `Bereit, einen Code für ${names} anzulegen.`,
    codeOn: (names) => `Neuer Zugangscode für ${names}`,
    sharedPinOn: (names) => `Eine PIN für ${names}`,
    zoneOfLock: (zone) => `Zeiten gelten in der Zeitzone des Schlosses: ${zone}.`,
    zoneOfProperty: (zone) => `Zeiten gelten in der Zeitzone der Unterkunft: ${zone}.`,
    zoneUnknown: (zone) =>
      `Die Zeitzone des Schlosses ist unbekannt, daher gelten Ihre Zeiten: ${zone}.`,
    viewerZone: (zone) => `Ihre Zeitzone: ${zone}.`,
    online: 'Online',
    accountDisconnected: 'Konto getrennt',
    offline: 'Offline',
    battery: (percent) => `Batterie ${percent}`,
    keypadConnected: (battery) =>
      battery ? `Tastenfeld verbunden (Batterie ${battery})` : 'Tastenfeld verbunden',
    keypadDisconnected: 'Tastenfeld getrennt',
    takesOnline: 'Nimmt PIN-Codes an, die über das Netz programmiert werden.',
    takesOffline: 'Nimmt Offline-Codes an (der Hersteller erzeugt die PIN).',
    pinLengths: (lengths) => `PINs mit ${lengths} Ziffern`,
    lockPicksPin: 'Das Schloss wählt die PIN selbst.',
    constraints: {
      no_zeros: 'Keine Nullen',
      cannot_start_with_12: 'Darf nicht mit 12 beginnen',
      no_triple_consecutive_ints: 'Keine drei gleichen oder aufeinanderfolgenden Ziffern',
      no_ascending_or_descending_sequence: 'Keine auf- oder absteigende Folge',
      at_least_three_unique_digits: 'Mindestens drei verschiedene Ziffern',
      cannot_contain_089: 'Nur Ziffern 1 bis 7',
      cannot_contain_0789: 'Nur Ziffern 1 bis 6',
      unique_first_four_digits: 'Die ersten vier Ziffern alle verschieden',
      no_all_same_digits: 'Nicht nur eine wiederholte Ziffer',
      cannot_specify_pin_code: 'Das Schloss wählt die PIN',
      pin_code_matches_existing_set: 'PIN muss eine bereits im Konto genutzte sein',
      start_date_in_future: 'Beginn muss in der Zukunft liegen',
      name_must_be_unique: 'Name muss an diesem Schloss eindeutig sein',
      name_length: 'Namenslänge ist begrenzt',
    },
    slots: (used, max) => `${used} von ${max} Codeplätzen belegt`,
    nativeScheduling: 'Codes werden bis zu 72 Stunden vor Beginn auf das Schloss geladen.',
    justInTime: 'Codes werden etwa eine Stunde vor Beginn programmiert.',
    cannotTitle: 'Dieses Schloss kann gerade keinen neuen Code annehmen.',
    cannotEverTitle: 'Dieses Schloss kann keine Zugangscodes annehmen.',
    lockFull: (max) =>
      `Alle ${max} Codeplätze sind belegt. Löschen Sie einen nicht mehr benötigten Code und versuchen Sie es dann erneut.`,
    name: 'Name',
    nameHint: (min, max, unique) =>
      [
        min !== null && max !== null
          ? `${min} bis ${max} Zeichen.`
          : max !== null
            ? `Höchstens ${max} Zeichen.`
            : min !== null
              ? `Mindestens ${min} Zeichen.`
              : 'Erscheint in der App des Herstellers; optional.',
        unique ? 'Muss sich von den anderen Codes an diesem Schloss unterscheiden.' : '',
      ]
        .filter((part) => part !== '')
        .join(' '),
    timing: 'Gültigkeit',
    ongoing: 'Bis zum Löschen',
    timeBound: 'Von einem Beginn bis zu einem Ende',
    startsAt: 'Beginn',
    endsAt: 'Ende',
    lockTime: (zone) => `Ortszeit des Schlosses, ${zone}.`,
    lockTimeAt: (dateTime) => `Am Schloss: ${dateTime}.`,
    skippedHour: (dateTime) =>
      `Diese Uhrzeit gibt es an diesem Tag nicht (die Uhren werden vorgestellt), daher gilt am Schloss ${dateTime}.`,
    yourTime: (dateTime) => `Für Sie: ${dateTime}.`,
    badPresetTime: (attribute, value) =>
      `Das Attribut ${attribute} „${value}“ ist kein Datum mit Uhrzeit. Verwenden Sie eine Ortszeit wie 2026-12-03T15:00 oder einen Zeitpunkt wie 2026-12-03T22:00:00Z.`,
    pin: 'PIN',
    choosePin: 'Selbst wählen',
    seamPicks: 'Seam wählen lassen',
    pinCode: 'PIN-Code',
    suggest: 'Vorschlagen',
    pinSuggested: 'Eine PIN wurde vorgeschlagen.',
    noSuggestion:
      'Es ist keine PIN mehr frei, die dieses Schloss annimmt. Lassen Sie stattdessen Seam wählen.',
    generate: 'Seam fragen',
    generating: 'Seam wird gefragt …',
    pinGenerated: 'Seam hat eine PIN erzeugt.',
    pinLength: 'PIN-Länge',
    anyLength: 'Jede Länge, die das Schloss annimmt',
    digits: (length) => `${length} Ziffern`,
    offlinePin:
      'Offline-Codes erhalten ihre PIN vom Hersteller; sie erscheint, sobald der Code gesetzt ist.',
    lockPicksPinNote:
      'Dieses Schloss wählt die PIN selbst; sie erscheint hier, sobald das Schloss sie vergeben hat.',
    advanced: 'Weitere Optionen',
    preferNative: 'Zeitplanung des Schlosses verwenden',
    preferNativeHint:
      'Seam lädt den Code bis zu 72 Stunden vorher auf das Schloss, sodass Probleme vor der Ankunft des Gastes auffallen.',
    allowExternal: 'Änderungen in der App des Herstellers erlauben',
    allowExternalHint:
      'Sonst stellt Seam den Code wieder her, wenn jemand ihn außerhalb von Seam ändert.',
    backupPool: 'Ersatzcodes bereithalten',
    backupPoolHint:
      'Schaltet den Ersatzcode-Vorrat des Schlosses ein (nicht mehr abschaltbar), damit eine Ersatz-PIN bereitsteht, falls diese scheitert.',
    offlineCode: 'Offline-Code',
    offlineCodeHint:
      'Funktioniert, ohne dass das Schloss online ist; lässt sich später nicht ändern oder löschen.',
    offlineOnlyHint:
      'Dieses Schloss nimmt nur Offline-Codes an; sie lassen sich später nicht ändern oder löschen.',
    oneTimeUse: 'Einmalig gültig',
    oneTimeUseHint: 'Die PIN funktioniert nur für ein einziges Öffnen.',
    create: 'Code anlegen',
    createOnMany: (count) => `Code für ${count} Schlösser anlegen`,
    creating: 'Wird angelegt …',
    submitting: 'Der Code wird angelegt …',
    fixErrors: (count) =>
      count === 1
        ? 'Eine Angabe muss korrigiert werden, bevor der Code angelegt werden kann.'
        : `${count} Angaben müssen korrigiert werden, bevor der Code angelegt werden kann.`,
    created: 'Der Code wurde angelegt. Er wird verfolgt, bis er auf dem Schloss ist.',
    createdTitle: 'Code angelegt',
    createdMany: (count) => `${count} Codes angelegt`,
    createAnother: 'Weiteren Code anlegen',
  },
  status: {
    noCode: 'Kein Code gewählt. Setzen Sie access-code-id oder die Eigenschaft accessCode.',
    phases: {
      submitting: { label: 'Wird gesendet', detail: () => 'Der Code wird an Seam gesendet.' },
      rejected: {
        label: 'Abgelehnt',
        detail: () => 'Seam hat den Code abgelehnt; es wurde nichts angelegt.',
      },
      pending: {
        label: 'Wartet',
        detail: (at) =>
          at !== null
            ? `Seam setzt den Code etwa ${at} auf das Schloss.`
            : 'Seam setzt den Code vor seinem Beginn auf das Schloss.',
      },
      scheduled: {
        label: 'Geplant',
        detail: (at) =>
          at !== null
            ? `Vorab auf das Schloss geladen; gültig ab ${at}.`
            : 'Vorab auf das Schloss geladen; gültig ab seinem Beginn.',
      },
      programming: {
        label: 'Wird gesetzt',
        detail: () => 'Seam setzt den Code auf das Schloss.',
      },
      delayed: {
        label: 'Verzögert',
        detail: () => 'Das Schloss wird langsamer erreicht als sonst. Seam versucht es weiter.',
      },
      failed: {
        label: 'Fehlgeschlagen',
        detail: () =>
          'Seam konnte den Code noch nicht auf das Schloss setzen und versucht es weiter.',
      },
      awaiting_code: {
        label: 'PIN ausstehend',
        detail: () => 'Das Schloss wählt die PIN; sie erscheint hier, sobald sie vergeben ist.',
      },
      active: {
        label: 'Aktiv',
        detail: (at) =>
          at !== null ? `Auf dem Schloss und gültig bis ${at}.` : 'Auf dem Schloss und gültig.',
      },
      removing: { label: 'Wird entfernt', detail: () => 'Seam entfernt den Code vom Schloss.' },
      removing_failed: {
        label: 'Nicht entfernt',
        detail: () =>
          'Seam konnte den Code noch nicht vom Schloss entfernen und versucht es weiter.',
      },
      removed: { label: 'Entfernt', detail: () => 'Der Code ist nicht mehr auf dem Schloss.' },
      unknown: {
        label: 'Unbekannt',
        detail: () => 'Seam kann diesen Code gerade nicht prüfen.',
      },
    },
    ongoing: 'Gültig bis zum Löschen.',
    window: (start, end) => `${start} – ${end}`,
    viewerWindow: (start, end) => `Für Sie: ${start} – ${end}`,
    lockZone: (zone) => `(Ortszeit des Schlosses, ${zone})`,
    yourZone: (zone) => `(Ihre Zeit, ${zone}; die Zeitzone des Schlosses ist unbekannt)`,
    onLockAs: (name) => `(am Schloss: ${name})`,
    codeId: 'Code-ID',
    pin: 'PIN',
    pinHidden: 'PIN verborgen',
    pinPending: 'Die PIN ist noch nicht vergeben.',
    showPin: 'PIN zeigen',
    hidePin: 'PIN verbergen',
    startsNow: (end) => `Ab jetzt (der Beginn war schon vorbei) bis ${end}`,
    pendingDue: 'Seam setzt den Code gleich auf das Schloss.',
    copyPin: 'PIN kopieren',
    copied: 'Kopiert',
    copyFailed:
      'Die PIN ließ sich hier nicht kopieren; sie wird angezeigt, damit Sie sie von Hand kopieren können.',
    used: (at) => `Benutzt: Die Tür wurde zuletzt ${at} mit diesem Code geöffnet.`,
    usedNoTime: 'Benutzt: Die Tür wurde mit diesem Code geöffnet.',
    externallyModified: 'Jemand hat diesen Code in der App des Herstellers geändert.',
    externallyDeleted: 'Jemand hat diesen Code in der App des Herstellers gelöscht.',
    isBackup: 'Dies ist ein Ersatzcode.',
    hasBackup: 'Für diesen Code wurde ein Ersatzcode abgerufen.',
    degraded:
      'Die letzte Prüfung kam nicht durch; die Anzeige ist vielleicht veraltet. Es wird erneut geprüft …',
    issueKind: { error: 'Fehler', warning: 'Warnung' },
    seamSays: (message) => `Seam meldet: ${message}`,
    whatHelps: (action) => `Was hilft: ${action}.`,
    pullBackup: 'Ersatzcode verwenden',
    pullingBackup: 'Ersatzcode wird abgerufen …',
    backupPulled: 'Ein Ersatzcode steht bereit.',
    backupTitle: 'Ersatzcode für den Gast',
    backupHint: 'Geben Sie dem Gast stattdessen diese PIN; sie gilt für denselben Aufenthalt.',
    checkNow: 'Jetzt prüfen',
    checking: 'Der Code wird geprüft …',
    delete: 'Code löschen',
    deleting: 'Wird gelöscht …',
    confirmDelete: 'Diesen Code vom Schloss löschen? Der Gast kann ihn dann nicht mehr benutzen.',
    confirmDeleteYes: 'Löschen',
    confirmDeleteNo: 'Behalten',
    deleteRequested: 'Seam entfernt den Code.',
    offlineCannotDelete:
      'Offline-Codes lassen sich nicht löschen; sie werden an ihrem Ende ungültig.',
    timeline: 'Verlauf',
    timelineText: {
      request: (operation, outcome, errorType) => {
        const what = { create: 'Anlegen', update: 'Ändern', delete: 'Löschen' }[operation];
        if (outcome === 'started') return `${what} an Seam gesendet`;
        if (outcome === 'succeeded') return `${what} von Seam angenommen`;
        return `${what} fehlgeschlagen${errorType ? ` (${errorType})` : ''}`;
      },
      status: (status) => statusTexts[status] ?? `Status: ${status}`,
      event: (eventType) => eventTexts[eventType] ?? eventType,
      notFound: 'Seam hat den Code nicht mehr',
      actionAttempt: (actionType, status) =>
        `${actionTypes[actionType] ?? actionType}: ${attemptStatus[status] ?? status}`,
    },
  },
};
