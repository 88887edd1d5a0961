/**
 * Which URLs are reservation pages, per site: data and regular expressions only, no DOM work and
 * no other import, so that the content script can test a URL for next to nothing and load the
 * reader (adapters, launcher) only on a reservation page. The adapters spread these in.
 */
export interface SiteRoute {
  readonly id: string;
  readonly label: string;
  /** Host names (exact, or `*.example.com`). */
  readonly hosts: readonly string[];
  /** Manifest match patterns for the content script. */
  readonly matches: readonly string[];
  /** The reservation id in the URL; null when the URL is not a reservation page. */
  route(url: URL): { readonly reservationId: string } | null;
}

export const AIRBNB_ROUTE = /^\/hosting\/(?:stay|reservations\/details)\/(HM[A-Z0-9]{6,10})\/?$/;
export const GUESTY_ROUTE = /^\/reservations\/([a-f0-9]{6,24})(?:\/[a-z-]+)?\/?$/;
export const HOSTAWAY_ROUTE = /^\/reservations\/(\d{1,12})(?:\/(?:edit|summary))?\/?$/;
export const CLOUDBEDS_PROPERTY = /^\/connect\/(\d{1,12})\/?$/;
export const CLOUDBEDS_HASH = /^#\/reservations\/(\d{1,14})\/?$/;
export const BOOKING_PATH = '/hotel/hoteladmin/extranet_ng/manage/booking.html';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const byPath = (pattern: RegExp) => (url: URL) => {
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
    const id = url.pathname === BOOKING_PATH ? url.searchParams.get('res_id') : null;
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

function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

/** The site and reservation a URL shows, or null (most pages: a few regular expressions). */
export function routeFor(url: URL): { readonly id: string; readonly reservationId: string } | null {
  for (const site of siteRoutes) {
    if (!site.hosts.some((pattern) => hostMatches(pattern, url.hostname))) continue;
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
  if ((url.hostname === 'localhost' || url.hostname === '127.0.0.1') && url.protocol === 'http:') {
    const [, host, ...rest] = url.pathname.split('/');
    if (host && siteRoutes.some((site) => site.hosts.includes(host))) {
      return new URL(`https://${host}/${rest.join('/')}${url.search}${url.hash}`);
    }
  }
  return url;
}

/** The match patterns of every site, for the manifest's content script. */
export const siteMatches: readonly string[] = siteRoutes.flatMap((site) => site.matches);
