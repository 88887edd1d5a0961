/** The launcher's words, one table per language (the panel's come with the components). */
import type { DerivedPhase } from '@seam-codes/core';

export interface ChipStrings {
  readonly brand: string;
  readonly setup: string;
  readonly ready: string;
  readonly unmapped: string;
  readonly incomplete: string;
  readonly disabled: string;
  readonly checking: string;
  readonly close: string;
  readonly panelTitle: string;
  readonly panelMoved: string;
  readonly missing: Readonly<Record<string, string>>;
  readonly phases: Readonly<Record<DerivedPhase, string>>;
}

const en: ChipStrings = {
  brand: 'Door code',
  setup: 'set up Seam',
  ready: 'create',
  unmapped: 'choose the lock',
  incomplete: 'details missing',
  disabled: 'off for this site',
  checking: 'checking…',
  close: 'Close',
  panelTitle: 'Seam door code for this reservation',
  panelMoved: 'The page changed the door-code panel, so it was closed.',
  missing: {
    checkIn: 'check-in',
    checkOut: 'check-out',
    guestName: 'guest name',
    listing: 'listing',
    timeZone: 'time zone',
  },
  phases: {
    submitting: 'sending…',
    rejected: 'refused',
    pending: 'waiting',
    scheduled: 'scheduled',
    programming: 'setting…',
    delayed: 'delayed',
    failed: 'failed',
    awaiting_code: 'awaiting PIN',
    active: 'set ✓',
    removing: 'removing…',
    removing_failed: 'not removed',
    removed: 'removed',
    unknown: 'unknown',
  },
};

const de: ChipStrings = {
  brand: 'Türcode',
  setup: 'Seam einrichten',
  ready: 'erstellen',
  unmapped: 'Schloss wählen',
  incomplete: 'Angaben fehlen',
  disabled: 'für diese Seite aus',
  checking: 'wird geprüft…',
  close: 'Schließen',
  panelTitle: 'Seam-Türcode für diese Reservierung',
  panelMoved: 'Die Seite hat das Türcode-Fenster verändert; es wurde geschlossen.',
  missing: {
    checkIn: 'Anreise',
    checkOut: 'Abreise',
    guestName: 'Gastname',
    listing: 'Unterkunft',
    timeZone: 'Zeitzone',
  },
  phases: {
    submitting: 'wird gesendet…',
    rejected: 'abgelehnt',
    pending: 'wartet',
    scheduled: 'geplant',
    programming: 'wird gesetzt…',
    delayed: 'verzögert',
    failed: 'fehlgeschlagen',
    awaiting_code: 'PIN ausstehend',
    active: 'gesetzt ✓',
    removing: 'wird entfernt…',
    removing_failed: 'nicht entfernt',
    removed: 'entfernt',
    unknown: 'unbekannt',
  },
};

export function chipStrings(language: string): ChipStrings {
  return language.toLowerCase().startsWith('de') ? de : en;
}
