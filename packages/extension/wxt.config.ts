import { defineConfig } from 'wxt';
import { siteMatches } from './src/sites/routes.js';

// Hosts whose content scripts are registered at run time, after the user grants them from the
// options page: second-wave sites, white-label domains and a local fixture server.
const optionalHosts = [
  'https://login.smoobu.com/*',
  'https://app.lodgify.com/*',
  'https://app.ownerrez.com/*',
  'https://my.hospitable.com/*',
  'https://www.vrbo.com/*',
  'https://beds24.com/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
];

const originPattern = (pattern: string) => pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, '$1/*');

export default defineConfig({
  manifestVersion: 3,
  webExt: { disabled: true },
  // The Firefox sources zip would be the whole monorepo; AMO review gets the repository instead.
  zip: { zipSources: false },
  manifest: ({ browser }) => ({
    name: 'Seam door codes for reservations',
    description:
      "Finds the reservation on your PMS or booking page and sets the guest's door code on the right lock.",
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    // Seam itself; a local sandbox is reached through its CORS, which allows extensions.
    host_permissions: ['https://connect.getseam.com/*'],
    optional_host_permissions: optionalHosts,
    action: { default_title: 'Seam door codes' },
    // A plain script rather than a WXT content script: see entrypoints/router.ts for why.
    content_scripts: [{ matches: [...siteMatches], js: ['router.js'], run_at: 'document_idle' }],
    // Only the sites we read (and a local fixture server) may frame the panel. Resource matches
    // take origins only: a path other than /* makes Chrome refuse to load the whole extension.
    web_accessible_resources: [
      {
        resources: ['panel.html', 'reader.js'],
        matches: [
          ...new Set(siteMatches.map(originPattern)),
          'http://localhost/*',
          'http://127.0.0.1/*',
        ],
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions (required of new add-ons) exists from Firefox 140 and
            // Firefox for Android 142 (web-ext lint says so); 140 is an ESR.
            gecko: {
              id: 'door-codes@seam-codes.example',
              strict_min_version: '140.0',
              data_collection_permissions: {
                required: ['personallyIdentifyingInfo', 'websiteContent'],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
