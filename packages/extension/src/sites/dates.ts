/**
 * Reading dates and times as sites display them: localized month names (from `Intl`, so any
 * language the browser knows; en, de and fr are tried by default), 12 h and 24 h clocks, and
 * dates without a year, whose year is inferred from "today".
 */

const DAY_MS = 86_400_000;

/** Lower case, no accents, no dots: "Dez." -> "dez", "févr." -> "fevr", "März" -> "marz". */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\./g, '');
}

const monthTables = new Map<string, Map<string, number>>();

/** Month names and abbreviations of a locale, folded, built once per locale on first use. */
function monthsOf(locale: string): Map<string, number> {
  let table = monthTables.get(locale);
  if (table) return table;
  table = new Map();
  for (const style of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
    for (let month = 1; month <= 12; month += 1) {
      const name = fold(format.format(Date.UTC(2026, month - 1, 15)));
      table.set(name, month);
      // "sept" / "sep", "juin"/"juil" stay distinct; 3-letter prefixes catch "Mär", "Okt", "Dez".
      if (name.length > 3) table.set(name.slice(0, 3), table.get(name.slice(0, 3)) ?? month);
    }
  }
  monthTables.set(locale, table);
  return table;
}

export function monthFromName(word: string, locales: readonly string[]): number | null {
  const key = fold(word);
  for (const locale of locales) {
    const month = monthsOf(locale).get(key);
    if (month !== undefined) return month;
  }
  return null;
}

export interface DisplayedDate {
  readonly month: number;
  readonly day: number;
  /** Null when the page shows no year. */
  readonly year: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads one date out of text such as "Thu, Dec 3, 2026", "3 Dec", "Do., 3. Dezember 2026",
 * "2026-12-03". Day names and punctuation are ignored. Returns null when no unambiguous date is
 * there (numeric day/month orders such as 03/12/2026 are ambiguous and refused).
 */
export function parseDisplayedDate(text: string, locales: readonly string[]): DisplayedDate | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const words = text
    .replace(/[\u00a0\u202f]/g, ' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  let month: number | null = null;
  let day: number | null = null;
  let year: number | null = null;
  for (const word of words) {
    const number = /^(\d{1,4})\.?$/.exec(word);
    if (number) {
      const value = Number(number[1]);
      if (number[1]!.length === 4) year = value;
      else if (day === null && value >= 1 && value <= 31) day = value;
      continue;
    }
    if (month === null) month = monthFromName(word, locales);
  }
  if (month === null || day === null) return null;
  return { month, day, year };
}

/**
 * The first time of day in text such as "Thu, Dec 3 · 3:00 PM", "15:00", "15.00 Uhr", "3 pm":
 * "15:00". Bare numbers (days, years) are skipped; null when there is no time.
 */
export function parseDisplayedTime(text: string): string | null {
  const pattern = /\b(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|uhr\b|h\b)?/gi;
  for (const match of text.replace(/[\u00a0\u202f]/g, ' ').matchAll(pattern)) {
    let hour = Number(match[1]);
    const minute = match[2] === undefined ? 0 : Number(match[2]);
    const suffix = match[3]?.toLowerCase().replace(/\./g, '');
    if (match[2] === undefined && suffix === undefined) continue; // a day or a year, not a time
    if (suffix === 'am' || suffix === 'pm') {
      if (hour < 1 || hour > 12) continue;
      hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
    }
    if (hour > 23 || minute > 59) continue;
    return `${pad(hour)}:${pad(minute)}`;
  }
  return null;
}

/**
 * The year of a yearless check-in: the one that puts it within [today - 60 days, today + 550
 * days], the earliest if several do. A booking page looked at in December for a stay in January
 * gets next year; one looked at in January for a stay last December gets last year.
 */
export function inferYear(month: number, day: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
    const at = Date.UTC(year, month - 1, day);
    if (at >= now - 60 * DAY_MS && at <= now + 550 * DAY_MS) return year;
  }
  return thisYear;
}

/**
 * Dates of a stay, with years filled in: the check-in's from `inferYear`, the check-out's so
 * that it is after the check-in (a stay over New Year shows "Dec 30 – Jan 2").
 */
export function resolveStay(
  checkIn: DisplayedDate,
  checkOut: DisplayedDate,
  now: number,
): { checkIn: string | null; checkOut: string | null; inferred: boolean } {
  const inYear = checkIn.year ?? inferYear(checkIn.month, checkIn.day, now);
  let outYear = checkOut.year ?? inYear;
  if (
    checkOut.year === null &&
    (checkOut.month < checkIn.month ||
      (checkOut.month === checkIn.month && checkOut.day < checkIn.day))
  )
    outYear = inYear + 1;
  return {
    checkIn: isoDate(inYear, checkIn.month, checkIn.day),
    checkOut: isoDate(outYear, checkOut.month, checkOut.day),
    inferred: checkIn.year === null || checkOut.year === null,
  };
}

/** Locales to read month names in: the page's `<html lang>` first, then en, de, fr. */
export function pageLocales(doc: Document): string[] {
  const lang = doc.documentElement.lang?.trim();
  const locales = ['en', 'de', 'fr'];
  if (lang && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) {
    try {
      const canonical = Intl.getCanonicalLocales(lang)[0];
      if (canonical) return [canonical, ...locales.filter((l) => l !== canonical)];
    } catch {
      /* not a locale: fall back to the defaults */
    }
  }
  return locales;
}
