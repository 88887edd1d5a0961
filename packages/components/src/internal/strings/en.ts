import type { Strings } from './types.js';

/** English. */
export const en: Strings = {
  loading: 'Loading…',
  tryAgain: 'Try again',
  config: {
    missingCredentials:
      'This element has no credentials. Set client-session-token (minted by your backend), or ' +
      'publishable-key with user-identifier-key, or provide a client.',
    missingUserIdentifierKey:
      'publishable-key needs user-identifier-key: set it to the id of the signed-in user in your ' +
      'app, so that each user gets their own client session.',
    apiKeyRefused:
      'An API key is refused here: it has full power over your Seam workspace and must never be ' +
      'in a web page. Use client-session-token instead. (api-key works only with a local sandbox ' +
      'endpoint such as http://127.0.0.1:8080.)',
    badEndpoint: (endpoint) =>
      `The endpoint "${endpoint}" is not an http(s) URL. Set endpoint to a URL such as ` +
      `https://connect.getseam.com, or remove it.`,
  },
};
