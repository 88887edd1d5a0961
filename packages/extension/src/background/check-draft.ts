/**
 * The background's check of a draft a content script proposes. A content script runs in a page
 * we do not control (assume a compromised renderer), so its draft is rebuilt field by field from
 * a prototype-less copy: unknown keys dropped, every string bounded, ids and dates by pattern,
 * and the page address stripped of any query or fragment that is not a route.
 */
import type { Confidence, ExactTime, Field, ReservationDraft, WallTime } from '../sites/types.js';

const CONFIDENCES: readonly Confidence[] = ['structured', 'text', 'inferred', 'assumed'];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

function boundedString(v: unknown, max: number, pattern?: RegExp): string | null {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused here
  if (/[\u0000-\u001f<>]/.test(v)) return null;
  return pattern && !pattern.test(v) ? null : v;
}

function checkField<T>(v: unknown, value: (x: unknown) => T | null): Field<T> | null | undefined {
  if (v === null) return null;
  if (!isObj(v)) return undefined;
  const parsed = value(get(v, 'value'));
  const confidence = get(v, 'confidence');
  const source = boundedString(get(v, 'source'), 160);
  if (parsed === null || !CONFIDENCES.includes(confidence as Confidence) || source === null)
    return undefined;
  return { value: parsed, confidence: confidence as Confidence, source };
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

function moment(v: unknown): WallTime | ExactTime | null {
  if (!isObj(v)) return null;
  const instant = boundedString(get(v, 'instant'), 30, INSTANT);
  if (instant) return { instant };
  const date = boundedString(get(v, 'date'), 10, DATE);
  const time = boundedString(get(v, 'time'), 5, TIME);
  return date && time ? { date, time } : null;
}

function stringList(v: unknown, max: number): string[] | null {
  if (!Array.isArray(v) || v.length > 12) return null;
  const out: string[] = [];
  for (const item of v) {
    const s = boundedString(item, max);
    if (s === null) return null;
    out.push(s);
  }
  return out;
}

/** The draft, rebuilt, or a sentence saying what is wrong with it. */
export function checkDraft(
  value: unknown,
  knownAdapters: readonly string[],
): ReservationDraft | string {
  if (!isObj(value)) return 'the draft is not an object';
  const adapterId = boundedString(get(value, 'adapterId'), 32);
  if (adapterId === null || !knownAdapters.includes(adapterId)) return 'unknown adapter';
  const reservationId = boundedString(get(value, 'reservationId'), 64, ID);
  if (reservationId === null) return 'bad reservation id';
  const text = (x: unknown) => boundedString(x, 160);
  const confirmationCode = checkField(get(value, 'confirmationCode'), (x) =>
    boundedString(x, 64, ID),
  );
  const guestName = checkField(get(value, 'guestName'), text);
  const listing = get(value, 'listing');
  if (!isObj(listing)) return 'bad listing';
  const listingId = checkField(get(listing, 'id'), (x) => boundedString(x, 64, ID));
  const listingName = checkField(get(listing, 'name'), text);
  const checkIn = checkField(get(value, 'checkIn'), moment);
  const checkOut = checkField(get(value, 'checkOut'), moment);
  const timeZone = checkField(get(value, 'timeZone'), (x) =>
    boundedString(x, 64, /^[A-Za-z0-9_+\-/]+$/),
  );
  const shown = get(value, 'displayedTimesAre');
  if (shown !== 'property-local' && shown !== 'viewer-local' && shown !== 'exact')
    return 'bad displayedTimesAre';
  const window = get(value, 'window');
  let checkedWindow: ReservationDraft['window'] = null;
  if (window !== null) {
    if (!isObj(window)) return 'bad window';
    const startsAt = boundedString(get(window, 'startsAt'), 30, INSTANT);
    const endsAt = boundedString(get(window, 'endsAt'), 30, INSTANT);
    if (!startsAt || !endsAt || Date.parse(endsAt) <= Date.parse(startsAt)) return 'bad window';
    checkedWindow = { startsAt, endsAt };
  }
  const missing = stringList(get(value, 'missing'), 32);
  const problems = stringList(get(value, 'problems'), 300);
  const page = boundedString(get(value, 'page'), 500);
  for (const [name, v] of Object.entries({
    confirmationCode,
    guestName,
    listingId,
    listingName,
    checkIn,
    checkOut,
    timeZone,
  })) {
    if (v === undefined) return `bad ${name}`;
  }
  if (!missing || !problems || !page) return 'bad missing, problems or page';
  let pageUrl: URL;
  try {
    pageUrl = new URL(page);
  } catch {
    return 'bad page';
  }
  const hashRoute = pageUrl.hash.startsWith('#/') ? pageUrl.hash.replace(/\?.*$/, '') : '';
  return {
    adapterId,
    reservationKey: `${adapterId}:${reservationId}`,
    reservationId,
    confirmationCode: confirmationCode ?? null,
    guestName: guestName ?? null,
    listing: { id: listingId ?? null, name: listingName ?? null },
    checkIn: checkIn ?? null,
    checkOut: checkOut ?? null,
    displayedTimesAre: shown,
    timeZone: timeZone ?? null,
    window: checkedWindow,
    missing,
    problems,
    page: `${pageUrl.origin}${pageUrl.pathname}${hashRoute}`,
  };
}
