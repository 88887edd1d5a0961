import type { Strings } from './types.js';

/**
 * German guidance for every text key of core's `GUIDANCE` table (a test checks that none is
 * missing): `[title, explanation]`, in the order of core's table.
 */
export const deGuidance: Strings['guidance'] = {
  not_set: [
    'Noch nicht auf dem Schloss',
    'Seam konnte diesen Code nicht auf das Schloss setzen und versucht es weiter. Braucht der Gast bald Zutritt, geben Sie ihm einen Ersatzcode.',
  ],
  not_set_no_backup: [
    'Noch nicht auf dem Schloss',
    'Seam konnte diesen Code nicht auf das Schloss setzen und versucht es weiter. Prüfen Sie, ob das Schloss online und sein Tastenfeld verbunden ist.',
  ],
  not_removed: [
    'Nicht vom Schloss entfernt',
    'Seam konnte diesen Code nicht entfernen und versucht es weiter. Prüfen Sie die App des Herstellers: Der Code ist vielleicht schon weg.',
  ],
  changed_outside: [
    'Außerhalb von Seam geändert',
    'Jemand hat diesen Code in der App des Schlosses geändert oder entfernt. Seam stellt ihn wieder her; ändern Sie ihn bitte hier.',
  ],
  changed_outside_allowed: [
    'Außerhalb von Seam geändert',
    'Jemand hat diesen Code in der App des Schlosses geändert. Für diesen Code sind Änderungen außerhalb von Seam erlaubt, daher behält Seam sie bei.',
  ],
  duplicate_on_lock: [
    'PIN bereits auf dem Schloss',
    'Auf dem Schloss gibt es schon einen Code mit dieser PIN oder diesem Namen. Entfernen Sie den anderen Code oder geben Sie diesem eine andere PIN.',
  ],
  duplicate_pin: [
    'PIN bereits vergeben',
    'Ein anderer Code an diesem Schloss hat bereits diese PIN. Wählen Sie eine andere PIN.',
  ],
  unmanaged_conflict: [
    'Konflikt mit einem anderen Code',
    'Ein außerhalb von Seam angelegter Code auf diesem Schloss steht im Konflikt mit diesem. Löschen Sie den anderen Code oder übernehmen Sie ihn in Seam.',
  ],
  lock_full: [
    'Das Schloss ist voll',
    'Alle Codeplätze des Schlosses sind belegt. Löschen Sie nicht mehr benötigte Codes.',
  ],
  smartthings_conflict: [
    'SmartThings scheitert wiederholt',
    'Meist ist eine andere App schuld, die das Schloss verwaltet (etwa RBoy Apps oder Operto). Schalten Sie sie ab und entfernen Sie widersprüchliche Codes.',
  ],
  kwikset_unconfirmed: [
    'Kwikset hat ihn nicht bestätigt',
    'Kwikset hat den Code nicht bestätigt, meist weil dieselbe PIN außerhalb von Seam gesetzt wurde. Wählen Sie eine andere PIN.',
  ],
  kwikset_admin: [
    'Kwikset-Konto ohne Rechte',
    'Das verbundene Kwikset-Konto muss Home Admin sein. Lassen Sie den Admin die Rolle ändern und verbinden Sie es dann neu.',
  ],
  pin_rejected: [
    'PIN nicht angenommen',
    'Dieses Schloss nimmt diese PIN oder ihre Länge nicht an. Wählen Sie eine andere PIN mit einer Länge, die das Schloss unterstützt.',
  ],
  slow_to_set: [
    'Erreicht das Schloss langsam',
    'Der Code hat das Schloss noch nicht erreicht, meist wegen einer schwachen Verbindung. Seam versucht es weiter; Ver- und Entriegeln per App prüft die Verbindung.',
  ],
  slow_to_remove: [
    'Entfernen dauert länger als üblich',
    'Das Entfernen des Codes vom Schloss dauert ungewöhnlich lange, meist wegen einer schwachen Verbindung. Seam versucht es weiter.',
  ],
  temporarily_offline: [
    'Schloss vorübergehend offline',
    'Das Schloss ist vorübergehend offline. Der Code wird gesetzt oder entfernt, sobald es zurück ist; prüfen Sie WLAN-Bridge und Batterien.',
  ],
  no_keypad: [
    'Kein Tastenfeld',
    'Dieses Schloss hat kein Tastenfeld, daher kann niemand eine PIN eingeben. Installieren und koppeln Sie ein August-Tastenfeld.',
  ],
  salto_limit: [
    'Salto-Nutzerlimit erreicht',
    'Jeder Code belegt einen Nutzer des Salto-KS-Abonnements, und das Limit ist erreicht. Entfernen Sie Codes oder erweitern Sie das Abonnement.',
  ],
  salto_almost: [
    'Salto-Nutzer fast aufgebraucht',
    'Der Salto-Standort hat über 80 % seines Nutzerlimits erreicht, und jeder Code belegt einen Nutzer. Planen Sie eine Erweiterung des Abonnements.',
  ],
  duplicate_name: [
    'Name bereits vergeben',
    'Ein anderer Code an diesem Schloss trägt denselben Namen. Geben Sie diesem Code einen eigenen Namen.',
  ],
  oracode_time_range: [
    'Zeitfenster nicht verfügbar',
    'Kein auf diesem dormakaba-Oracode-Schloss eingerichtetes Zeitfenster passt. Wählen Sie ein Fenster, das zu einem eingerichteten passt.',
  ],
  codes_unsupported: [
    'Codes nicht unterstützt',
    'Der Hersteller unterstützt an diesem Schloss oder Schließfach keine Zugangscodes. Wenden Sie sich an den Support, wenn Sie das anders erwartet haben.',
  ],
  bridge_busy: [
    'Bridge ausgelastet',
    'Die igloohome-Bridge hat zu viele Aufträge in der Warteschlange. Seam versucht es erneut; geben Sie ihr ein paar Minuten.',
  ],
  provider_issue: [
    'Der Hersteller meldet ein Problem',
    'Der Dienst des Schlossherstellers meldet ein Problem. Seam versucht es weiter; wenden Sie sich an den Support, falls es anhält.',
  ],
  inactive: [
    'Code inaktiv',
    'Der Hersteller meldet diesen Code als inaktiv, er öffnet die Tür also nicht. Löschen Sie ihn und legen Sie ihn neu an.',
  ],
  inactive_for_now: [
    'Code vorerst inaktiv',
    'Der Hersteller meldet diesen Code vorerst als inaktiv, er öffnet die Tür also noch nicht.',
  ],
  insufficient_permissions: [
    'Nicht genug Rechte',
    'Das verbundene Konto darf an diesem Schloss keine Codes verwalten. Verbinden Sie es mit einem Konto mit Admin-Rechten neu.',
  ],
  unconfirmed: [
    'Auf dem Schloss nicht bestätigt',
    'Seam konnte nicht bestätigen, ob der Code auf dem Schloss ist. Prüfen Sie die Verbindung des Schlosses.',
  ],
  replaced: [
    'Durch neueren Code ersetzt',
    'Ein neuerer Code hat diesen auf dem Schloss ersetzt; verwenden Sie den neueren.',
  ],
  third_party: [
    'Weitere Integration gefunden',
    'Eine weitere Integration verwaltet dieses Schloss und kann Codes ändern oder entfernen. Schalten Sie sie ab, wenn Codes sich seltsam verhalten.',
  ],
  management_transferred: [
    'Wird jetzt anderswo verwaltet',
    'Ein anderer Seam-Workspace hat diesen Code übernommen; Änderungen von hier greifen womöglich nicht.',
  ],
  use_within_24_hours: [
    'Innerhalb von 24 Stunden nutzen',
    'Diese igloohome-Offline-PIN muss innerhalb von 24 Stunden nach Beginn zum ersten Mal eingegeben werden, sonst verfällt sie.',
  ],
  turned_off_in_app: [
    'In der Ultraloq-App ausgeschaltet',
    'Der Code wurde in der Ultraloq-App ausgeschaltet. Schalten Sie ihn dort wieder ein.',
  ],
  rotating_pin: [
    'PIN wechselt planmäßig',
    'Dieses Schloss wechselt die PIN regelmäßig. Prüfen Sie die aktuelle PIN, bevor Sie sie weitergeben.',
  ],
  window_widened: [
    'Zeitfenster um eine Stunde erweitert',
    'Die Zeitzone des Schlosses ist unbekannt, daher hat Seam rund um Zeitumstellungen eine Stunde hinzugefügt. Stellen Sie die Zeitzone für genaue Zeiten ein.',
  ],
  backup_in_use: [
    'Ersatzcode in Gebrauch',
    'Ein Ersatzcode vertritt diesen Code. Geben Sie dem Gast die Ersatz-PIN.',
  ],
  being_deleted: ['Wird gelöscht', 'Dieser Code wird gerade gelöscht.'],
  unknown_code_issue: [
    'Unbekanntes Problem',
    'Seam hat ein Problem mit diesem Code bemerkt, das es nicht einordnen kann. Wenden Sie sich an den Support, falls es anhält.',
  ],
  dst_risk: [
    'Risiko bei der Zeitumstellung',
    'Die Zeitzone des Schlage-Schlosses ist nicht eindeutig, daher kann sich der Code bei einer Zeitumstellung um eine Stunde verschieben. Stellen Sie die Zeitzone ein.',
  ],
  lock_offline: [
    'Schloss offline',
    'Das Schloss ist offline, daher lassen sich Codes weder setzen noch entfernen. Prüfen Sie Batterien oder Strom sowie WLAN oder Hub.',
  ],
  lock_removed: [
    'Schloss entfernt',
    'Das Schloss wurde aus dem Konto des Herstellers entfernt. Fügen Sie es dort wieder hinzu und verbinden Sie das Konto neu.',
  ],
  hub_offline: [
    'Hub offline',
    'Der Hub oder die Bridge, die das Schloss anbindet, ist offline. Prüfen Sie Strom und Internetverbindung.',
  ],
  no_backup_codes: [
    'Keine Ersatzcodes mehr',
    'Alle Ersatzcodes dieses Schlosses sind vergeben. Seam füllt den Vorrat auf, sobald es das Schloss erreicht.',
  ],
  no_bridge: [
    'Keine Bridge',
    'Dieses Schloss braucht seine Bridge oder sein Gateway, um Codes aus der Ferne zu erhalten. Installieren und verbinden Sie eines.',
  ],
  no_gateway_paired: [
    'Kein Gateway',
    'Dieses TTLock-Schloss ist mit keinem Gateway gekoppelt. Koppeln Sie ein TTLock-Gateway in der TTLock-App.',
  ],
  subscription_required: [
    'Abonnement erforderlich',
    'Der Hersteller verlangt ein Abonnement für den Fernzugriff. Aktivieren Sie es in seiner App.',
  ],
  not_for_locks: [
    'Betrifft keine Türcodes',
    'Ein Hinweis zu einer anderen Geräteart; er betrifft keine Türcodes.',
  ],
  site_disconnected: [
    'dormakaba-Standort getrennt',
    'Der dormakaba-Standort ist von Seam getrennt. Verbinden Sie ihn neu.',
  ],
  backup_codes_low: [
    'Ersatzcodes werden knapp',
    'Seam kann die Ersatzcodes nur schwer auffüllen, meist wegen einer schwachen Verbindung oder voller Codeplätze.',
  ],
  many_backup_codes: [
    'Viele Ersatzcodes in Gebrauch',
    'Mehrere Ersatzcodes wurden abgerufen, ein Zeichen für Probleme beim Programmieren dieses Schlosses. Prüfen Sie seine Verbindung.',
  ],
  poor_connection: [
    'Instabile Verbindung',
    'Die Verbindung des Schlosses ist schlecht, daher kommen Codes womöglich verzögert an. Prüfen Sie die Batterien und stellen Sie Hub oder WLAN näher auf.',
  ],
  unreliable_online_status: [
    'Online-Status unzuverlässig',
    'Das Schloss ist womöglich offline, auch wenn es online erscheint. Ver- und entriegeln Sie es per App, um das zu prüfen.',
  ],
  maintenance: [
    'Wartung angesetzt',
    'Der Schlosshersteller hat eine Wartung angesetzt; Codes kommen in dieser Zeit womöglich langsamer an.',
  ],
  power_saving: [
    'Energiesparmodus',
    'Dieses TTLock-Schloss ist im Energiesparmodus und aus der Ferne nicht erreichbar. Schalten Sie den Modus in der TTLock-App ab.',
  ],
  remote_unlock_off: [
    'Fernentriegelung ausgeschaltet',
    'Schalten Sie „Remote Unlock“ für dieses Schloss in der TTLock-App ein.',
  ],
  weak_gateway_signal: [
    'Schwaches Gateway-Signal',
    'Das Signal des TTLock-Gateways zum Schloss ist schwach. Stellen Sie das Gateway näher ans Schloss.',
  ],
  office_mode: [
    'Office-Modus an',
    'Solange der Office-Modus an ist, öffnen Zugangscodes die Tür nicht. Schalten Sie ihn in der Salto-App ab.',
  ],
  privacy_mode: [
    'Privatsphäre-Modus an',
    'Solange der Privatsphäre-Modus an ist, öffnen Zugangscodes die Tür nicht. Schalten Sie ihn am Schloss oder in seiner App ab.',
  ],
  time_zone_unknown: [
    'Zeitzone nicht eingestellt',
    'Die Zeitzone des Schlosses ist nicht eingestellt, daher beginnen oder enden befristete Codes womöglich zur falschen Stunde. Stellen Sie sie ein, notfalls in der App des Herstellers.',
  ],
  time_bound_blocked: [
    'Zeitzone unbekannt',
    'Befristete Codes sind gesperrt, bis die Zeitzone des Schlosses eingestellt ist.',
  ],
  time_zone_mismatch: [
    'Zeitzonen widersprechen sich',
    'Die Uhr des Schlosses und seine hinterlegte Zeitzone passen nicht zusammen, daher beginnen oder enden Codes womöglich zur falschen Stunde.',
  ],
  hub_needed: [
    'Hub nötig',
    'Ohne Hub oder Bridge nimmt dieses Schloss nur Offline-Codes an. Verbinden Sie eine Bridge für Online-Codes.',
  ],
  keypad_not_linked: [
    'Tastenfeld nicht verbunden',
    'Das Tastenfeld ist nicht mit der Bridge verbunden, daher scheitern Online-Codes. Verbinden Sie es in der igloohome-App.',
  ],
  account_disconnected: [
    'Konto getrennt',
    'Das Konto beim Schlosshersteller ist von Seam getrennt, daher kann Seam Codes weder prüfen noch ändern. Verbinden Sie es neu.',
  ],
  seam_bridge_unreachable: [
    'Seam Bridge nicht erreichbar',
    'Seam erreicht die Seam Bridge im lokalen Netz nicht. Prüfen Sie Strom und Netzwerk der Bridge.',
  ],
  account_issue: [
    'Problem mit dem Konto',
    'Seam hat ein Problem mit dem Konto beim Hersteller bemerkt. Neu verbinden hilft meist.',
  ],
  reauthorization_requested: [
    'Anmeldung nötig',
    'Der Hersteller verlangt eine erneute Freigabe des Kontos. Verbinden Sie es neu, bevor es nicht mehr funktioniert.',
  ],
  account_being_deleted: [
    'Konto wird gelöscht',
    'Das Konto beim Hersteller wird aus Seam entfernt; seine Codes werden dann nicht mehr verwaltet.',
  ],
  setup_required: [
    'Einrichtung nötig',
    'Das Konto braucht einen Einrichtungsschritt in der App des Herstellers, bevor Codes verwaltet werden können.',
  ],
  site_unapproved: [
    'Standort nicht freigegeben',
    'Der dormakaba-Standort ist für Seam noch nicht freigegeben.',
  ],
  invalid_input: [
    'Angaben nicht angenommen',
    'Seam hat einige Angaben zum Code nicht angenommen. Korrigieren Sie die markierten Felder und senden Sie ihn erneut.',
  ],
  session_expired: [
    'Sitzung abgelaufen',
    'Die Sitzung ist nicht mehr gültig. Melden Sie sich erneut an, um fortzufahren.',
  ],
  rate_limited: [
    'Zu viele Änderungen auf einmal',
    'Seam begrenzt, wie oft sich Codes an einem Schloss ändern dürfen. Versuchen Sie es in einer Minute erneut.',
  ],
  device_not_found: [
    'Schloss nicht gefunden',
    'Seam kennt dieses Schloss nicht, oder diese Sitzung sieht es nicht. Prüfen Sie, ob das Konto verbunden ist.',
  ],
  code_not_found: [
    'Code nicht gefunden',
    'Seam hat diesen Code nicht mehr: Er wurde bereits entfernt.',
  ],
  no_answer: [
    'Keine Antwort von Seam',
    'Die Anfrage hat Seam vielleicht erreicht, vielleicht nicht. Prüfen Sie Ihre Internetverbindung; der Code existiert womöglich schon.',
  ],
  request_timeout: [
    'Seam hat zu lange gebraucht',
    'Seam hat nicht rechtzeitig geantwortet; die Anfrage ist vielleicht trotzdem durchgegangen. Versuchen Sie es gleich noch einmal.',
  ],
  server_error: [
    'Problem bei Seam',
    'Seam konnte die Anfrage gerade nicht bearbeiten. Versuchen Sie es gleich noch einmal.',
  ],
  attempt_failed: [
    'Seam konnte nicht abschließen',
    'Seam konnte die Änderung am Schloss nicht abschließen. Prüfen Sie den Code in Kürze erneut.',
  ],
  attempt_expired: [
    'Das Schloss hat nicht geantwortet',
    'Das Schloss hat nicht rechtzeitig geantwortet. Prüfen Sie seine Verbindung.',
  ],
  status_offline: [
    'Offline',
    'Seam ist gerade nicht erreichbar, daher ist dieser Status vielleicht veraltet. Wir prüfen weiter.',
  ],
  status_slow: [
    'Seam ist langsam',
    'Seam antwortet nur langsam, daher ist dieser Status vielleicht veraltet. Wir prüfen weiter.',
  ],
  status_session_expired: [
    'Sitzung abgelaufen',
    'Die Sitzung ist nicht mehr gültig, daher lässt sich dieser Status nicht prüfen. Melden Sie sich erneut an.',
  ],
  status_rate_limited: [
    'Langsamere Prüfung',
    'Seam hat um langsamere Abfragen gebeten, daher dauern Updates etwas länger.',
  ],
  status_server_error: [
    'Problem bei Seam',
    'Seam konnte gerade nicht antworten, daher ist dieser Status vielleicht veraltet. Wir prüfen weiter.',
  ],
  fallback_error: [
    'Problem gemeldet',
    'Seam hat ein Problem gemeldet, das diese App noch nicht kennt. Wenden Sie sich an den Support, falls es anhält.',
  ],
  fallback_warning: ['Hinweis', 'Seam hat etwas gemeldet, das diese App noch nicht kennt.'],
};
