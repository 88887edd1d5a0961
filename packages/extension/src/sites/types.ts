/**
 * What a site adapter is: data plus pure functions. `extract` reads a document and its URL and
 * returns a `ReservationDraft` that says, for every field, how sure it is and where it came from;
 * whatever is missing is listed instead of guessed. Nothing here touches extension APIs, so the
 * adapters run the same in the content script, in tests and in the bench.
 */

/** How a value was obtained, best first. `assumed` is a default the user must confirm. */
export type Confidence = 'structured' | 'text' | 'inferred' | 'assumed';

/** One extracted value with its confidence and a short note on where it came from. */
export interface Field<T> {
  readonly value: T;
  readonly confidence: Confidence;
  /** e.g. `json:reservation.arrivalDate`, `label:Check-in`, `url`, `default 15:00`. */
  readonly source: string;
}

/** A wall-clock date and time as the page shows it: `YYYY-MM-DD` and `HH:mm`. */
export interface WallTime {
  readonly date: string;
  readonly time: string;
}

/** The reservation's check-in or check-out as an exact instant (an offset was on the page). */
export interface ExactTime {
  readonly instant: string;
}

export type TimeZoneSource = 'page-data' | 'viewer';

/** What an adapter read; the fields it could not read are in `missing`, never invented. */
export interface ReservationDraft {
  readonly adapterId: string;
  /** `${adapterId}:${reservationId}`: the key of everything the extension keeps per reservation. */
  readonly reservationKey: string;
  readonly reservationId: string;
  readonly confirmationCode: Field<string> | null;
  readonly guestName: Field<string> | null;
  readonly listing: { readonly id: Field<string> | null; readonly name: Field<string> | null };
  readonly checkIn: Field<WallTime | ExactTime> | null;
  readonly checkOut: Field<WallTime | ExactTime> | null;
  /** Which clock the page's times are on: the property's or the viewer's computer's (Guesty). */
  readonly displayedTimesAre: 'property-local' | 'viewer-local' | 'exact';
  /** An IANA zone for the wall times, when the page says which (or the viewer's, for viewer-local). */
  readonly timeZone: Field<string> | null;
  /**
   * The code's window as UTC instants, when the page gives dates, times and a zone (or offsets).
   * Null otherwise: the panel then reads the wall times in the lock's zone, or asks.
   */
  readonly window: { readonly startsAt: string; readonly endsAt: string } | null;
  /** Fields that could not be read: `checkIn`, `checkOut`, `guestName`, `listing`, `timeZone`... */
  readonly missing: readonly string[];
  /** What is wrong with the page's data, in words (a zone that is not IANA, two reservations...). */
  readonly problems: readonly string[];
  /** origin + path (+ a hash route) of the page, never its query (Booking.com's carries a session). */
  readonly page: string;
}

/** What extract needs besides the page: injected so tests are deterministic. */
export interface ExtractEnv {
  /** Epoch ms of "today", for yearless dates. */
  readonly now: number;
  /** The viewer's IANA zone, for sites that show times on the viewer's clock. */
  readonly viewerTimeZone: string;
}

/** A page kind an adapter recognises from the URL alone, with the reservation id in it. */
export interface RouteMatch {
  readonly reservationId: string;
}

export interface SiteAdapter {
  readonly id: string;
  readonly label: string;
  /** Host names the adapter serves (exact, or `*.example.com`). Empty: any host (generic). */
  readonly hosts: readonly string[];
  /** Manifest match patterns for the content script. */
  readonly matches: readonly string[];
  /** Reads the reservation id from the URL; null when the URL is not a reservation page. */
  route(url: URL): RouteMatch | null;
  /** True once the page has rendered what `extract` reads (sites render late). */
  ready(doc: Document, url: URL): boolean;
  /** Pure and synchronous. */
  extract(doc: Document, url: URL, env: ExtractEnv): ReservationDraft;
  /** Where the launcher goes; null when the anchor is not on the page (yet). */
  anchor(
    doc: Document,
  ): { readonly element: Element; readonly append: 'before' | 'after' | 'first' | 'last' } | null;
}
