/** The panel's own words (the elements bring theirs), one table per language. */
export interface PanelStrings {
  readonly lang: string;
  readonly title: string;
  readonly close: string;
  readonly loading: string;
  readonly guest: string;
  readonly reservation: string;
  readonly listing: string;
  readonly checkIn: string;
  readonly checkOut: string;
  readonly zone: string;
  readonly zonePage: string;
  readonly zoneViewer: string;
  readonly zoneExact: string;
  readonly zoneLock: string;
  readonly missingValue: string;
  readonly confidence: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, string>>;
  readonly missingList: (fields: string[]) => string;
  readonly noReservation: string;
  readonly setup: string;
  readonly openOptions: string;
  readonly chooseLock: (listing: string) => string;
  readonly locks: string;
  readonly useLocks: string;
  readonly mappingHint: string;
  readonly lockFor: (name: string) => string;
  readonly change: string;
  readonly zoneMismatch: (page: string, lock: string) => string;
  readonly zoneUsePage: (zone: string) => string;
}

const en: PanelStrings = {
  lang: 'en',
  title: 'Door code',
  close: 'Close',
  loading: 'Loading…',
  guest: 'Guest',
  reservation: 'Reservation',
  listing: 'Listing',
  checkIn: 'Check-in',
  checkOut: 'Check-out',
  zone: 'Time zone',
  zonePage: 'from the page',
  zoneViewer: "your computer's: this site shows times in it",
  zoneExact: 'exact times with offsets on the page',
  zoneLock: "not on the page: the lock's zone is used",
  missingValue: 'not on the page',
  confidence: { inferred: 'year inferred', assumed: 'time not shown: default' },
  fields: {
    checkIn: 'check-in',
    checkOut: 'check-out',
    guestName: 'guest name',
    listing: 'listing',
    timeZone: 'time zone',
  },
  missingList: (f) =>
    `The page does not show: ${f.join(', ')}. Enter what is missing below; nothing is guessed.`,
  noReservation: 'Open this panel from a reservation page.',
  setup: "Enter your Seam credentials in the extension's options first.",
  openOptions: 'Open options',
  chooseLock: (l) => `Which lock is for ${l || 'this listing'}?`,
  locks: 'Locks',
  useLocks: 'Use for this listing',
  mappingHint: 'Asked once per listing; change it later in the options.',
  lockFor: (n) => `Lock for ${n}.`,
  change: 'Change',
  zoneMismatch: (p, l) =>
    `The page gives the time zone ${p}, the lock is set to ${l}. Check which is right before creating the code.`,
  zoneUsePage: (z) => `The page is right: use ${z}`,
};

const de: PanelStrings = {
  lang: 'de',
  title: 'Türcode',
  close: 'Schließen',
  loading: 'Wird geladen…',
  guest: 'Gast',
  reservation: 'Reservierung',
  listing: 'Unterkunft',
  checkIn: 'Anreise',
  checkOut: 'Abreise',
  zone: 'Zeitzone',
  zonePage: 'von der Seite',
  zoneViewer: 'die Ihres Computers: diese Seite zeigt Zeiten darin',
  zoneExact: 'genaue Zeiten mit Versatz auf der Seite',
  zoneLock: 'nicht auf der Seite: die Zone des Schlosses gilt',
  missingValue: 'nicht auf der Seite',
  confidence: { inferred: 'Jahr erschlossen', assumed: 'Uhrzeit fehlt: Standard' },
  fields: {
    checkIn: 'Anreise',
    checkOut: 'Abreise',
    guestName: 'Gastname',
    listing: 'Unterkunft',
    timeZone: 'Zeitzone',
  },
  missingList: (f) =>
    `Die Seite zeigt nicht: ${f.join(', ')}. Tragen Sie es unten ein; nichts wird geraten.`,
  noReservation: 'Öffnen Sie dieses Fenster auf einer Reservierungsseite.',
  setup: 'Tragen Sie zuerst Ihre Seam-Zugangsdaten in den Optionen der Erweiterung ein.',
  openOptions: 'Optionen öffnen',
  chooseLock: (l) => `Welches Schloss gehört zu ${l || 'dieser Unterkunft'}?`,
  locks: 'Schlösser',
  useLocks: 'Für diese Unterkunft verwenden',
  mappingHint: 'Wird einmal pro Unterkunft gefragt; später in den Optionen änderbar.',
  lockFor: (n) => `Schloss für ${n}.`,
  change: 'Ändern',
  zoneMismatch: (p, l) =>
    `Die Seite nennt die Zeitzone ${p}, das Schloss ist auf ${l} eingestellt. Prüfen Sie, was stimmt, bevor Sie den Code erstellen.`,
  zoneUsePage: (z) => `Die Seite stimmt: ${z} verwenden`,
};

export function panelStrings(language: string): PanelStrings {
  return language.toLowerCase().startsWith('de') ? de : en;
}
