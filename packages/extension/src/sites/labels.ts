/**
 * The shared reading of label/value layouts ("Check-in" next to "Thu, Dec 3, 2026 3:00 PM"):
 * dates in the page's languages, yearless dates resolved from "today", times if shown.
 */
import { pageLocales, parseDisplayedDate, parseDisplayedTime, resolveStay } from './dates.js';
import type { DayAndTime } from './draft.js';

export function stayFromText(
  doc: Document,
  inText: string | null,
  outText: string | null,
  now: number,
  sources: { checkIn: string; checkOut: string },
  times: { checkIn?: string | null; checkOut?: string | null } = {},
): { checkIn: DayAndTime | null; checkOut: DayAndTime | null } {
  const locales = pageLocales(doc);
  const inDate = inText ? parseDisplayedDate(inText, locales) : null;
  const outDate = outText ? parseDisplayedDate(outText, locales) : null;
  if (!inDate || !outDate) return { checkIn: null, checkOut: null };
  const stay = resolveStay(inDate, outDate, now);
  const confidence = stay.inferred ? 'inferred' : 'text';
  const note = stay.inferred ? ', year inferred' : '';
  const time = (own: string | null | undefined, text: string) =>
    (own ? parseDisplayedTime(own) : null) ?? parseDisplayedTime(text);
  return {
    checkIn: stay.checkIn
      ? {
          date: stay.checkIn,
          time: time(times.checkIn, inText!),
          confidence,
          source: sources.checkIn + note,
        }
      : null,
    checkOut: stay.checkOut
      ? {
          date: stay.checkOut,
          time: time(times.checkOut, outText!),
          confidence,
          source: sources.checkOut + note,
        }
      : null,
  };
}
