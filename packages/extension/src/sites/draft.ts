/**
 * One way to turn what an adapter read into a `ReservationDraft`: clean the text, fill assumed
 * times, check the zone, compute the window, and list what is missing. Every adapter ends here,
 * so the rules (never a guessed window, never a URL query) hold for all of them.
 */
import { isValidTimeZone, zonedWallTimeToInstant } from '@seam-codes/core';
import type { ExactTime, Field, ReservationDraft, WallTime } from './types.js';

export const DEFAULT_CHECK_IN_TIME = '15:00';
export const DEFAULT_CHECK_OUT_TIME = '11:00';

/**
 * Page text as a plain value: no markup characters, no control or bidi-override characters, one
 * space between words, at most `max` characters. Page text is hostile input.
 */
export function cleanText(text: string | null | undefined, max = 120): string | null {
  if (typeof text !== 'string') return null;
  const cleaned = text
    // eslint-disable-next-line no-control-regex -- control characters are what is removed here
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>{}`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return null;
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}

/** An id from a page or URL: letters, digits, `-` and `_` only; anything else is refused. */
export function cleanId(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return /^[A-Za-z0-9_-]{1,64}$/.test(trimmed) ? trimmed : null;
}

export function field<T>(
  value: T | null,
  confidence: Field<T>['confidence'],
  source: string,
): Field<T> | null {
  return value === null ? null : { value, confidence, source };
}

/** Where the page is, without query: `origin + pathname`, plus the hash when it is a route. */
export function pageOf(url: URL): string {
  const hash = url.hash.startsWith('#/') ? url.hash.replace(/\?.*$/, '') : '';
  return `${url.origin}${url.pathname}${hash}`;
}

/** A date read from the page, and a time if the page showed one. */
export interface DayAndTime {
  readonly date: string;
  readonly time: string | null;
  readonly confidence: Field<WallTime>['confidence'];
  readonly source: string;
}

export interface DraftInput {
  readonly adapterId: string;
  readonly reservationId: string;
  readonly url: URL;
  readonly confirmationCode?: Field<string> | null;
  readonly guestName?: Field<string> | null;
  readonly listingId?: Field<string> | null;
  readonly listingName?: Field<string> | null;
  readonly checkIn?: DayAndTime | { readonly instant: string; readonly source: string } | null;
  readonly checkOut?: DayAndTime | { readonly instant: string; readonly source: string } | null;
  readonly displayedTimesAre: 'property-local' | 'viewer-local';
  /** The zone as the page spells it (checked here), or the viewer's for viewer-local pages. */
  readonly timeZone?: { readonly name: string; readonly source: string } | null;
  readonly problems?: readonly string[];
}

function toField(
  part: DraftInput['checkIn'],
  defaultTime: string,
): Field<WallTime | ExactTime> | null {
  if (!part) return null;
  if ('instant' in part)
    return { value: { instant: part.instant }, confidence: 'structured', source: part.source };
  if (part.time === null) {
    return {
      value: { date: part.date, time: defaultTime },
      confidence: 'assumed',
      source: `${part.source}; time not shown, default ${defaultTime}`,
    };
  }
  return {
    value: { date: part.date, time: part.time },
    confidence: part.confidence,
    source: part.source,
  };
}

export function buildDraft(input: DraftInput): ReservationDraft {
  const problems = [...(input.problems ?? [])];
  const missing: string[] = [];
  const checkIn = toField(input.checkIn, DEFAULT_CHECK_IN_TIME);
  const checkOut = toField(input.checkOut, DEFAULT_CHECK_OUT_TIME);
  if (!checkIn) missing.push('checkIn');
  if (!checkOut) missing.push('checkOut');
  if (!input.guestName) missing.push('guestName');
  if (!input.listingId && !input.listingName) missing.push('listing');

  let timeZone: Field<string> | null = null;
  if (input.timeZone) {
    const name = cleanText(input.timeZone.name, 64);
    if (name !== null && isValidTimeZone(name)) {
      timeZone = {
        value: name,
        confidence: input.displayedTimesAre === 'viewer-local' ? 'inferred' : 'structured',
        source: input.timeZone.source,
      };
    } else {
      problems.push(
        `The page gives the time zone as "${name ?? ''}", which is not an IANA zone name such as Europe/Berlin; the lock's zone will be asked for instead.`,
      );
    }
  }
  const exact =
    checkIn !== null &&
    'instant' in checkIn.value &&
    checkOut !== null &&
    'instant' in checkOut.value;
  if (!timeZone && !exact) missing.push('timeZone');

  let window: ReservationDraft['window'] = null;
  if (checkIn && checkOut && (exact || timeZone)) {
    const instant = (value: WallTime | ExactTime) =>
      'instant' in value
        ? new Date(value.instant).toISOString()
        : zonedWallTimeToInstant(`${value.date}T${value.time}`, timeZone!.value);
    try {
      const startsAt = instant(checkIn.value);
      const endsAt = instant(checkOut.value);
      if (Date.parse(endsAt) > Date.parse(startsAt)) window = { startsAt, endsAt };
      else
        problems.push(
          'The check-out on the page is not after the check-in, so no window is offered.',
        );
    } catch {
      problems.push('The dates on the page could not be turned into times.');
    }
  }
  return {
    adapterId: input.adapterId,
    reservationKey: `${input.adapterId}:${input.reservationId}`,
    reservationId: input.reservationId,
    confirmationCode: input.confirmationCode ?? null,
    guestName: input.guestName ?? null,
    listing: { id: input.listingId ?? null, name: input.listingName ?? null },
    checkIn,
    checkOut,
    displayedTimesAre: exact ? 'exact' : input.displayedTimesAre,
    timeZone,
    window,
    missing,
    problems,
    page: pageOf(input.url),
  };
}

/**
 * An element's text with its text nodes joined by spaces: `textContent` glues
 * `<div>Dec 30</div><div>4:00 PM</div>` into "Dec 304:00 PM".
 */
export function spacedText(element: Element | null | undefined): string | null {
  if (!element) return null;
  const parts: string[] = [];
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    parts.push(node.nodeValue ?? '');
  return parts.join(' ');
}

/** Text of the element after a label (`<dt>Check-in</dt><dd>…</dd>`, `<span>Label</span><span>…`). */
export function valueAfterLabel(root: ParentNode, selector: string, label: RegExp): string | null {
  for (const element of root.querySelectorAll(selector)) {
    if (label.test(element.textContent?.trim() ?? '')) {
      const value = spacedText(element.nextElementSibling);
      if (value) return value;
    }
  }
  return null;
}
