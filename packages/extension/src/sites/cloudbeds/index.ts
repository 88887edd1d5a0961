/**
 * Cloudbeds, `hotels.cloudbeds.com/connect/{property}#/reservations/{id}` (and custom
 * `*.cloudbeds.com`). Known (public userscripts): the hash route changed with `pushState` (no
 * hashchange, no popstate), `h1.main-guest-name`, `.page-title`, `span.small-text` labels with the
 * value in the next sibling, Vue re-rendering `.page-title`, late loads. Guessed: the date labels
 * and format. The page names no zone: the lock's is used.
 */
import { buildDraft, cleanId, cleanText, field, spacedText, valueAfterLabel } from '../draft.js';
import { stayFromText } from '../labels.js';
import {
  cloudbedsRoute,
  CLOUDBEDS_HASH as HASH,
  CLOUDBEDS_PROPERTY as PROPERTY,
} from '../routes.js';
import type { SiteAdapter } from '../types.js';

export const cloudbeds: SiteAdapter = {
  ...cloudbedsRoute,
  ready(doc, url) {
    const id = HASH.exec(url.hash)?.[1];
    return (
      id !== undefined &&
      doc.querySelector(`[data-reservation-id="${id}"] h1.main-guest-name`) !== null
    );
  },
  extract(doc, url, env) {
    const id = HASH.exec(url.hash)?.[1] ?? '';
    const property = PROPERTY.exec(url.pathname)?.[1] ?? null;
    const root = doc.querySelector(`[data-reservation-id="${id}"]`) ?? doc;
    const label = (re: RegExp) => valueAfterLabel(root, 'span.small-text', re);
    const stay = stayFromText(
      doc,
      label(/^check-?in$/i),
      label(/^check-?out$/i),
      env.now,
      { checkIn: 'label:Check-In', checkOut: 'label:Check-Out' },
      { checkIn: label(/^estimated arrival time$/i) },
    );
    return buildDraft({
      adapterId: 'cloudbeds',
      reservationId: id,
      url,
      confirmationCode: field(
        cleanId(label(/^reservation( number| #)?$/i)) ?? id,
        'text',
        'label:Reservation',
      ),
      guestName: field(
        cleanText(spacedText(root.querySelector('h1.main-guest-name'))),
        'text',
        'h1.main-guest-name',
      ),
      listingId: field(cleanId(property), 'structured', 'url:/connect/{property}'),
      listingName: field(
        cleanText(label(/^(room type|accommodation)$/i)),
        'text',
        'label:Room Type',
      ),
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      displayedTimesAre: 'property-local',
      timeZone: null,
    });
  },
  anchor(doc) {
    const element = doc.querySelector('[data-reservation-id] h1.main-guest-name');
    return element ? { element, append: 'after' } : null;
  },
};
