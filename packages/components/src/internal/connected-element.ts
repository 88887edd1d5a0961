import { ContextConsumer } from '@lit/context';
import { SeamClient, type Verifier } from '@seam-codes/core';
import { property } from 'lit/decorators.js';
import {
  seamContext,
  stopWaitingForSeamContext,
  waitForSeamContext,
  type SeamContextValue,
} from '../context.js';
import { chooseCredentials, credentialKey, type CredentialChoice } from './credentials.js';
import { SeamErrorEvent, SeamSessionExpiredEvent } from './events.js';
import { LazyVerifier } from './lazy-verifier.js';
import { SeamElement } from './seam-element.js';
import type { Strings } from './strings/index.js';

/** A usable connection to Seam: the client, its verifier and the clock. */
export interface SeamConnection {
  readonly ok: true;
  readonly client: SeamClient;
  /**
   * The verifier that follows codes: given, or shared by every element on this client. Loaded on
   * first use (`load()`), so that a form alone does not download it.
   */
  readonly verifier: LazyVerifier;
  readonly now: () => number;
  /** Where it came from, so the element knows whether to tell the host about expiry itself. */
  readonly source: 'property' | 'attributes' | 'context';
}

/** Why there is no connection, in words that say how to fix it. */
export interface SeamConnectionProblem {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

interface SharedConnection {
  readonly client: SeamClient;
  readonly verifier: LazyVerifier;
  readonly elements: Set<SeamConnectedElement>;
}

/**
 * Clients whose expiry was already told: one \`seam-session-expired\` per expiry and page, however
 * many requests and elements met the 401 (each event may cost a call to the host's backend).
 * New credentials are a new client; a host's own client is told again once its inputs change.
 */
const expiryTold = new WeakSet<SeamClient>();

/** One verifier per client handed over (by property or context) without one. */
const verifiers = new WeakMap<SeamClient, LazyVerifier>();

function verifierFor(client: SeamClient, given: Verifier | undefined): LazyVerifier {
  if (given !== undefined) return LazyVerifier.of(given);
  let verifier = verifiers.get(client);
  if (verifier === undefined) {
    verifier = LazyVerifier.forClient(client);
    verifiers.set(client, verifier);
  }
  return verifier;
}

/**
 * Clients made from attributes, shared by every element with the same credentials (and so one
 * verifier for all of them). Keys hold credentials: this map never leaves memory.
 */
const shared = new Map<string, SharedConnection>();

function clientFor(choice: CredentialChoice, onExpired: (error: unknown) => void): SeamClient {
  const options = {
    onSessionExpired: (event: { error: unknown }) => {
      onExpired(event.error);
    },
  };
  switch (choice.kind) {
    case 'client_session_token':
      return SeamClient.fromClientSessionToken(choice.token, {
        ...options,
        ...(choice.endpoint !== undefined ? { endpoint: choice.endpoint } : {}),
      });
    case 'publishable_key':
      return SeamClient.fromPublishableKey(choice.publishableKey, choice.userIdentifierKey, {
        ...options,
        ...(choice.endpoint !== undefined ? { endpoint: choice.endpoint } : {}),
      });
    case 'api_key':
      return SeamClient.fromApiKey(choice.apiKey, { endpoint: choice.endpoint });
    case 'proxy':
      return SeamClient.withoutAuth({ endpoint: choice.endpoint });
    default:
      throw new Error(`No client can be made from credentials of kind ${choice.kind}.`);
  }
}

function problemFor(choice: CredentialChoice, t: Strings): SeamConnectionProblem | null {
  if (choice.kind === 'none') {
    return { ok: false, code: 'missing_credentials', message: t.config.missingCredentials };
  }
  if (choice.kind !== 'invalid') return null;
  switch (choice.problem) {
    case 'missing_user_identifier_key':
      return { ok: false, code: choice.problem, message: t.config.missingUserIdentifierKey };
    case 'api_key_refused':
      return { ok: false, code: choice.problem, message: t.config.apiKeyRefused };
    case 'bad_endpoint':
      return {
        ok: false,
        code: choice.problem,
        message: t.config.badEndpoint(choice.endpoint ?? ''),
      };
  }
}

/**
 * The base of elements that talk to Seam. The connection comes from, in order: the `client`
 * property (with `verifier`), the credential attributes, or the nearest ancestor that provides
 * `seamContext`. Elements with the same credentials share one client and one verifier.
 */
export class SeamConnectedElement extends SeamElement {
  /** A client session token minted by your backend: the credential for web pages. */
  @property({ attribute: 'client-session-token' }) clientSessionToken = '';

  /** A publishable key; needs `user-identifier-key`. The element creates the client session. */
  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /** Your stable id of the signed-in user, required with `publishable-key`. */
  @property({ attribute: 'user-identifier-key' }) userIdentifierKey = '';

  /**
   * An API key, accepted only when `endpoint` is a local sandbox (loopback): an API key has full
   * power over a workspace and is refused anywhere else.
   */
  @property({ attribute: 'api-key' }) apiKey = '';

  /** Seam's base URL, a proxy's, or a local sandbox's; default `https://connect.getseam.com`. */
  @property() endpoint = '';

  /** A client to use instead of the credential attributes. */
  @property({ attribute: false }) client: SeamClient | undefined = undefined;

  /** The verifier to follow codes with; default: one shared per client. */
  @property({ attribute: false }) verifier: Verifier | undefined = undefined;

  /** The current time in epoch milliseconds; default `Date.now` (a sandbox passes its clock). */
  @property({ attribute: false }) now: (() => number) | undefined = undefined;

  #context: SeamContextValue | undefined;
  #connection: SeamConnection | SeamConnectionProblem | undefined;
  #sharedKey: string | null = null;
  #reportedProblem: string | null = null;

  readonly #consumer = new ContextConsumer(this, {
    context: seamContext,
    subscribe: true,
    callback: (value) => {
      this.#context = value;
      stopWaitingForSeamContext(this);
      this.#connection = undefined;
      this.requestUpdate();
    },
  });

  /** @internal Asks the ancestors for the context again (a provider appeared later). */
  requestSeamContext(): void {
    this.#consumer.hostDisconnected();
    this.#consumer.hostConnected();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connection = undefined;
    if (this.#context === undefined) waitForSeamContext(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    stopWaitingForSeamContext(this);
    this.#leaveShared();
  }

  /** The connection in use, or why there is none. Recomputed when its inputs change. */
  protected get connection(): SeamConnection | SeamConnectionProblem {
    this.#connection ??= this.#resolve();
    return this.#connection;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const inputs = [
      'client',
      'verifier',
      'now',
      'clientSessionToken',
      'publishableKey',
      'userIdentifierKey',
      'apiKey',
      'endpoint',
    ];
    if (inputs.some((key) => changed.has(key))) {
      // New credentials or a new client: a later 401 is a new expiry.
      if (this.#connection?.ok) expiryTold.delete(this.#connection.client);
      this.#connection = undefined;
    }
    const connection = this.connection;
    if (!connection.ok && this.#reportedProblem !== connection.code) {
      this.#reportedProblem = connection.code;
      this.dispatchEvent(
        new SeamErrorEvent({
          stage: 'configuration',
          code: connection.code,
          message: connection.message,
          error: null,
        }),
      );
    } else if (connection.ok) {
      this.#reportedProblem = null;
    }
  }

  /** Tells the host that Seam refused the credentials (401), so it can give new ones. */
  protected reportSessionExpired(error: unknown, client?: SeamClient): void {
    const connection = this.connection;
    const told = client ?? (connection.ok ? connection.client : undefined);
    if (told !== undefined) {
      if (expiryTold.has(told)) return;
      expiryTold.add(told);
    }
    this.dispatchEvent(new SeamSessionExpiredEvent(error));
  }

  #resolve(): SeamConnection | SeamConnectionProblem {
    const now = this.now ?? this.#context?.now ?? (() => Date.now());
    if (this.client !== undefined) {
      this.#leaveShared();
      return {
        ok: true,
        client: this.client,
        verifier: verifierFor(this.client, this.verifier),
        now,
        source: 'property',
      };
    }
    const choice = chooseCredentials({
      clientSessionToken: this.clientSessionToken,
      publishableKey: this.publishableKey,
      userIdentifierKey: this.userIdentifierKey,
      apiKey: this.apiKey,
      endpoint: this.endpoint,
    });
    if (choice.kind === 'none' && this.#context !== undefined) {
      this.#leaveShared();
      const { client } = this.#context;
      return {
        ok: true,
        client,
        verifier: verifierFor(client, this.verifier ?? this.#context.verifier),
        now,
        source: 'context',
      };
    }
    const problem = problemFor(choice, this.t);
    if (problem !== null) {
      this.#leaveShared();
      return problem;
    }
    const key = credentialKey(choice) as string;
    if (key !== this.#sharedKey) this.#leaveShared();
    let entry = shared.get(key);
    if (entry === undefined) {
      const elements = new Set<SeamConnectedElement>();
      let client: SeamClient;
      try {
        client = clientFor(choice, (error) => {
          // Told once, by the first element that still uses this client.
          const [first] = elements;
          first?.reportSessionExpired(error, client);
        });
      } catch (error) {
        // The client refuses malformed credentials (spaces, a key of the wrong kind) in words.
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, code: 'invalid_credentials', message };
      }
      entry = { client, verifier: LazyVerifier.forClient(client), elements };
      shared.set(key, entry);
    }
    entry.elements.add(this);
    this.#sharedKey = key;
    return {
      ok: true,
      client: entry.client,
      verifier: this.verifier !== undefined ? LazyVerifier.of(this.verifier) : entry.verifier,
      now,
      source: 'attributes',
    };
  }

  #leaveShared(): void {
    if (this.#sharedKey === null) return;
    const entry = shared.get(this.#sharedKey);
    const key = this.#sharedKey;
    this.#sharedKey = null;
    if (entry === undefined) return;
    entry.elements.delete(this);
    if (entry.elements.size > 0) return;
    // The last element gone: after a moment (an element moved in the DOM comes right back),
    // stop its verifier and drop the client, so a replaced token does not linger in memory.
    setTimeout(() => {
      if (entry.elements.size > 0 || shared.get(key) !== entry) return;
      shared.delete(key);
      void entry.verifier.dispose();
    }, 1000);
  }
}
