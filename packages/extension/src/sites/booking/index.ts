/**
 * Booking.com extranet, `admin.booking.com/hotel/hoteladmin/extranet_ng/manage/booking.html?res_id=…&hotel_id=…&lang=…&ses=…`.
 * Known: the URL, whose `ses` is a session token (it is never logged, sent or kept: only
 * `res_id` and `hotel_id` are read, and the draft's page has no query), the `bui-*` UI kit, policy
 * rows, full page loads. Guessed: the layout and labels. Dates only; times from the policies.
 */
import { buildDraft, cleanId, cleanText, field, spacedText } from '../draft.js';
import { stayFromText } from '../labels.js';
import { bookingRoute } from '../routes.js';
import type { SiteAdapter } from '../types.js';

function labelled(doc: Document, label: RegExp): string | null {
  for (const caption of doc.querySelectorAll('.bui-grid__column-full p.bui-f-font-caption')) {
    if (label.test(caption.textContent?.trim() ?? ''))
      return spacedText(caption.nextElementSibling);
  }
  return null;
}

function policy(doc: Document, label: RegExp): string | null {
  for (const row of doc.querySelectorAll('.res-policies__row')) {
    const text = spacedText(row) ?? '';
    if (label.test(text)) return text;
  }
  return null;
}

export const booking: SiteAdapter = {
  ...bookingRoute,
  ready: (doc) => doc.querySelector('.bui-grid__column-full p.bui-f-font-caption') !== null,
  extract(doc, url, env) {
    const id = cleanId(url.searchParams.get('res_id')) ?? '';
    const hotel = cleanId(url.searchParams.get('hotel_id'));
    const stay = stayFromText(
      doc,
      labelled(doc, /^(check-in|anreise)$/i),
      labelled(doc, /^(check-out|abreise)$/i),
      env.now,
      { checkIn: 'label:Check-in', checkOut: 'label:Check-out' },
      {
        checkIn: policy(doc, /^(check-in|anreise)/i),
        checkOut: policy(doc, /^(check-out|abreise)/i),
      },
    );
    return buildDraft({
      adapterId: 'booking',
      reservationId: id,
      url,
      confirmationCode: field(id, 'structured', 'url:res_id'),
      guestName: field(
        cleanText(spacedText(doc.querySelector('[data-test-id="reservation-overview-name"]'))),
        'text',
        'reservation-overview-name',
      ),
      listingId: field(hotel, 'structured', 'url:hotel_id'),
      listingName: field(
        cleanText(spacedText(doc.querySelector('[data-test-id="property-name"]'))),
        'text',
        'property-name',
      ),
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      displayedTimesAre: 'property-local',
      timeZone: null,
    });
  },
  anchor(doc) {
    const element = doc.querySelector('[data-test-id="reservation-overview-name"]');
    return element ? { element, append: 'after' } : null;
  },
};
