import { parseArgs } from 'node:util';
import { RELAY_DEFAULTS } from './relay.js';
import { DEFAULT_HOST, DEFAULT_PORT, type RelayServerOptions } from './server.js';

/** The `seam-relay --help` text. */
export const USAGE = `Usage: seam-relay serve [options]

Receives Svix-signed Seam webhooks on POST /webhooks/seam and streams each event, as Server-Sent
Events on GET /events, to the browsers whose subscriber token names its workspace and access code.

Options:
  --webhook-secret <whsec_…>     Seam webhook signing secret      (or env SEAM_WEBHOOK_SECRET)
  --subscriber-secret <secret>   HMAC secret for subscriber tokens (or env RELAY_SUBSCRIBER_SECRET)
  --port <n>                     TCP port, 0 for any free one      (default ${DEFAULT_PORT})
  --host <address>               interface to bind                 (default ${DEFAULT_HOST})
  --allow-origin <origin>        browser origin allowed to subscribe; repeat or separate with
                                 commas; "*" allows any            (or env RELAY_ALLOW_ORIGINS)
  --max-body-bytes <n>           largest webhook body              (default ${RELAY_DEFAULTS.maxBodyBytes})
  --max-subscribers <n>          open streams on this instance     (default ${RELAY_DEFAULTS.maxSubscribers})
  --max-subscribers-per-token <n> open streams per token           (default ${RELAY_DEFAULTS.maxSubscribersPerToken})
  --replay-buffer-size <n>       events kept for Last-Event-ID     (default ${RELAY_DEFAULTS.replayBufferSize})
  --heartbeat-seconds <n>        interval of heartbeat comments    (default ${RELAY_DEFAULTS.heartbeatIntervalMs / 1000})
  --quiet                        do not log requests
  -h, --help                     show this text

Prefer the environment variables for secrets: command lines are visible to other users (ps).
`;

/** Thrown for a command line that cannot run; the message says what to change. */
export class CliUsageError extends Error {
  override name = 'CliUsageError' as const;
}

/** What the command line asks for. */
export type CliCommand =
  | { readonly command: 'help' }
  | {
      readonly command: 'serve';
      /** Options for `startRelayServer`, without the logger (the CLI adds its own). */
      readonly options: RelayServerOptions;
      /** Whether to log each request. */
      readonly quiet: boolean;
      /** Notes for stderr, e.g. that a secret came on the command line. */
      readonly warnings: readonly string[];
    };

/**
 * Parses `seam-relay` arguments and environment.
 *
 * @throws {CliUsageError} for an unknown command or option, a missing secret or a bad number.
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'webhook-secret': { type: 'string' },
        'subscriber-secret': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'max-body-bytes': { type: 'string' },
        'max-subscribers': { type: 'string' },
        'max-subscribers-per-token': { type: 'string' },
        'replay-buffer-size': { type: 'string' },
        'heartbeat-seconds': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliUsageError(
      `${(error as Error).message}\nRun "seam-relay --help" for the options.`,
    );
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { command: 'help' };
  if (positionals.length !== 1 || positionals[0] !== 'serve') {
    throw new CliUsageError(
      `Unknown command "${positionals.join(' ')}": the only command is "serve". Run "seam-relay --help".`,
    );
  }

  const warnings: string[] = [];
  const secret = (flag: 'webhook-secret' | 'subscriber-secret', variable: string): string => {
    const fromFlag = values[flag];
    if (fromFlag !== undefined) {
      warnings.push(
        `--${flag} is visible to other users of this machine (ps); prefer the ${variable} environment variable.`,
      );
      return fromFlag;
    }
    const fromEnv = env[variable];
    if (fromEnv === undefined || fromEnv === '') {
      throw new CliUsageError(
        `Missing the ${flag.replace('-', ' ')}: set ${variable} (or pass --${flag}).`,
      );
    }
    return fromEnv;
  };
  const webhookSecret = secret('webhook-secret', 'SEAM_WEBHOOK_SECRET');
  const subscriberSecret = secret('subscriber-secret', 'RELAY_SUBSCRIBER_SECRET');

  const whole = (flag: keyof typeof values, min: number, max: number): number | undefined => {
    const text = values[flag];
    if (text === undefined) return undefined;
    const value = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new CliUsageError(
        `--${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}.`,
      );
    }
    return value;
  };

  const origins = (
    values['allow-origin'] ?? (env.RELAY_ALLOW_ORIGINS ? [env.RELAY_ALLOW_ORIGINS] : [])
  )
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  const heartbeatSeconds = whole('heartbeat-seconds', 1, 3600);

  const options: RelayServerOptions = {
    webhookSecret,
    subscriberSecret,
    port: whole('port', 0, 65535) ?? DEFAULT_PORT,
    host: values.host ?? DEFAULT_HOST,
    allowedOrigins: origins,
  };
  const limits = {
    maxBodyBytes: whole('max-body-bytes', 1, 64 * 1024 * 1024),
    maxSubscribers: whole('max-subscribers', 1, 1_000_000),
    maxSubscribersPerToken: whole('max-subscribers-per-token', 1, 10_000),
    replayBufferSize: whole('replay-buffer-size', 1, 1_000_000),
    heartbeatIntervalMs: heartbeatSeconds === undefined ? undefined : heartbeatSeconds * 1000,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (value !== undefined) Object.assign(options, { [name]: value });
  }
  return { command: 'serve', options, quiet: values.quiet ?? false, warnings };
}
