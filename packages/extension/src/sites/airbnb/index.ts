/**
 * Airbnb host, `www.airbnb.<tld>/hosting/stay/{HM…}` and the older
 * `/hosting/reservations/details/{HM…}`. Known: the URLs, the `HM` + 8 code shape, the SSR blob
 * `script#data-deferred-state-0` (first render only: SPA navigations do not refresh it), the
 * "We can't find this reservation" page, hashed class names. Guessed: the stay page's
 * `data-testid`s and the blob's field names. Times are the listing's; the page names no zone.
 */
import { buildDraft, cleanId, cleanText, field, spacedText, type DayAndTime } from '../draft.js';
import { at, isoDay, parseJson, str } from '../json.js';
import { stayFromText } from '../labels.js';
import { airbnbRoute, AIRBNB_ROUTE as ROUTE } from '../routes.js';
import type { SiteAdapter } from '../types.js';

const NOT_FOUND = /can.t find this reservation|reservierung (?:nicht finden|wurde nicht gefunden)/i;

/** The stay in the SSR blob, if the blob is about this reservation. */
function stayFromBlob(doc: Document, code: string): unknown {
  const data = parseJson(doc.getElementById('data-deferred-state-0')?.textContent);
  const entries = at(data, 'niobeMinimalClientData');
  if (!Array.isArray(entries)) return undefined;
  for (const entry of entries) {
    const stay = at(entry, 1, 'data', 'stay');
    if (str(at(stay, 'confirmationCode')) === code) return stay;
  }
  return undefined;
}

export const airbnb: SiteAdapter = {
  ...airbnbRoute,
  ready(doc, url) {
    const code = ROUTE.exec(url.pathname)?.[1];
    if (NOT_FOUND.test(doc.querySelector('main')?.textContent ?? '')) return true;
    return (
      code !== undefined &&
      doc.querySelector(`[data-testid="stay-confirmation-code"]`)?.textContent?.trim() === code
    );
  },
  extract(doc, url, env) {
    const code = ROUTE.exec(url.pathname)?.[1] ?? '';
    const main = doc.querySelector('main');
    if (NOT_FOUND.test(main?.textContent ?? '')) {
      return buildDraft({
        adapterId: 'airbnb',
        reservationId: code,
        url,
        displayedTimesAre: 'property-local',
        problems: ["Airbnb says it can't find this reservation."],
      });
    }
    const stay = stayFromBlob(doc, code);
    const guestText = doc.querySelector('[data-testid="stay-guest-name"]')?.textContent;
    const listingLink = doc.querySelector<HTMLAnchorElement>(
      '[data-testid="stay-listing"] a[href*="/rooms/"]',
    );
    const listingId =
      cleanId(str(at(stay, 'listing', 'id'))) ??
      cleanId(/\/rooms\/(\d+)/.exec(listingLink?.getAttribute('href') ?? '')?.[1]);
    const listingName = str(at(stay, 'listing', 'name')) ?? listingLink?.textContent ?? null;

    let checkIn: DayAndTime | null;
    let checkOut: DayAndTime | null;
    const inDay = isoDay(at(stay, 'checkIn'));
    const outDay = isoDay(at(stay, 'checkOut'));
    if (inDay && outDay) {
      const time = (v: unknown) => (typeof v === 'string' && /^\d{2}:\d{2}$/.test(v) ? v : null);
      checkIn = {
        date: inDay,
        time: time(at(stay, 'checkInTime')),
        confidence: 'structured',
        source: 'ssr:stay.checkIn',
      };
      checkOut = {
        date: outDay,
        time: time(at(stay, 'checkOutTime')),
        confidence: 'structured',
        source: 'ssr:stay.checkOut',
      };
    } else {
      // After an SPA navigation the blob is stale: read the text, which is often yearless.
      ({ checkIn, checkOut } = stayFromText(
        doc,
        spacedText(doc.querySelector('[data-testid="stay-checkin"]')),
        spacedText(doc.querySelector('[data-testid="stay-checkout"]')),
        env.now,
        { checkIn: 'text:stay-checkin', checkOut: 'text:stay-checkout' },
      ));
    }
    return buildDraft({
      adapterId: 'airbnb',
      reservationId: code,
      url,
      confirmationCode: field(code, 'structured', 'url'),
      guestName:
        stay !== undefined && str(at(stay, 'guest', 'name'))
          ? field(cleanText(str(at(stay, 'guest', 'name'))), 'structured', 'ssr:stay.guest.name')
          : field(cleanText(guestText), 'text', 'text:stay-guest-name'),
      listingId: field(
        listingId,
        listingId && stay !== undefined ? 'structured' : 'text',
        stay !== undefined ? 'ssr:stay.listing.id' : 'link:/rooms/{id}',
      ),
      listingName: field(
        cleanText(listingName),
        stay !== undefined ? 'structured' : 'text',
        stay !== undefined ? 'ssr:stay.listing.name' : 'text:stay-listing',
      ),
      checkIn,
      checkOut,
      displayedTimesAre: 'property-local',
      timeZone: null,
    });
  },
  anchor(doc) {
    const element = doc.querySelector('[data-testid="stay-guest-name"]');
    return element ? { element, append: 'after' } : null;
  },
};
