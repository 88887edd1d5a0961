/**
 * schema.org `LodgingReservation` in JSON-LD or microdata: confirmation pages and saved e-mails.
 * Runs on the toolbar button (activeTab) anywhere, and after the site adapters on their pages.
 * Normalises what KDE's itinerary importer normalises: `checkinDate` for `checkinTime`, `@graph`,
 * `@type` arrays, `reservationId` for `reservationNumber`, `reservationFor` arrays.
 */
import { buildDraft, cleanId, cleanText, field, type DayAndTime } from '../draft.js';
import type { ReservationDraft, SiteAdapter } from '../types.js';

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own properties only: a page's `{"__proto__": …}` or `constructor` key reads as data, nothing else. */
function own(node: Node, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

function types(node: Node): string[] {
  const type = own(node, '@type');
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function text(value: unknown): string | null {
  const v = first(value);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Every node of a JSON-LD value, flattening arrays and `@graph`. */
function flatten(value: unknown, out: Node[], depth = 0): void {
  if (depth > 6) return;
  if (Array.isArray(value)) for (const item of value) flatten(item, out, depth + 1);
  else if (isNode(value)) {
    out.push(value);
    const graph = own(value, '@graph');
    if (graph !== undefined) flatten(graph, out, depth + 1);
  }
}

function jsonLdReservations(doc: Document): Node[] {
  const nodes: Node[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      flatten(JSON.parse(script.textContent ?? ''), nodes);
    } catch {
      // A block that is not JSON is skipped; the others still count.
    }
  }
  return nodes.filter((node) => types(node).includes('LodgingReservation'));
}

/** A microdata item as a JSON-LD-like node (nested items become nested nodes). */
function microdataItem(scope: Element, depth = 0): Node {
  const node: Node = Object.create(null);
  node['@type'] = (scope.getAttribute('itemtype') ?? '').split(/\s+/);
  const walk = (element: Element) => {
    for (const child of element.children) {
      const prop = child.getAttribute('itemprop');
      if (prop) {
        const value =
          child.hasAttribute('itemscope') && depth < 4
            ? microdataItem(child, depth + 1)
            : (child.getAttribute('content') ??
              child.getAttribute('datetime') ??
              child.getAttribute('href') ??
              child.getAttribute('src') ??
              child.textContent ??
              '');
        for (const name of prop.split(/\s+/)) if (!(name in node)) node[name] = value;
      }
      if (!child.hasAttribute('itemscope')) walk(child);
    }
  };
  walk(scope);
  return node;
}

function microdataReservations(doc: Document): Node[] {
  return [...doc.querySelectorAll('[itemscope][itemtype]')]
    .filter(
      (el) =>
        /schema\.org\/LodgingReservation$/.test(el.getAttribute('itemtype') ?? '') &&
        !el.closest('[itemprop]'),
    )
    .map((el) => microdataItem(el));
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/** A schema.org DateTime, Date or Time (combined with the business's time-only value). */
function moment(
  value: string | null,
  fallbackTime: string | null,
  source: string,
): DayAndTime | { instant: string; source: string } | null {
  if (value === null) return null;
  const v = value.trim();
  const full =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v);
  if (!full) return null;
  if (full[2] && full[3] && OFFSET.test(v) && !Number.isNaN(Date.parse(v))) {
    return { instant: new Date(v).toISOString(), source };
  }
  const time =
    full[2] ?? (fallbackTime ? (/^(\d{2}:\d{2})/.exec(fallbackTime)?.[1] ?? null) : null);
  return { date: full[1]!, time, confidence: 'structured', source };
}

function isTimeOnly(value: string | null): boolean {
  return value !== null && /^\d{2}:\d{2}(:\d{2})?$/.test(value.trim());
}

/** A short stable id for a page without a reservation number (the path, hashed). */
function pathId(url: URL): string {
  let hash = 0;
  for (const char of url.pathname) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return `page-${(hash >>> 0).toString(36)}`;
}

export function extractLodging(
  doc: Document,
  url: URL,
  adapterId = 'schema-org',
): ReservationDraft | null {
  const found = [...jsonLdReservations(doc), ...microdataReservations(doc)];
  if (found.length === 0) return null;
  const numbers = new Set(
    found.map((r) => text(own(r, 'reservationNumber')) ?? text(own(r, 'reservationId')) ?? ''),
  );
  if (numbers.size > 1) {
    return buildDraft({
      adapterId,
      reservationId: pathId(url),
      url,
      displayedTimesAre: 'property-local',
      problems: [
        `This page describes ${numbers.size} reservations; open one reservation at a time to create its code.`,
      ],
    });
  }
  const reservation = found[0]!;
  const business = isNode(first(own(reservation, 'reservationFor')))
    ? (first(own(reservation, 'reservationFor')) as Node)
    : null;
  const person = isNode(first(own(reservation, 'underName')))
    ? (first(own(reservation, 'underName')) as Node)
    : null;
  const number = cleanId(
    text(own(reservation, 'reservationNumber')) ?? text(own(reservation, 'reservationId')),
  );
  const guest = person
    ? (text(own(person, 'name')) ??
      [text(own(person, 'givenName')), text(own(person, 'familyName'))].filter(Boolean).join(' '))
    : null;
  const read = (key: 'checkin' | 'checkout') => {
    const onReservation =
      text(own(reservation, `${key}Time`)) ?? text(own(reservation, `${key}Date`));
    const onBusiness = business ? text(own(business, `${key}Time`)) : null;
    const source =
      own(reservation, `${key}Time`) !== undefined
        ? `schema.org ${key}Time`
        : `schema.org ${key}Date`;
    if (isTimeOnly(onReservation)) return null; // a time with no date says nothing about the stay
    return moment(onReservation, isTimeOnly(onBusiness) ? onBusiness : null, source);
  };
  const businessName = business ? cleanText(text(own(business, 'name'))) : null;
  const businessId = business ? cleanId(text(own(business, 'identifier'))) : null;
  return buildDraft({
    adapterId,
    reservationId: number ?? pathId(url),
    url,
    confirmationCode: field(number, 'structured', 'schema.org reservationNumber'),
    guestName: field(cleanText(guest), 'structured', 'schema.org underName'),
    listingId: field(businessId, 'structured', 'schema.org reservationFor.identifier'),
    listingName: field(businessName, 'structured', 'schema.org reservationFor.name'),
    checkIn: read('checkin'),
    checkOut: read('checkout'),
    displayedTimesAre: 'property-local',
    timeZone: null,
  });
}

export const schemaOrg: SiteAdapter = {
  id: 'schema-org',
  label: 'schema.org LodgingReservation',
  hosts: [],
  matches: [],
  route: (url) => ({ reservationId: url.pathname }),
  ready: (doc) =>
    doc.querySelector(
      'script[type="application/ld+json"], [itemscope][itemtype*="LodgingReservation"]',
    ) !== null,
  extract: (doc, url) =>
    extractLodging(doc, url) ??
    buildDraft({
      adapterId: 'schema-org',
      reservationId: pathId(url),
      url,
      displayedTimesAre: 'property-local',
      problems: ['No schema.org LodgingReservation on this page.'],
    }),
  anchor: (doc) => (doc.body ? { element: doc.body, append: 'first' } : null),
};
