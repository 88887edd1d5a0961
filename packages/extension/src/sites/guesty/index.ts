/**
 * Guesty, `app.guesty.com/reservations/{id}/summary` (and the other tabs). Known: the URLs, the
 * reservation card and "Reservation timing" sections, and that the reservation page shows
 * check-in and check-out **in the viewer's computer's time zone** (Guesty help center), so the
 * times are read as viewer-local. Guessed: the markup (label/value pairs, data-testids).
 */
import { buildDraft, cleanId, cleanText, field, spacedText, valueAfterLabel } from '../draft.js';
import { stayFromText } from '../labels.js';
import { guestyRoute, GUESTY_ROUTE as ROUTE } from '../routes.js';
import type { SiteAdapter } from '../types.js';

const card = (doc: Document, id: string) =>
  doc.querySelector(`[data-testid="reservation-card"][data-reservation-id="${id}"]`);

export const guesty: SiteAdapter = {
  ...guestyRoute,
  ready(doc, url) {
    const id = ROUTE.exec(url.pathname)?.[1];
    return (
      id !== undefined &&
      card(doc, id) !== null &&
      doc.querySelector('[data-testid="reservation-timing"]') !== null
    );
  },
  extract(doc, url, env) {
    const id = ROUTE.exec(url.pathname)?.[1] ?? '';
    const root = card(doc, id)?.closest('main') ?? doc;
    const timing = root.querySelector('[data-testid="reservation-timing"]') ?? root;
    const stay = stayFromText(
      doc,
      valueAfterLabel(timing, 'dt', /^check-?in$/i),
      valueAfterLabel(timing, 'dt', /^check-?out$/i),
      env.now,
      { checkIn: 'label:Check-in (viewer-local)', checkOut: 'label:Check-out (viewer-local)' },
    );
    const listingLink = root.querySelector<HTMLAnchorElement>(
      '[data-testid="reservation-listing"] a[href*="/properties/"]',
    );
    return buildDraft({
      adapterId: 'guesty',
      reservationId: id,
      url,
      confirmationCode: field(
        cleanId(valueAfterLabel(root, 'dt', /^confirmation code$/i)),
        'text',
        'label:Confirmation code',
      ),
      guestName: field(
        cleanText(spacedText(root.querySelector('[data-testid="guest-name"]'))),
        'text',
        'text:guest-name',
      ),
      listingId: field(
        cleanId(
          /\/properties\/([a-f0-9]{6,24})/.exec(listingLink?.getAttribute('href') ?? '')?.[1],
        ),
        'structured',
        'link:/properties/{id}',
      ),
      listingName: field(cleanText(listingLink?.textContent), 'text', 'text:reservation-listing'),
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      displayedTimesAre: 'viewer-local',
      timeZone: {
        name: env.viewerTimeZone,
        source: "viewer's computer (Guesty shows reservation times in it)",
      },
    });
  },
  anchor(doc) {
    const element = doc.querySelector(
      '[data-testid="reservation-card"] [data-testid="guest-name"]',
    );
    return element ? { element, append: 'after' } : null;
  },
};
