/**
 * Credentials and the headers Seam expects for each (spec §B1):
 *
 * | credential            | headers                                                    |
 * | --------------------- | ---------------------------------------------------------- |
 * | API key               | `authorization: Bearer <key>`                              |
 * | client session token  | `authorization: Bearer <cst>` and `client-session-token`   |
 * | publishable key       | `seam-publishable-key` on `/client_sessions/get_or_create`, |
 * |                       | then the returned token as a client session token          |
 * | none                  | nothing: a proxy adds the credential                       |
 *
 * Credential values never appear in messages, URLs or `toString()` output.
 */
import { SeamInvalidArgumentError } from './errors.js';

/** Which credential a client uses; `transport` means a custom transport handles it. */
export type SeamAuthKind =
  'api_key' | 'client_session_token' | 'publishable_key' | 'none' | 'transport';

/** Supplies the credential headers and renews a session when Seam says it is no longer valid. */
export interface AuthProvider {
  readonly kind: SeamAuthKind;
  /**
   * Makes sure a credential is ready (creating the client session in publishable-key mode) and
   * returns its generation, to be handed back to {@link AuthProvider.invalidate}.
   */
  prepare(): Promise<number>;
  /** The credential headers for the next request. */
  headers(): Promise<Record<string, string>>;
  /** Forgets the credential of `generation` (if still current) so the next request renews it. */
  invalidate(generation: number): void;
}

type CredentialOption = 'apiKey' | 'clientSessionToken' | 'publishableKey' | 'userIdentifierKey';

const constructors: Record<Exclude<CredentialOption, 'userIdentifierKey'>, string> = {
  apiKey: 'SeamClient.fromApiKey(apiKey)',
  clientSessionToken: 'SeamClient.fromClientSessionToken(clientSessionToken)',
  publishableKey: 'SeamClient.fromPublishableKey(publishableKey, userIdentifierKey)',
};

/**
 * Checks one credential option and returns it. The message names the option and what is wrong,
 * never the value. A credential of the wrong kind (a client session token given as an API key, an
 * API key given as a client session token...) is refused with the constructor to use instead.
 */
export function checkCredential(option: CredentialOption, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new SeamInvalidArgumentError(
      `\`${option}\` must be a non-empty string; got ${value === '' ? 'an empty string' : typeof value}.`,
    );
  }
  if (value.trim() !== value || hasSpaceOrControl(value)) {
    throw new SeamInvalidArgumentError(
      `\`${option}\` contains spaces, line breaks or control characters, which cannot go in an HTTP header. ` +
        'Copy the value again without surrounding whitespace.',
    );
  }
  const kind = kindOfToken(value);
  const mismatch = (
    actual: Exclude<CredentialOption, 'userIdentifierKey'>,
    what: string,
  ): never => {
    throw new SeamInvalidArgumentError(
      `\`${option}\` looks like ${what} (by its prefix). Use ${constructors[actual]} for it.` +
        (actual === 'apiKey'
          ? ' An API key has full workspace power: never put one in a page.'
          : ''),
    );
  };
  switch (option) {
    case 'apiKey':
      if (kind === 'client_session_token') mismatch('clientSessionToken', 'a client session token');
      if (kind === 'publishable_key') mismatch('publishableKey', 'a publishable key');
      break;
    case 'clientSessionToken':
      if (kind === 'publishable_key') mismatch('publishableKey', 'a publishable key');
      if (kind === 'api_key') mismatch('apiKey', 'an API key');
      break;
    case 'publishableKey':
      if (kind === 'client_session_token') mismatch('clientSessionToken', 'a client session token');
      if (kind === 'api_key') mismatch('apiKey', 'an API key');
      break;
    case 'userIdentifierKey':
      break;
  }
  return value;
}

/** Whether a header value would be unsafe: whitespace or ASCII control characters. */
function hasSpaceOrControl(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code <= 0x20 || code === 0x7f || /\s/.test(char)) return true;
  }
  return false;
}

/**
 * Seam's token prefixes (`seam_cst…`, `seam_pk…`, other `seam_…` = API key or access token).
 * Tokens without the `seam_` prefix (a sandbox, a proxy) are not classified.
 */
function kindOfToken(value: string): 'client_session_token' | 'publishable_key' | 'api_key' | null {
  if (value.startsWith('seam_cst')) return 'client_session_token';
  if (value.startsWith('seam_pk')) return 'publishable_key';
  if (value.startsWith('seam_')) return 'api_key';
  return null;
}

/** A fixed set of headers (API key, or none). */
export class StaticAuth implements AuthProvider {
  readonly kind: SeamAuthKind;
  readonly #headers: Readonly<Record<string, string>>;

  constructor(kind: SeamAuthKind, headers: Readonly<Record<string, string>>) {
    this.kind = kind;
    this.#headers = headers;
  }

  prepare(): Promise<number> {
    return Promise.resolve(0);
  }

  headers(): Promise<Record<string, string>> {
    return Promise.resolve({ ...this.#headers });
  }

  invalidate(): void {}
}

/** The headers for a client session token, exactly as Seam's SDK sends them. */
export function clientSessionHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'client-session-token': token };
}

/** A client session token that the host may replace (see `onSessionExpired`). */
export class ClientSessionTokenAuth implements AuthProvider {
  readonly kind = 'client_session_token' as const;
  #token: string;
  #generation = 1;

  constructor(token: string) {
    this.#token = checkCredential('clientSessionToken', token);
  }

  /** Switches to a fresh token; later requests use it. */
  replace(token: string): void {
    this.#token = checkCredential('clientSessionToken', token);
    this.#generation += 1;
  }

  prepare(): Promise<number> {
    return Promise.resolve(this.#generation);
  }

  headers(): Promise<Record<string, string>> {
    return Promise.resolve(clientSessionHeaders(this.#token));
  }

  invalidate(): void {}
}

/**
 * Publishable-key mode: the client session is created lazily on first use, once, shared by
 * concurrent calls; when Seam rejects it (401), it is re-created.
 */
export class PublishableKeyAuth implements AuthProvider {
  readonly kind = 'publishable_key' as const;
  readonly #createSession: () => Promise<string>;
  #current: { token: string; generation: number } | null = null;
  #generation = 0;
  #pending: Promise<{ token: string; generation: number }> | null = null;

  /** @param createSession Calls `/client_sessions/get_or_create` and returns the token. */
  constructor(createSession: () => Promise<string>) {
    this.#createSession = createSession;
  }

  async prepare(): Promise<number> {
    return (await this.#session()).generation;
  }

  async headers(): Promise<Record<string, string>> {
    return clientSessionHeaders((await this.#session()).token);
  }

  invalidate(generation: number): void {
    if (this.#current?.generation === generation) this.#current = null;
  }

  #session(): Promise<{ token: string; generation: number }> {
    if (this.#current !== null) return Promise.resolve(this.#current);
    this.#pending ??= this.#createSession().then(
      (token) => {
        this.#pending = null;
        this.#generation += 1;
        this.#current = { token, generation: this.#generation };
        return this.#current;
      },
      (error: unknown) => {
        this.#pending = null;
        throw error;
      },
    );
    return this.#pending;
  }
}
