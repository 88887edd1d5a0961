import type { Strings } from './types.js';

// Texts repeated under several codes or scopes are written once, as in core's table.
const FULL = 'Alle Codeplätze des Schlosses sind belegt. Löschen Sie nicht mehr benötigte Codes.';
const SALTO =
  'Jeder Code belegt einen Nutzer des Salto-KS-Abonnements, und das Limit ist erreicht. Entfernen Sie Codes oder erweitern Sie das Abonnement.';
const SALTO_ALMOST =
  'Der Salto-Standort hat über 80 % seines Nutzerlimits erreicht, und jeder Code belegt einen Nutzer. Planen Sie eine Erweiterung des Abonnements.';
const EXTERNAL =
  'Jemand hat diesen Code in der App des Schlosses geändert oder entfernt. Seam stellt ihn wieder her; ändern Sie ihn bitte hier.';
const EXTERNAL_ALLOWED =
  'Jemand hat diesen Code in der App des Schlosses geändert. Für diesen Code sind Änderungen außerhalb von Seam erlaubt, daher behält Seam sie bei.';
const THIRD_PARTY =
  'Eine weitere Integration verwaltet dieses Schloss und kann Codes ändern oder entfernen. Schalten Sie sie ab, wenn Codes sich seltsam verhalten.';
const SLOW =
  'Der Code hat das Schloss noch nicht erreicht, meist wegen einer schwachen Verbindung. Seam versucht es weiter; Ver- und Entriegeln per App prüft die Verbindung.';
const TEMP_OFFLINE =
  'Das Schloss ist vorübergehend offline. Der Code wird gesetzt oder entfernt, sobald es zurück ist; prüfen Sie WLAN-Bridge und Batterien.';
const PROVIDER =
  'Der Dienst des Schlossherstellers meldet ein Problem. Seam versucht es weiter; wenden Sie sich an den Support, falls es anhält.';
const NOT_LOCKS = 'Ein Hinweis zu einer anderen Geräteart; er betrifft keine Türcodes.';
const ZONE =
  'Die Zeitzone des Schlosses ist unbekannt, daher beginnen oder enden befristete Codes womöglich zur falschen Stunde. Stellen Sie sie ein.';
const MAINTENANCE =
  'Der Schlosshersteller hat eine Wartung angesetzt; Codes kommen in dieser Zeit womöglich langsamer an.';
const DORMAKABA = 'Der dormakaba-Standort ist von Seam getrennt. Verbinden Sie ihn neu.';
const PRIVACY = 'Privatsphäre-Modus an';
const OFFICE = 'Office-Modus an';

const lockFull = { title: 'Das Schloss ist voll', explanation: FULL };
const changedOutside = { title: 'Außerhalb von Seam geändert', explanation: EXTERNAL };
const changedAllowed = { title: 'Außerhalb von Seam geändert', explanation: EXTERNAL_ALLOWED };
const slowToReach = { title: 'Erreicht das Schloss langsam', explanation: SLOW };
const tempOffline = { title: 'Schloss vorübergehend offline', explanation: TEMP_OFFLINE };
const provider = { title: 'Der Hersteller meldet ein Problem', explanation: PROVIDER };
const saltoLimit = { title: 'Salto-Nutzerlimit erreicht', explanation: SALTO };
const saltoExceeded = { title: 'Salto-Nutzerlimit überschritten', explanation: SALTO };
const saltoAlmost = { title: 'Salto-Nutzer fast aufgebraucht', explanation: SALTO_ALMOST };
const thirdParty = { title: 'Weitere Integration gefunden', explanation: THIRD_PARTY };
const maintenance = { title: 'Wartung angesetzt', explanation: MAINTENANCE };
const zoneUnknown = { title: 'Zeitzone unbekannt', explanation: ZONE };
const dormakaba = { title: 'dormakaba-Standort getrennt', explanation: DORMAKABA };
const sessionExpired = { title: 'Sitzung abgelaufen' };

/** German guidance for every key of core's `GUIDANCE` table (a test checks that none is missing). */
export const deGuidance: Strings['guidance'] = {
  // Access-code errors.
  'access_code.error.failed_to_set_on_device': {
    title: 'Noch nicht auf dem Schloss',
    explanation:
      'Seam konnte diesen Code nicht auf das Schloss setzen und versucht es weiter. Braucht der Gast bald Zutritt, geben Sie ihm einen Ersatzcode.',
  },
  'access_code.error.failed_to_remove_from_device': {
    title: 'Nicht vom Schloss entfernt',
    explanation:
      'Seam konnte diesen Code nicht entfernen und versucht es weiter. Prüfen Sie die App des Herstellers: Der Code ist vielleicht schon weg.',
  },
  'access_code.error.code_modified_external_to_seam': changedOutside,
  'access_code.error.duplicate_code_on_device': {
    title: 'PIN bereits auf dem Schloss',
    explanation:
      'Auf dem Schloss gibt es schon einen Code mit dieser PIN oder diesem Namen. Entfernen Sie den anderen Code oder geben Sie diesem eine andere PIN.',
  },
  'access_code.error.duplicate_code_attempt_prevented': {
    title: 'Änderung blockiert: doppelt',
    explanation:
      'Seam hat eine Änderung verhindert, die dieselbe PIN zweimal auf das Schloss gebracht hätte. Wählen Sie eine andere PIN.',
  },
  'access_code.error.no_space_for_access_code_on_device': lockFull,
  'access_code.error.smartthings_failed_to_set_access_code': {
    title: 'SmartThings konnte ihn nicht setzen',
    explanation:
      'Der SmartThings-Hub hat den Code nicht angenommen. Seam versucht es erneut; scheitert es weiter, prüfen Sie den Hub und die Verbindung des Schlosses.',
  },
  'access_code.error.smartthings_failed_to_set_after_multiple_retries': {
    title: 'SmartThings scheitert wiederholt',
    explanation:
      'Meist ist eine andere App schuld, die das Schloss verwaltet (etwa RBoy Apps oder Operto). Schalten Sie sie ab und entfernen Sie widersprüchliche Codes.',
  },
  'access_code.error.smartthings_no_free_slots_available': {
    title: 'Das Schloss ist voll',
    explanation:
      'Kein Codeplatz ist frei; SmartThings hält zudem 3 Plätze für sich. Löschen Sie nicht mehr benötigte Codes.',
  },
  'access_code.error.kwikset_unable_to_confirm_code': {
    title: 'Kwikset hat ihn nicht bestätigt',
    explanation:
      'Meist wurde dieselbe PIN außerhalb von Seam gesetzt. Ändern Sie die PIN dieses Codes hier.',
  },
  'access_code.error.kwikset_unable_to_confirm_deletion': {
    title: 'Kwikset hat das Entfernen nicht bestätigt',
    explanation:
      'Prüfen Sie die Codeliste in der Kwikset-App per Bluetooth; ist der Code schon weg, wenden Sie sich an den Support.',
  },
  'access_code.error.kwikset_insufficient_permissions': {
    title: 'Kwikset-Konto ohne Rechte',
    explanation:
      'Das verbundene Kwikset-Konto muss Home Admin sein. Lassen Sie den Admin die Rolle ändern und verbinden Sie es dann neu.',
  },
  'access_code.error.august_lock_invalid_code_length': {
    title: 'PIN-Länge nicht angenommen',
    explanation:
      'Dieses Schloss nimmt keine PIN dieser Länge an. Wählen Sie eine PIN mit einer unterstützten Länge.',
  },
  'access_code.error.august_device_programming_delay': slowToReach,
  'access_code.error.august_lock_temporarily_offline': tempOffline,
  'access_code.error.august_lock_missing_keypad': {
    title: 'Kein Tastenfeld',
    explanation:
      'Dieses Schloss hat kein Tastenfeld, daher kann niemand eine PIN eingeben. Installieren und koppeln Sie ein August-Tastenfeld.',
  },
  'access_code.error.salto_ks_user_not_subscribed': saltoLimit,
  'access_code.error.hubitat_device_programming_delay': {
    title: 'Erreicht das Schloss langsam',
    explanation:
      'Der Hubitat-Hub hat den Code noch nicht auf das Schloss gesetzt. Prüfen Sie die Verbindung zwischen Hub und Schloss.',
  },
  'access_code.error.hubitat_no_free_positions_available': lockFull,
  'access_code.error.wyze_duplicate_code_name': {
    title: 'Name bereits vergeben',
    explanation:
      'Ein anderer Code an diesem Wyze-Schloss trägt denselben Namen. Geben Sie diesem Code einen eigenen Namen.',
  },
  'access_code.error.wyze_potential_duplicate_code': {
    title: 'Möglicherweise doppelte PIN',
    explanation:
      'Wyze meldet, dass diese PIN vielleicht schon auf dem Schloss ist. Wählen Sie eine andere PIN.',
  },
  'access_code.error.dormakaba_oracode_invalid_time_range': {
    title: 'Zeitfenster nicht verfügbar',
    explanation:
      'Kein auf diesem dormakaba-Oracode-Schloss eingerichtetes Zeitfenster passt. Wählen Sie ein Fenster, das zu einem eingerichteten passt.',
  },
  'access_code.error.keynest_unsupported_third_party_locker': {
    title: 'Schließfach nicht unterstützt',
    explanation:
      'Dieses KeyNest-Schließfach gehört einem Dritten, der keine Zugangscodes unterstützt.',
  },
  'access_code.error.conflicting_unmanaged_access_code_id': {
    title: 'Konflikt mit einem anderen Code',
    explanation:
      'Ein außerhalb von Seam angelegter Code auf diesem Schloss steht im Konflikt mit diesem. Löschen Sie den anderen Code oder übernehmen Sie ihn in Seam.',
  },
  'access_code.error.august_device_slots_full': lockFull,
  'access_code.error.august_lock_bad_access_code_format': {
    title: 'PIN nicht angenommen',
    explanation: 'Dieses Schloss nimmt diese PIN nicht an. Wählen Sie eine andere PIN.',
  },
  'access_code.error.salto_site_user_not_subscribed': saltoLimit,
  'access_code.error.igloohome_bridge_too_many_pending_jobs': {
    title: 'Bridge ausgelastet',
    explanation:
      'Die igloohome-Bridge hat zu viele Aufträge in der Warteschlange. Seam versucht es erneut; geben Sie ihr ein paar Minuten.',
  },
  'access_code.error.igloohome_bridge_offline': {
    title: 'Bridge offline',
    explanation:
      'Die igloohome-Bridge ist offline, daher erreicht der Code das Schloss nicht. Prüfen Sie Strom und WLAN der Bridge.',
  },
  'access_code.error.provider_issue': provider,
  'access_code.error.conflicting_external_modification': changedOutside,
  'access_code.error.access_code_inactive': {
    title: 'Code inaktiv',
    explanation:
      'Der Hersteller meldet diesen Code als inaktiv, er öffnet die Tür also nicht. Löschen Sie ihn und legen Sie ihn neu an.',
  },
  'access_code.error.insufficient_permissions': {
    title: 'Nicht genug Rechte',
    explanation:
      'Das verbundene Konto darf an diesem Schloss keine Codes verwalten. Verbinden Sie es mit einem Konto mit Admin-Rechten neu.',
  },
  'access_code.error.access_code_state_unconfirmed': {
    title: 'Auf dem Schloss nicht bestätigt',
    explanation:
      'Seam konnte nicht bestätigen, ob der Code auf dem Schloss ist. Prüfen Sie die Verbindung des Schlosses.',
  },
  'access_code.error.replaced_by_newer_access_code': {
    title: 'Durch neueren Code ersetzt',
    explanation: 'Ein neuerer Code hat diesen auf dem Schloss ersetzt; verwenden Sie den neueren.',
  },
  // Access-code warnings.
  'access_code.warning.delay_in_setting_on_device': {
    title: 'Dauert länger als üblich',
    explanation:
      'Das Setzen des Codes auf das Schloss dauert ungewöhnlich lange, meist wegen einer schwachen Verbindung. Seam versucht es weiter.',
  },
  'access_code.warning.delay_in_removing_from_device': {
    title: 'Entfernen dauert länger als üblich',
    explanation:
      'Das Entfernen des Codes vom Schloss dauert ungewöhnlich lange, meist wegen einer schwachen Verbindung. Seam versucht es weiter.',
  },
  'access_code.warning.code_modified_external_to_seam': changedAllowed,
  'access_code.warning.third_party_integration_detected': thirdParty,
  'access_code.warning.management_transferred': {
    title: 'Wird jetzt anderswo verwaltet',
    explanation:
      'Ein anderer Seam-Workspace hat diesen Code übernommen; Änderungen von hier greifen womöglich nicht.',
  },
  'access_code.warning.igloo_algopin_must_be_used_within_24_hours': {
    title: 'Innerhalb von 24 Stunden nutzen',
    explanation:
      'Diese igloohome-Offline-PIN muss innerhalb von 24 Stunden nach Beginn zum ersten Mal eingegeben werden, sonst verfällt sie.',
  },
  'access_code.warning.schlage_detected_duplicate': {
    title: 'Doppelte PIN',
    explanation:
      'Schlage meldet einen weiteren Code mit derselben PIN auf diesem Schloss. Wählen Sie eine andere PIN.',
  },
  'access_code.warning.schlage_creation_outage': {
    title: 'Störung bei Schlage',
    explanation:
      'Der Dienst von Schlage hat beim Anlegen einen Fehler gemeldet. Seam versucht es weiter.',
  },
  'access_code.warning.smartthings_failed_to_set_access_code': {
    title: 'SmartThings hatte Probleme',
    explanation:
      'SmartThings hatte Probleme beim Setzen des Codes und versucht es erneut. Prüfen Sie die Verbindung des Hubs.',
  },
  'access_code.warning.august_device_programming_delay': slowToReach,
  'access_code.warning.august_lock_temporarily_offline': tempOffline,
  'access_code.warning.kwikset_unable_to_confirm_code': {
    title: 'Kwikset hat ihn noch nicht bestätigt',
    explanation:
      'Kwikset hat den Code noch nicht bestätigt, oft weil dieselbe PIN außerhalb von Seam gesetzt wurde. Hält es an, wählen Sie eine andere PIN.',
  },
  'access_code.warning.ultraloq_access_code_disabled': {
    title: 'In der Ultraloq-App ausgeschaltet',
    explanation:
      'Der Code wurde in der Ultraloq-App ausgeschaltet. Schalten Sie ihn dort wieder ein.',
  },
  'access_code.warning.code_rotates_periodically': {
    title: 'PIN wechselt planmäßig',
    explanation:
      'Dieses Schloss wechselt die PIN regelmäßig. Prüfen Sie die aktuelle PIN, bevor Sie sie weitergeben.',
  },
  'access_code.warning.time_frame_adjusted_for_unknown_time_zone': {
    title: 'Zeitfenster um eine Stunde erweitert',
    explanation:
      'Die Zeitzone des Schlosses ist unbekannt, daher hat Seam rund um Zeitumstellungen eine Stunde hinzugefügt. Stellen Sie die Zeitzone für genaue Zeiten ein.',
  },
  'access_code.warning.external_modification_in_effect': changedAllowed,
  'access_code.warning.using_backup_access_code': {
    title: 'Ersatzcode in Gebrauch',
    explanation: 'Ein Ersatzcode vertritt diesen Code. Geben Sie dem Gast die Ersatz-PIN.',
  },
  'access_code.warning.being_deleted': {
    title: 'Wird gelöscht',
    explanation: 'Dieser Code wird gerade gelöscht.',
  },
  'access_code.warning.unknown_issue_with_access_code': {
    title: 'Unbekanntes Problem',
    explanation:
      'Seam hat ein Problem mit diesem Code bemerkt, das es nicht einordnen kann. Wenden Sie sich an den Support, falls es anhält.',
  },
  'access_code.warning.provider_issue': provider,
  'access_code.warning.schlage_access_code_ambiguous_timezone_dst_risk': {
    title: 'Risiko bei der Zeitumstellung',
    explanation:
      'Die Zeitzone des Schlage-Schlosses ist nicht eindeutig, daher kann sich der Code bei einer Zeitumstellung um eine Stunde verschieben. Stellen Sie die Zeitzone ein.',
  },
  'access_code.warning.access_code_inactive': {
    title: 'Code vorerst inaktiv',
    explanation:
      'Der Hersteller meldet diesen Code vorerst als inaktiv, er öffnet die Tür also noch nicht.',
  },
  // Device errors.
  'device.error.device_offline': {
    title: 'Schloss offline',
    explanation:
      'Das Schloss ist offline, daher lassen sich Codes weder setzen noch entfernen. Prüfen Sie Batterien oder Strom sowie WLAN oder Hub.',
  },
  'device.error.device_removed': {
    title: 'Schloss entfernt',
    explanation:
      'Das Schloss wurde aus dem Konto des Herstellers entfernt. Fügen Sie es dort wieder hinzu und verbinden Sie das Konto neu.',
  },
  'device.error.hub_disconnected': {
    title: 'Hub offline',
    explanation:
      'Der Hub oder die Bridge, die das Schloss anbindet, ist offline. Prüfen Sie Strom und Internetverbindung.',
  },
  'device.error.device_disconnected': {
    title: 'Schloss getrennt',
    explanation:
      'Das Schloss hat seine Verbindung verloren. Prüfen Sie die Batterien und die Verbindung zum Hub oder WLAN.',
  },
  'device.error.salto_ks_subscription_limit_exceeded': saltoExceeded,
  'device.error.empty_backup_access_code_pool': {
    title: 'Keine Ersatzcodes mehr',
    explanation:
      'Alle Ersatzcodes dieses Schlosses sind vergeben. Seam füllt den Vorrat auf, sobald es das Schloss erreicht.',
  },
  'device.error.august_lock_not_authorized': {
    title: 'Keine Berechtigung für dieses Schloss',
    explanation:
      'Das August-Konto ist für dieses Schloss nicht berechtigt. Verbinden Sie es mit dem Besitzer oder einem Admin neu.',
  },
  'device.error.august_lock_missing_bridge': {
    title: 'Keine Bridge',
    explanation:
      'Dieses Schloss braucht eine August-Connect-Bridge, um Codes aus der Ferne zu erhalten. Installieren und verbinden Sie eine.',
  },
  'device.error.ttlock_lock_not_paired_to_gateway': {
    title: 'Kein Gateway',
    explanation:
      'Dieses TTLock-Schloss ist mit keinem Gateway gekoppelt. Koppeln Sie ein TTLock-Gateway in der TTLock-App.',
  },
  'device.error.lockly_missing_wifi_bridge': {
    title: 'Keine WLAN-Bridge',
    explanation:
      'Dieses Lockly-Schloss braucht seine WLAN-Bridge, um Codes aus der Ferne zu erhalten. Verbinden Sie eine.',
  },
  'device.error.missing_device_credentials': {
    title: 'Zugangsdaten fehlen',
    explanation: 'Seam fehlen die Zugangsdaten für dieses Schloss. Verbinden Sie das Konto neu.',
  },
  'device.error.subscription_required': {
    title: 'Abonnement erforderlich',
    explanation:
      'Der Hersteller verlangt ein Abonnement für den Fernzugriff. Aktivieren Sie es in seiner App.',
  },
  'device.error.auxiliary_heat_running': { title: 'Zusatzheizung läuft', explanation: NOT_LOCKS },
  'device.error.dormakaba_sites_disconnected': dormakaba,
  // Device warnings.
  'device.warning.partial_backup_access_code_pool': {
    title: 'Ersatzcodes werden knapp',
    explanation:
      'Seam kann die Ersatzcodes nur schwer auffüllen, meist wegen einer schwachen Verbindung oder voller Codeplätze.',
  },
  'device.warning.many_active_backup_codes': {
    title: 'Viele Ersatzcodes in Gebrauch',
    explanation:
      'Mehrere Ersatzcodes wurden abgerufen, ein Zeichen für Probleme beim Programmieren dieses Schlosses. Prüfen Sie seine Verbindung.',
  },
  'device.warning.third_party_integration_detected': thirdParty,
  'device.warning.device_communication_degraded': {
    title: 'Schloss reagiert schlecht',
    explanation:
      'Das Schloss reagiert kaum, daher kommen Codes womöglich verzögert an. Prüfen Sie Batterien und Verbindung.',
  },
  'device.warning.device_has_flaky_connection': {
    title: 'Instabile Verbindung',
    explanation:
      'Die Verbindung des Schlosses bricht immer wieder ab, daher kommen Codes womöglich verzögert an. Stellen Sie Hub oder WLAN näher auf.',
  },
  'device.warning.scheduled_maintenance_window': maintenance,
  'device.warning.power_saving_mode': {
    title: 'Energiesparmodus',
    explanation:
      'Dieses TTLock-Schloss ist im Energiesparmodus und aus der Ferne nicht erreichbar. Schalten Sie den Modus in der TTLock-App ab.',
  },
  'device.warning.ttlock_lock_gateway_unlocking_not_enabled': {
    title: 'Fernentriegelung ausgeschaltet',
    explanation: 'Schalten Sie „Remote Unlock“ für dieses Schloss in der TTLock-App ein.',
  },
  'device.warning.ttlock_weak_gateway_signal': {
    title: 'Schwaches Gateway-Signal',
    explanation:
      'Das Signal des TTLock-Gateways zum Schloss ist schwach. Stellen Sie das Gateway näher ans Schloss.',
  },
  'device.warning.salto_ks_office_mode': {
    title: OFFICE,
    explanation:
      'Solange der Office-Modus an ist, öffnen Zugangscodes die Tür nicht. Schalten Sie ihn in der Salto-App ab.',
  },
  'device.warning.salto_ks_privacy_mode': {
    title: PRIVACY,
    explanation:
      'Solange der Privatsphäre-Modus an ist, öffnen Zugangscodes die Tür nicht. Schalten Sie ihn am Schloss oder in der Salto-App ab.',
  },
  'device.warning.salto_ks_subscription_limit_almost_reached': saltoAlmost,
  'device.warning.wyze_device_missing_gateway': {
    title: 'Kein Gateway',
    explanation:
      'Dieses Wyze-Schloss braucht sein Gateway, um Codes zu erhalten. Verbinden Sie es.',
  },
  'device.warning.lockly_time_zone_not_configured': {
    title: 'Zeitzone nicht eingestellt',
    explanation:
      'Befristete Codes beginnen oder enden womöglich zur falschen Stunde. Stellen Sie die Zeitzone in der Lockly-App ein.',
  },
  'device.warning.ultraloq_time_zone_unknown': {
    title: 'Zeitzone unbekannt',
    explanation: 'Befristete Codes sind gesperrt, bis die Zeitzone des Schlosses eingestellt ist.',
  },
  'device.warning.hub_required_for_additional_capabilities': {
    title: 'Hub nötig',
    explanation:
      'Ohne Hub oder Bridge nimmt dieses Schloss nur Offline-Codes an. Verbinden Sie eine Bridge für Online-Codes.',
  },
  'device.warning.accessory_keypad_setup_required': {
    title: 'Tastenfeld nicht verbunden',
    explanation:
      'Das Tastenfeld ist nicht mit der Bridge verbunden, daher scheitern Online-Codes. Verbinden Sie es in der igloohome-App.',
  },
  'device.warning.keynest_unsupported_locker': {
    title: 'Schließfach nicht unterstützt',
    explanation: 'Dieses KeyNest-Schließfach unterstützt keine Zugangscodes.',
  },
  'device.warning.temperature_threshold_exceeded': {
    title: 'Temperaturwarnung',
    explanation: NOT_LOCKS,
  },
  'device.warning.unknown_issue_with_phone': {
    title: 'Hinweis zum Telefon',
    explanation: NOT_LOCKS,
  },
  'device.warning.privacy_mode': {
    title: PRIVACY,
    explanation:
      'Solange der Privatsphäre-Modus an ist, öffnen Zugangscodes die Tür nicht. Schalten Sie ihn am Schloss ab.',
  },
  'device.warning.salto_ks_lock_access_code_support_removed': {
    title: 'Codes nicht mehr unterstützt',
    explanation: 'Salto unterstützt an diesem Schloss keine Zugangscodes mehr.',
  },
  'device.warning.time_zone_unknown': zoneUnknown,
  'device.warning.time_zone_mismatch': {
    title: 'Zeitzonen widersprechen sich',
    explanation:
      'Die Uhr des Schlosses und seine hinterlegte Zeitzone passen nicht zusammen, daher beginnen oder enden Codes womöglich zur falschen Stunde.',
  },
  'device.warning.two_n_device_missing_timezone': {
    title: 'Zeitzone nicht eingestellt',
    explanation: ZONE,
  },
  'device.warning.provider_issue': provider,
  'device.warning.unreliable_online_status': {
    title: 'Online-Status unzuverlässig',
    explanation:
      'Das Schloss ist womöglich offline, auch wenn es online erscheint. Ver- und entriegeln Sie es per App, um das zu prüfen.',
  },
  'device.warning.max_access_codes_reached': lockFull,
  'device.warning.insufficient_permissions': {
    title: 'Nicht genug Rechte',
    explanation:
      'Das verbundene Konto darf dieses Schloss nicht vollständig verwalten. Verbinden Sie es mit einem Konto mit Admin-Rechten neu.',
  },
  // Connected-account errors and warnings.
  'connected_account.error.account_disconnected': {
    title: 'Konto getrennt',
    explanation:
      'Das Konto beim Schlosshersteller ist von Seam getrennt, daher kann Seam Codes weder prüfen noch ändern. Verbinden Sie es neu.',
  },
  'connected_account.error.bridge_disconnected': {
    title: 'Seam Bridge nicht erreichbar',
    explanation:
      'Seam erreicht die Seam Bridge im lokalen Netz nicht. Prüfen Sie Strom und Netzwerk der Bridge.',
  },
  'connected_account.error.salto_ks_subscription_limit_exceeded': saltoExceeded,
  'connected_account.error.dormakaba_sites_disconnected': dormakaba,
  'connected_account.warning.unknown_issue_with_connected_account': {
    title: 'Problem mit dem Konto',
    explanation:
      'Seam hat ein Problem mit dem Konto beim Hersteller bemerkt. Neu verbinden hilft meist.',
  },
  'connected_account.warning.scheduled_maintenance_window': maintenance,
  'connected_account.warning.salto_ks_subscription_limit_almost_reached': saltoAlmost,
  'connected_account.warning.account_reauthorization_requested': {
    title: 'Anmeldung nötig',
    explanation:
      'Der Hersteller verlangt eine erneute Freigabe des Kontos. Verbinden Sie es neu, bevor es nicht mehr funktioniert.',
  },
  'connected_account.warning.being_deleted': {
    title: 'Konto wird gelöscht',
    explanation:
      'Das Konto beim Hersteller wird aus Seam entfernt; seine Codes werden dann nicht mehr verwaltet.',
  },
  'connected_account.warning.provider_service_unavailable': {
    title: 'Hersteller nicht erreichbar',
    explanation:
      'Der Dienst des Herstellers ist vorübergehend nicht erreichbar. Seam versucht es weiter.',
  },
  'connected_account.warning.setup_required': {
    title: 'Einrichtung nötig',
    explanation:
      'Das Konto braucht einen Einrichtungsschritt in der App des Herstellers, bevor Codes verwaltet werden können.',
  },
  'connected_account.warning.dormakaba_sites_unapproved': {
    title: 'Standort nicht freigegeben',
    explanation: 'Der dormakaba-Standort ist für Seam noch nicht freigegeben.',
  },
  // Our requests, action attempts and connection.
  'request.error.invalid_input': {
    title: 'Angaben nicht angenommen',
    explanation:
      'Seam hat einige Angaben zum Code nicht angenommen. Korrigieren Sie die markierten Felder und senden Sie ihn erneut.',
  },
  'request.error.unauthorized': {
    ...sessionExpired,
    explanation: 'Die Sitzung ist nicht mehr gültig. Melden Sie sich erneut an, um fortzufahren.',
  },
  'request.error.rate_limited': {
    title: 'Zu viele Änderungen auf einmal',
    explanation:
      'Seam begrenzt, wie oft sich Codes an einem Schloss ändern dürfen. Versuchen Sie es in einer Minute erneut.',
  },
  'request.error.device_not_found': {
    title: 'Schloss nicht gefunden',
    explanation:
      'Seam kennt dieses Schloss nicht, oder diese Sitzung sieht es nicht. Prüfen Sie, ob das Konto verbunden ist.',
  },
  'request.error.access_code_not_found': {
    title: 'Code nicht gefunden',
    explanation: 'Seam hat diesen Code nicht mehr: Er wurde bereits entfernt.',
  },
  'request.error.duplicate_access_code': {
    title: 'PIN bereits vergeben',
    explanation:
      'Ein anderer Code an diesem Schloss hat bereits diese PIN. Wählen Sie eine andere PIN.',
  },
  'request.error.network_error': {
    title: 'Keine Antwort von Seam',
    explanation:
      'Die Anfrage hat Seam vielleicht erreicht, vielleicht nicht. Prüfen Sie Ihre Internetverbindung; der Code existiert womöglich schon.',
  },
  'request.error.timeout': {
    title: 'Seam hat zu lange gebraucht',
    explanation:
      'Seam hat nicht rechtzeitig geantwortet; die Anfrage ist vielleicht trotzdem durchgegangen. Versuchen Sie es gleich noch einmal.',
  },
  'request.error.server_error': {
    title: 'Problem bei Seam',
    explanation:
      'Seam konnte die Anfrage gerade nicht bearbeiten. Versuchen Sie es gleich noch einmal.',
  },
  'action_attempt.error.uncategorized_error': {
    title: 'Seam konnte nicht abschließen',
    explanation:
      'Seam konnte die Änderung am Schloss nicht abschließen. Prüfen Sie den Code in Kürze erneut.',
  },
  'action_attempt.error.action_attempt_expired': {
    title: 'Das Schloss hat nicht geantwortet',
    explanation: 'Das Schloss hat nicht rechtzeitig geantwortet. Prüfen Sie seine Verbindung.',
  },
  'transport.error.network_error': {
    title: 'Offline',
    explanation:
      'Seam ist gerade nicht erreichbar, daher ist dieser Status vielleicht veraltet. Wir prüfen weiter.',
  },
  'transport.error.timeout': {
    title: 'Seam ist langsam',
    explanation:
      'Seam antwortet nur langsam, daher ist dieser Status vielleicht veraltet. Wir prüfen weiter.',
  },
  'transport.error.unauthorized': {
    ...sessionExpired,
    explanation:
      'Die Sitzung ist nicht mehr gültig, daher lässt sich dieser Status nicht prüfen. Melden Sie sich erneut an.',
  },
  'transport.error.rate_limited': {
    title: 'Langsamere Prüfung',
    explanation: 'Seam hat um langsamere Abfragen gebeten, daher dauern Updates etwas länger.',
  },
  'transport.error.server_error': {
    title: 'Problem bei Seam',
    explanation:
      'Seam konnte gerade nicht antworten, daher ist dieser Status vielleicht veraltet. Wir prüfen weiter.',
  },
  'fallback.error': {
    title: 'Problem gemeldet',
    explanation:
      'Seam hat ein Problem gemeldet, das diese App noch nicht kennt. Wenden Sie sich an den Support, falls es anhält.',
  },
  'fallback.warning': {
    title: 'Hinweis',
    explanation: 'Seam hat etwas gemeldet, das diese App noch nicht kennt.',
  },
};
