export {
  createRelay,
  EVENTS_PATH,
  HEALTH_PATH,
  RELAY_DEFAULTS,
  WEBHOOK_PATH,
  type Relay,
  type RelayLogEntry,
  type RelayOptions,
  type RelayStats,
} from './relay.js';
export {
  DEFAULT_HOST,
  DEFAULT_PORT,
  MAX_HEADER_BYTES,
  startRelayServer,
  type RelayServer,
  type RelayServerOptions,
} from './server.js';
export {
  createSubscriberToken,
  MAX_CODES_PER_SUBSCRIBER_TOKEN,
  MAX_SUBSCRIBER_TOKEN_LIFETIME_SECONDS,
  MIN_SUBSCRIBER_SECRET_LENGTH,
  SUBSCRIBER_TOKEN_AUDIENCE,
  SUBSCRIBER_TOKEN_VERSION,
  SubscriberTokenError,
  verifySubscriberToken,
  type CreateSubscriberTokenOptions,
  type SubscriberSecret,
  type SubscriberTokenClaims,
  type SubscriberTokenErrorCode,
  type VerifySubscriberTokenOptions,
} from './token.js';
