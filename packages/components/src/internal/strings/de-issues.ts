import type { Strings } from './types.js';

const start = 'Der Beginn';
const end = 'Das Ende';

/** German texts of `validateCodeDraft` findings, by code (or `field:code`). */
export const deIssues: Strings['issues'] = {
  wrong_type: () =>
    'Ein Wert hat die falsche Art (z. B. eine Zahl statt Text). Geben Sie ihn erneut ein.',
  unknown_property: () => 'Die Anfrage enthält ein Feld, das Seam nicht kennt; es wird ignoriert.',
  draft_not_object: () => 'Die Angaben zum Code fehlen oder sind unlesbar.',
  device_missing: () => 'Es wurde kein Schloss zum Prüfen angegeben.',
  lock_full: (p) =>
    `Dieses Schloss fasst höchstens ${p.maxCodes} Codes und hat bereits ${p.codeCount}. ` +
    'Löschen Sie einen nicht mehr benötigten Code und legen Sie dann diesen an.',
  one_time_use_requires_offline_code: () =>
    'Einmal-Codes sind Offline-Codes. Wählen Sie auch „Offline-Code“ oder schalten Sie „Einmalig gültig“ ab.',
  max_time_rounding_ignored: () =>
    'Die Rundung des Zeitfensters gilt nur für Offline-Codes und hat hier keine Wirkung.',
  backup_pool_unsupported: () =>
    'Dieses Schloss hat keinen Ersatzcode-Vorrat. Schalten Sie „Ersatzcodes bereithalten“ ab.',
  native_scheduling_unsupported: () =>
    'Der Anbieter dieses Schlosses hat keine eigene Zeitplanung; Seam programmiert den Code etwa ' +
    'eine Stunde vor Beginn, statt ihn vorab zu laden.',
  unknown_constraint: () =>
    'Dieses Schloss hat eine Code-Regel, die diese App noch nicht kennt; Seam prüft sie beim Anlegen.',
  name_blank: () =>
    'Der Name besteht nur aus Leerzeichen. Geben Sie einen Namen ein oder lassen Sie das Feld leer.',
  name_too_short: (p) =>
    `Dieses Schloss verlangt Namen mit mindestens ${p.nameMin} Zeichen. Verwenden Sie einen längeren Namen.`,
  name_too_long: (p) =>
    `Dieses Schloss erlaubt Namen mit höchstens ${p.nameMax} Zeichen. Kürzen Sie den Namen.`,
  name_not_unique: () =>
    'Ein anderer Code an diesem Schloss trägt bereits diesen Namen, und das Schloss verlangt ' +
    'eindeutige Namen. Wählen Sie einen anderen Namen.',
  duplicate_name: () =>
    'Ein anderer Code an diesem Schloss trägt bereits diesen Namen. Ein anderer Name macht die ' +
    'beiden in der App des Herstellers leichter unterscheidbar.',
  code_not_digits: () =>
    'Die PIN darf nur die Ziffern 0 bis 9 enthalten. Entfernen Sie Buchstaben, Leerzeichen und Zeichen.',
  'code:code_length_unsupported': (p) =>
    `Dieses Schloss nimmt PINs mit ${p.lengths} Ziffern an. Wählen Sie eine PIN dieser Länge.`,
  'preferred_code_length:code_length_unsupported': (p) =>
    `Dieses Schloss nimmt PINs mit ${p.lengths} Ziffern an. Wählen Sie eine dieser Längen.`,
  no_zeros: () => 'Dieses Schloss nimmt die Ziffer 0 nicht an. Wählen Sie eine PIN ohne Nullen.',
  cannot_start_with_12: () =>
    'Dieses Schloss nimmt keine PIN an, die mit 12 beginnt. Wählen Sie einen anderen Anfang.',
  no_triple_consecutive_ints: () =>
    'Dieses Schloss nimmt keine drei Ziffern in Folge an, die sich wiederholen oder um eins ' +
    'auf- oder absteigen (wie 777, 345 oder 543). Ändern Sie eine dieser Ziffern.',
  no_ascending_or_descending_sequence: () =>
    'Dieses Schloss nimmt keine PIN an, die nur auf- oder abwärts zählt (wie 1234 oder 9876). ' +
    'Wählen Sie eine weniger vorhersehbare PIN.',
  at_least_three_unique_digits: () =>
    'Dieses Schloss verlangt mindestens drei verschiedene Ziffern (1123 geht, 1122 nicht).',
  cannot_contain_089: () =>
    'Dieses Schloss nimmt die Ziffern 0, 8 und 9 nicht an. Verwenden Sie nur die Ziffern 1 bis 7.',
  cannot_contain_0789: () =>
    'Das Tastenfeld dieses Schlosses hat nur die Tasten 1 bis 6. Verwenden Sie nur diese Ziffern.',
  unique_first_four_digits: () =>
    'Dieses Schloss verlangt, dass die ersten vier Ziffern alle verschieden sind (2741 geht, 2721 nicht).',
  no_all_same_digits: () =>
    'Dieses Schloss nimmt keine PIN aus einer einzigen wiederholten Ziffer an (wie 1111).',
  duplicate_code: () =>
    'Ein anderer Code an diesem Schloss verwendet bereits diese PIN. Wählen Sie eine andere PIN.',
  first_four_digits_in_use: () =>
    'Ein anderer Code an diesem Schloss beginnt mit denselben vier Ziffern, und das Schloss ' +
    'unterscheidet Codes an ihren ersten vier Ziffern. Wählen Sie sicherheitshalber einen anderen Anfang.',
  pin_code_matches_existing_set: () =>
    'Dieses Schloss nimmt nur eine PIN an, die das Konto bereits verwendet; das prüft Seam beim ' +
    'Anlegen. Lassen Sie im Zweifel Seam wählen.',
  offline_code_pin_not_allowed: () =>
    'Offline-Codes erhalten ihre PIN vom Hersteller; eine eigene PIN ist nicht möglich.',
  cannot_specify_pin_code: () =>
    'Dieses Schloss wählt seine PINs selbst. Lassen Sie die PIN leer; sie erscheint, sobald das ' +
    'Schloss sie vergeben hat.',
  preferred_code_length_ignored: () => 'Eine bevorzugte Länge gilt nur, wenn Seam die PIN wählt.',
  'starts_at:missing_offset': () => `${start} hat keine Zeitzone. Geben Sie ihn erneut ein.`,
  'ends_at:missing_offset': () => `${end} hat keine Zeitzone. Geben Sie es erneut ein.`,
  'starts_at:invalid_instant': () =>
    `${start} ist kein gültiges Datum mit Uhrzeit. Prüfen Sie Tag, Monat und Stunde.`,
  'ends_at:invalid_instant': () =>
    `${end} ist kein gültiges Datum mit Uhrzeit. Prüfen Sie Tag, Monat und Stunde.`,
  'starts_at:window_incomplete': () =>
    'Ein befristeter Code braucht auch einen Beginn. Geben Sie ihn an oder wählen Sie „Bis zum Löschen“.',
  'ends_at:window_incomplete': () =>
    'Ein befristeter Code braucht auch ein Ende. Geben Sie es an oder wählen Sie „Bis zum Löschen“.',
  'starts_at:window_time_missing': () =>
    'Ein Code mit Beginn und Ende braucht den Beginn. Geben Sie Datum und Uhrzeit ein oder ' +
    'wählen Sie „Bis zum Löschen“.',
  'ends_at:window_time_missing': () =>
    'Ein Code mit Beginn und Ende braucht das Ende. Geben Sie Datum und Uhrzeit ein oder ' +
    'wählen Sie „Bis zum Löschen“.',
  'starts_at:window_time_invalid': () =>
    `${start} ist kein vollständiges Datum mit Uhrzeit. Prüfen Sie Tag, Monat, Jahr und Stunde.`,
  'ends_at:window_time_invalid': () =>
    `${end} ist kein vollständiges Datum mit Uhrzeit. Prüfen Sie Tag, Monat, Jahr und Stunde.`,
  starts_now: () =>
    'Der Beginn liegt schon in der Vergangenheit: Der Code gilt, sobald er am Schloss ist, bis zum Ende.',
  name_required: (p) =>
    `Dieses Schloss verlangt einen Namen mit mindestens ${p.nameMin} Zeichen. Geben Sie einen Namen ein.`,
  offline_code_requires_window: () =>
    'Offline-Codes brauchen einen Beginn und ein Ende. Geben Sie beide Zeiten an.',
  backup_pool_requires_window: () =>
    'Ersatzcodes gibt es nur für befristete Codes. Geben Sie Beginn und Ende an oder schalten Sie ' +
    '„Ersatzcodes bereithalten“ ab.',
  ends_before_start: () =>
    'Das Ende muss nach dem Beginn liegen. Verschieben Sie das Ende nach hinten oder den Beginn nach vorn.',
  now_invalid: () =>
    'Die aktuelle Uhrzeit ist unbekannt, daher ließ sich das Zeitfenster nicht prüfen.',
  ends_in_past: () => 'Das Ende liegt bereits in der Vergangenheit. Wählen Sie ein späteres Ende.',
  start_date_in_future: () =>
    'Dieses Schloss verlangt einen Beginn mit etwas Abstand in der Zukunft (mindestens 15 Minuten). ' +
    'Verschieben Sie den Beginn nach hinten.',
  time_zone_required: () =>
    'Seam kennt die Zeitzone dieses Schlosses nicht und lehnt befristete Codes ab. Stellen Sie ' +
    'zuerst die Zeitzone des Schlosses ein oder wählen Sie „Bis zum Löschen“.',
  time_zone_not_configured: () =>
    'Für dieses Schloss ist keine Zeitzone eingestellt; der Code beginnt und endet womöglich zur ' +
    'falschen Stunde. Stellen Sie die Zeitzone in der App des Herstellers ein.',
};

/** German texts of capability reasons, by code. */
export const deReasons: Strings['reasons'] = {
  online_access_codes_unsupported:
    'Dieses Gerät unterstützt keine Online-Zugangscodes. Wählen Sie ein Schloss, das sie unterstützt.',
  offline_access_codes_unsupported:
    'Dieses Gerät unterstützt keine Offline-Zugangscodes. Legen Sie stattdessen einen Online-Code an.',
  online_access_codes_unavailable:
    'Dieses Schloss unterstützt Online-Codes, kann laut Seam aber gerade keine annehmen. Beheben ' +
    'Sie die übrigen Probleme des Schlosses oder prüfen Sie es in der App des Anbieters.',
  offline_access_codes_unavailable:
    'Dieses Schloss unterstützt Offline-Codes, kann laut Seam aber gerade keine annehmen. Prüfen ' +
    'Sie es in der App des Anbieters.',
  device_offline:
    'Das Schloss ist offline. Seam programmiert den Code, sobald es wieder verbunden ist; prüfen ' +
    'Sie Stromversorgung und WLAN.',
  hub_disconnected:
    'Der Hub oder die Bridge dieses Schlosses ist offline. Seam programmiert den Code, sobald ' +
    'die Verbindung zurück ist; prüfen Sie Strom und Netzwerk.',
  device_disconnected:
    'Das Schloss ist getrennt. Seam programmiert den Code, sobald es wieder verbunden ist.',
  keypad_not_connected:
    'Das Tastenfeld des Schlosses ist nicht verbunden, daher kann der Gast keine PIN eingeben. ' +
    'Verbinden oder koppeln Sie das Tastenfeld in der App des Schlosses.',
  no_keypad:
    'Dieses Schloss hat kein Tastenfeld, daher lässt sich keine PIN eingeben. Verwenden Sie ein ' +
    'Schloss mit Tastenfeld.',
  keypad_battery_low:
    'Die Batterie des Tastenfelds ist schwach. Tauschen Sie sie vor der Ankunft des Gastes: Ein ' +
    'leeres Tastenfeld nimmt keine PIN an.',
  online_codes_required:
    'Eine PIN lässt sich nur für Online-Codes wählen, und dieses Schloss kann gerade keine annehmen.',
  cannot_specify_pin_code:
    'Dieses Schloss wählt seine PINs selbst; sie erscheint, sobald das Schloss sie vergeben hat.',
  pin_code_matches_existing_set:
    'Eine gewählte PIN muss eine sein, die das Konto bereits verwendet; Seam prüft das beim Anlegen.',
  account_disconnected:
    'Das Konto des Schlosses ist von Seam getrennt. Melden Sie sich erneut beim Anbieter an, um ' +
    'es wieder zu verbinden, und legen Sie dann den Code an.',
  bridge_disconnected:
    'Seam erreicht die Seam Bridge dieses Schlosses nicht. Starten Sie die Bridge oder den ' +
    'Rechner, auf dem sie läuft, neu.',
  salto_ks_subscription_limit_exceeded:
    'Der Salto-Standort hat sein Nutzerlimit erreicht, und jeder Code belegt einen Nutzer. Löschen ' +
    'Sie ungenutzte Codes oder erweitern Sie das Salto-Abonnement.',
  device_removed:
    'Dieses Schloss wurde aus seinem Konto entfernt. Fügen Sie es in der App des Anbieters wieder hinzu.',
  missing_device_credentials:
    'Seam fehlen Zugangsdaten für dieses Schloss. Verbinden Sie das Konto des Schlosses neu.',
  subscription_required:
    'Der Anbieter verlangt ein Abonnement, bevor dieses Schloss Codes annimmt. Aktivieren Sie es beim Anbieter.',
  august_lock_not_authorized:
    'Seam darf dieses August-Schloss nicht verwalten. Geben Sie dem verbundenen Konto in der ' +
    'August-App Zugriff.',
  keynest_unsupported_locker:
    'Dieser Schlüssel liegt in einem KeyNest-Schließfach, das keine Zugangscodes unterstützt.',
  august_lock_missing_bridge:
    'Dieses August-Schloss hat keine WLAN-Bridge, daher kann Seam keine Codes aus der Ferne ' +
    'programmieren. Installieren und koppeln Sie eine August-Connect-Bridge.',
  ttlock_lock_not_paired_to_gateway:
    'Dieses TTLock-Schloss ist mit keinem Gateway gekoppelt, daher kann Seam keine Codes aus der ' +
    'Ferne programmieren. Koppeln Sie ein TTLock-Gateway in der TTLock-App.',
  lockly_missing_wifi_bridge:
    'Dieses Lockly-Schloss hat keine WLAN-Bridge, daher kann Seam keine Online-Codes ' +
    'programmieren. Verbinden Sie einen Lockly-WLAN-Hub oder verwenden Sie einen Offline-Code.',
  wyze_device_missing_gateway:
    'Dieses Wyze-Schloss ist nicht mit seinem Gateway verbunden, daher kann Seam keine Codes ' +
    'programmieren. Verbinden Sie das Wyze-Gateway.',
  accessory_keypad_setup_required:
    'Das Tastenfeld ist nicht mit der igloohome-Bridge verbunden, daher scheitern Online-Codes. ' +
    'Verbinden Sie es in der igloohome-App mit der Bridge.',
  salto_ks_office_mode:
    'Das Schloss ist im Office-Modus: Zugangscodes öffnen die Tür erst, wenn der Modus ' +
    'ausgeschaltet ist.',
  salto_ks_privacy_mode:
    'Das Schloss ist im Privatsphäre-Modus: Zugangscodes öffnen die Tür erst, wenn der Modus ' +
    'ausgeschaltet ist.',
  ultraloq_time_zone_unknown:
    'Seam kennt die Zeitzone dieses Ultraloq-Schlosses nicht und lehnt befristete Codes ab. ' +
    'Stellen Sie die Zeitzone ein oder legen Sie einen unbefristeten Code an.',
  lockly_time_zone_not_configured:
    'Für dieses Lockly-Schloss ist keine Zeitzone eingestellt; befristete Codes beginnen oder ' +
    'enden womöglich zur falschen Stunde. Stellen Sie die Zeitzone in der Lockly-App ein.',
};
