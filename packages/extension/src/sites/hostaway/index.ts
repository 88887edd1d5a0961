/**
 * Hostaway dashboard, `dashboard.hostaway.com/reservations/{id}`. Known: the URL and the data model
 * (reservation `arrivalDate`/`departureDate`, integer `checkInTime`/`checkOutTime`, listing
 * `timeZoneName`, an IANA zone). Guessed: that the page embeds those objects as JSON and shows
 * label/value pairs. The JSON wins; the labels are the fallback, without a zone.
 */
import { buildDraft, cleanId, cleanText, field, valueAfterLabel } from '../draft.js';
import { at, hourOf, isoDay, parseJson, str } from '../json.js';
import { stayFromText } from '../labels.js';
import { hostawayRoute, HOSTAWAY_ROUTE as ROUTE } from '../routes.js';
import type { SiteAdapter } from '../types.js';

const BLOB = 'script#hostaway-reservation[type="application/json"]';

function blob(doc: Document): unknown {
  return parseJson(doc.querySelector(BLOB)?.textContent);
}

export const hostaway: SiteAdapter = {
  ...hostawayRoute,
  ready(doc, url) {
    // The SPA keeps the previous reservation on screen for a moment: wait for this one's data.
    const id = ROUTE.exec(url.pathname)?.[1];
    const shown = doc.querySelector('[data-reservation-id]')?.getAttribute('data-reservation-id');
    return id !== undefined && shown === id;
  },
  extract(doc, url, env) {
    const reservationId = ROUTE.exec(url.pathname)?.[1] ?? '';
    const data = blob(doc);
    const reservation = at(data, 'reservation');
    const listing = at(data, 'listing');
    const problems: string[] = [];
    if (reservation !== undefined && str(at(reservation, 'id')) !== reservationId) {
      problems.push(
        'The reservation data on the page belongs to another reservation; reload the page.',
      );
    }
    const fromJson = reservation !== undefined && problems.length === 0;
    if (fromJson) {
      const checkInDate = isoDay(at(reservation, 'arrivalDate'));
      const checkOutDate = isoDay(at(reservation, 'departureDate'));
      // The reservation's own hour, else the listing's default (Hostaway's documented fallback).
      const inOwn = hourOf(at(reservation, 'checkInTime'));
      const outOwn = hourOf(at(reservation, 'checkOutTime'));
      const inHour = inOwn ?? hourOf(at(listing, 'checkInTimeStart'));
      const outHour = outOwn ?? hourOf(at(listing, 'checkOutTime'));
      const zone = str(at(listing, 'timeZoneName'));
      const guest =
        str(at(reservation, 'guestName')) ??
        [str(at(reservation, 'guestFirstName')), str(at(reservation, 'guestLastName'))]
          .filter(Boolean)
          .join(' ');
      return buildDraft({
        adapterId: 'hostaway',
        reservationId,
        url,
        confirmationCode: field(
          cleanId(str(at(reservation, 'channelReservationId'))) ?? reservationId,
          'structured',
          at(reservation, 'channelReservationId') !== undefined
            ? 'json:reservation.channelReservationId'
            : 'url',
        ),
        guestName: field(cleanText(guest), 'structured', 'json:reservation.guestName'),
        listingId: field(
          cleanId(str(at(reservation, 'listingMapId'))),
          'structured',
          'json:reservation.listingMapId',
        ),
        listingName: field(cleanText(str(at(listing, 'name'))), 'structured', 'json:listing.name'),
        checkIn: checkInDate
          ? {
              date: checkInDate,
              time: inHour,
              confidence: 'structured',
              source: `json:reservation.arrivalDate+${inOwn ? 'reservation.checkInTime' : 'listing.checkInTimeStart'}`,
            }
          : null,
        checkOut: checkOutDate
          ? {
              date: checkOutDate,
              time: outHour,
              confidence: 'structured',
              source: `json:reservation.departureDate+${outOwn ? 'reservation.checkOutTime' : 'listing.checkOutTime'}`,
            }
          : null,
        displayedTimesAre: 'property-local',
        timeZone: zone !== null ? { name: zone, source: 'json:listing.timeZoneName' } : null,
      });
    }
    // Label/value fallback: dates and times as shown, no zone.
    const section = doc.querySelector(`[data-reservation-id="${reservationId}"]`) ?? doc;
    const stay = stayFromText(
      doc,
      valueAfterLabel(section, 'dt', /^check-?in$/i),
      valueAfterLabel(section, 'dt', /^check-?out$/i),
      env.now,
      { checkIn: 'label:Check-in', checkOut: 'label:Check-out' },
    );
    return buildDraft({
      adapterId: 'hostaway',
      reservationId,
      url,
      confirmationCode: field(reservationId, 'structured', 'url'),
      guestName: field(
        cleanText(section.querySelector('[data-testid="reservation-guest-name"]')?.textContent),
        'text',
        'heading',
      ),
      listingName: field(
        cleanText(valueAfterLabel(section, 'dt', /^listing$/i)),
        'text',
        'label:Listing',
      ),
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      displayedTimesAre: 'property-local',
      timeZone: null,
      problems,
    });
  },
  anchor(doc) {
    const element = doc.querySelector(
      '[data-reservation-id] [data-testid="reservation-guest-name"]',
    );
    return element ? { element, append: 'after' } : null;
  },
};
