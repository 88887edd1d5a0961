/** The credential attributes an element may carry. */
export interface CredentialAttributes {
  clientSessionToken?: string | null | undefined;
  publishableKey?: string | null | undefined;
  userIdentifierKey?: string | null | undefined;
  apiKey?: string | null | undefined;
  endpoint?: string | null | undefined;
}

/** What the attributes ask for, or why they cannot be used. Never printed: it holds secrets. */
export type CredentialChoice =
  | { kind: 'none' }
  | { kind: 'client_session_token'; token: string; endpoint: string | undefined }
  | {
      kind: 'publishable_key';
      publishableKey: string;
      userIdentifierKey: string;
      endpoint: string | undefined;
    }
  | { kind: 'api_key'; apiKey: string; endpoint: string }
  /** Only an endpoint: a proxy there adds the credential server side. */
  | { kind: 'proxy'; endpoint: string }
  | { kind: 'invalid'; problem: CredentialProblem; endpoint?: string };

/** Why the credential attributes cannot be used; each maps to a message saying how to fix it. */
export type CredentialProblem = 'missing_user_identifier_key' | 'api_key_refused' | 'bad_endpoint';

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * True when `endpoint` is a local sandbox: an http(s) URL whose host is the loopback interface
 * (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`). Only there may an API key appear as an
 * attribute, because that key is a demo key that grants nothing outside this machine.
 */
export function isLocalSandboxEndpoint(endpoint: string | undefined): boolean {
  if (endpoint === undefined) return false;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

function isHttpUrl(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Reads the credential attributes, in this order: `client-session-token`, then
 * `publishable-key` (with `user-identifier-key`, which is required: we never invent and persist
 * an identity on the host's origin), then `api-key` (local sandbox endpoints only), then an
 * `endpoint` alone (a proxy that adds the credential).
 */
export function chooseCredentials(attributes: CredentialAttributes): CredentialChoice {
  const endpoint = present(attributes.endpoint);
  if (endpoint !== undefined && !isHttpUrl(endpoint)) {
    return { kind: 'invalid', problem: 'bad_endpoint', endpoint };
  }
  const token = present(attributes.clientSessionToken);
  if (token !== undefined) return { kind: 'client_session_token', token, endpoint };

  const publishableKey = present(attributes.publishableKey);
  if (publishableKey !== undefined) {
    const userIdentifierKey = present(attributes.userIdentifierKey);
    if (userIdentifierKey === undefined) {
      return { kind: 'invalid', problem: 'missing_user_identifier_key' };
    }
    return { kind: 'publishable_key', publishableKey, userIdentifierKey, endpoint };
  }

  const apiKey = present(attributes.apiKey);
  if (apiKey !== undefined) {
    if (endpoint === undefined || !isLocalSandboxEndpoint(endpoint)) {
      return { kind: 'invalid', problem: 'api_key_refused' };
    }
    return { kind: 'api_key', apiKey, endpoint };
  }
  return endpoint === undefined ? { kind: 'none' } : { kind: 'proxy', endpoint };
}

/**
 * A key for sharing one client among the elements that carry the same credentials. It holds the
 * secret itself, so it stays in memory: never log it or put it in a URL.
 */
export function credentialKey(choice: CredentialChoice): string | null {
  switch (choice.kind) {
    case 'client_session_token':
      return JSON.stringify(['cst', choice.endpoint ?? '', choice.token]);
    case 'publishable_key':
      return JSON.stringify([
        'pk',
        choice.endpoint ?? '',
        choice.publishableKey,
        choice.userIdentifierKey,
      ]);
    case 'api_key':
      return JSON.stringify(['key', choice.endpoint, choice.apiKey]);
    case 'proxy':
      return JSON.stringify(['proxy', choice.endpoint]);
    default:
      return null;
  }
}
