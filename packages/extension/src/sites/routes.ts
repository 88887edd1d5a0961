/**
 * Which URLs are reservation pages, per site: data and regular expressions only, no DOM work and
 * no other import, so that the content script can test a URL for next to nothing and load the
 * reader (adapters, launcher) only on a reservation page. The adapters spread these in.
 */
/**
 * The parts of an address the routes read: a URL, or the page's `Location` itself. The content
 * script's router passes `location` rather than building a URL: the first URL built in a fresh
 * isolated world costs ~2 ms (Chromium trace), more than the rest of the router together.
 */
export type Where = Pick<URL, 'hostname' | 'pathname' | 'hash' | 'search'>;

export interface SiteRoute {
  readonly id: string;
  readonly label: string;
  /** Host names (exact, or `*.example.com`). */
  readonly hosts: readonly string[];
  /** Manifest match patterns for the content script. */
  readonly matches: readonly string[];
  /** The reservation id in the URL; null when the URL is not a reservation page. */
  route(url: Where): { readonly reservationId: string } | null;
}

export const AIRBNB_ROUTE = /^\/hosting\/(?:stay|reservations\/details)\/(HM[A-Z0-9]{6,10})\/?$/;
export const GUESTY_ROUTE = /^\/reservations\/([a-f0-9]{6,24})(?:\/[a-z-]+)?\/?$/;
export const HOSTAWAY_ROUTE = /^\/reservations\/(\d{1,12})(?:\/(?:edit|summary))?\/?$/;
export const CLOUDBEDS_PROPERTY = /^\/connect\/(\d{1,12})\/?$/;
export const CLOUDBEDS_HASH = /^#\/reservations\/(\d{1,14})\/?$/;
export const BOOKING_PATH = '/hotel/hoteladmin/extranet_ng/manage/booking.html';
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const RES_ID = /(?:^\?|&)res_id=([^&]*)/;

const byPath = (pattern: RegExp) => (url: Where) => {
  const id = pattern.exec(url.pathname)?.[1];
  return id ? { reservationId: id } : null;
};

export const airbnbRoute: SiteRoute = {
  id: 'airbnb',
  label: 'Airbnb',
  hosts: ['www.airbnb.com', 'www.airbnb.de', 'www.airbnb.co.uk', 'www.airbnb.fr'],
  matches: [
    'https://www.airbnb.com/hosting/*',
    'https://www.airbnb.de/hosting/*',
    'https://www.airbnb.co.uk/hosting/*',
    'https://www.airbnb.fr/hosting/*',
  ],
  route: byPath(AIRBNB_ROUTE),
};

export const guestyRoute: SiteRoute = {
  id: 'guesty',
  label: 'Guesty',
  hosts: ['app.guesty.com'],
  matches: ['https://app.guesty.com/*'],
  route: byPath(GUESTY_ROUTE),
};

export const hostawayRoute: SiteRoute = {
  id: 'hostaway',
  label: 'Hostaway',
  hosts: ['dashboard.hostaway.com'],
  matches: ['https://dashboard.hostaway.com/*'],
  route: byPath(HOSTAWAY_ROUTE),
};

export const cloudbedsRoute: SiteRoute = {
  id: 'cloudbeds',
  label: 'Cloudbeds',
  hosts: ['hotels.cloudbeds.com', '*.cloudbeds.com'],
  matches: ['https://*.cloudbeds.com/connect/*'],
  route(url) {
    const id = CLOUDBEDS_PROPERTY.test(url.pathname)
      ? CLOUDBEDS_HASH.exec(url.hash)?.[1]
      : undefined;
    return id ? { reservationId: id } : null;
  },
};

export const bookingRoute: SiteRoute = {
  id: 'booking',
  label: 'Booking.com extranet',
  hosts: ['admin.booking.com'],
  matches: ['https://admin.booking.com/hotel/hoteladmin/*'],
  route(url) {
    // The first res_id of the query, as URLSearchParams would read it; ids are [A-Za-z0-9_-].
    const id = url.pathname === BOOKING_PATH ? RES_ID.exec(url.search)?.[1] : undefined;
    return id && ID.test(id) ? { reservationId: id } : null;
  },
};

/** In the order they are tried. */
export const siteRoutes: readonly SiteRoute[] = [
  airbnbRoute,
  guestyRoute,
  hostawayRoute,
  cloudbedsRoute,
  bookingRoute,
];

/** The site and reservation a URL shows, or null (most pages: a few regular expressions). */
export function routeFor(
  url: Where,
): { readonly id: string; readonly reservationId: string } | null {
  // Plain loops, one read of the host: this runs on every page of the sites (see routeOfPage).
  const host = url.hostname;
  for (const site of siteRoutes) {
    let hosted = false;
    for (const pattern of site.hosts) {
      hosted = pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
      if (hosted) break;
    }
    if (!hosted) continue;
    const route = site.route(url);
    if (route) return { id: site.id, reservationId: route.reservationId };
  }
  return null;
}

/**
 * The site URL a page stands for. On a local fixture server (a development origin the user
 * added), `/app.guesty.com/reservations/…` stands for `https://app.guesty.com/reservations/…`.
 */
export function siteUrl(location: Location | URL): URL {
  const url = new URL(location.href);
  if (isLoopback(url)) {
    const [, host, ...rest] = url.pathname.split('/');
    if (host && siteRoutes.some((site) => site.hosts.includes(host))) {
      return new URL(`https://${host}/${rest.join('/')}${url.search}${url.hash}`);
    }
  }
  return url;
}

function isLoopback(where: Pick<URL, 'hostname' | 'protocol'>): boolean {
  return (
    (where.hostname === 'localhost' || where.hostname === '127.0.0.1') && where.protocol === 'http:'
  );
}

/** `routeFor` of the page the router runs in, building no URL unless on a local fixture server. */
export function routeOfPage(
  where: Location,
): { readonly id: string; readonly reservationId: string } | null {
  return routeFor(isLoopback(where) ? siteUrl(where) : where);
}

/** The match patterns of every site, for the manifest's content script. */
export const siteMatches: readonly string[] = siteRoutes.flatMap((site) => site.matches);
