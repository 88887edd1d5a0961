import type { Strings } from './types.js';

/** German. */
export const de: Strings = {
  loading: 'Wird geladen …',
  tryAgain: 'Erneut versuchen',
  config: {
    missingCredentials:
      'Diesem Element fehlen Zugangsdaten. Setzen Sie client-session-token (von Ihrem Backend ' +
      'erzeugt) oder publishable-key mit user-identifier-key, oder übergeben Sie einen Client.',
    missingUserIdentifierKey:
      'publishable-key braucht user-identifier-key: Setzen Sie die ID des angemeldeten Nutzers ' +
      'Ihrer App, damit jeder Nutzer seine eigene Client-Sitzung erhält.',
    apiKeyRefused:
      'Ein API-Schlüssel wird hier abgelehnt: Er hat volle Rechte über Ihren Seam-Workspace und ' +
      'gehört nie in eine Webseite. Verwenden Sie stattdessen client-session-token. (api-key ' +
      'funktioniert nur mit einem lokalen Sandbox-Endpunkt wie http://127.0.0.1:8080.)',
    badEndpoint: (endpoint) =>
      `Der Endpunkt „${endpoint}“ ist keine http(s)-URL. Setzen Sie endpoint auf eine URL wie ` +
      `https://connect.getseam.com oder entfernen Sie das Attribut.`,
  },
};
