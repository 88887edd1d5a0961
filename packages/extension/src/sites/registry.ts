/** Every site adapter, in the order they are tried. The generic schema.org one comes last. */
import { airbnb } from './airbnb/index.js';
import { booking } from './booking/index.js';
import { cloudbeds } from './cloudbeds/index.js';
import { guesty } from './guesty/index.js';
import { hostaway } from './hostaway/index.js';
import { schemaOrg } from './schema-org/index.js';
import { routeFor, siteMatches } from './routes.js';
import type { SiteAdapter } from './types.js';

export const siteAdapters: readonly SiteAdapter[] = [airbnb, guesty, hostaway, cloudbeds, booking];
export const genericAdapter: SiteAdapter = schemaOrg;

/** The adapter for a page URL and the reservation it shows, or null. */
export function adapterFor(url: URL): { adapter: SiteAdapter; reservationId: string } | null {
  const route = routeFor(url);
  const adapter = route && siteAdapters.find((a) => a.id === route.id);
  return route && adapter ? { adapter, reservationId: route.reservationId } : null;
}

export { siteMatches };
