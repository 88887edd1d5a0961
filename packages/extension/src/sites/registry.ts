/** Every site adapter, in the order they are tried. The generic schema.org one comes last. */
import { airbnb } from './airbnb/index.js';
import { booking } from './booking/index.js';
import { cloudbeds } from './cloudbeds/index.js';
import { guesty } from './guesty/index.js';
import { hostaway } from './hostaway/index.js';
import { schemaOrg } from './schema-org/index.js';
import type { SiteAdapter } from './types.js';

export const siteAdapters: readonly SiteAdapter[] = [airbnb, guesty, hostaway, cloudbeds, booking];
export const genericAdapter: SiteAdapter = schemaOrg;

function hostMatches(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

/** The adapter for a page URL and the reservation it shows, or null (most pages: cheap). */
export function adapterFor(url: URL): { adapter: SiteAdapter; reservationId: string } | null {
  for (const adapter of siteAdapters) {
    if (!adapter.hosts.some((pattern) => hostMatches(pattern, url.hostname))) continue;
    const route = adapter.route(url);
    if (route) return { adapter, reservationId: route.reservationId };
  }
  return null;
}

/** The match patterns of every site adapter, for the manifest's content script. */
export const siteMatches: readonly string[] = siteAdapters.flatMap((adapter) => adapter.matches);
