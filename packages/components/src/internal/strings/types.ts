/**
 * Every user-visible text of the elements, for one language. A table must be complete (the type
 * checker enforces it); texts with values are functions so each language orders words its own way.
 */
export interface Strings {
  /** Shown while an element loads what it needs. */
  loading: string;
  /** Button: try the failed step again. */
  tryAgain: string;
  /** Configuration problems, with what to change. */
  config: {
    missingCredentials: string;
    missingUserIdentifierKey: string;
    apiKeyRefused: string;
    badEndpoint: (endpoint: string) => string;
  };
}
