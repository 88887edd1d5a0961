/**
 * `seam-sandbox serve [--port 8787] [--host 127.0.0.1] [--speed N] [--state FILE] [--seed N]
 * [--start ISO] [--no-control] [--allow-origin ORIGIN]...`: the sandbox as a local Seam endpoint. Prints its URL and
 * credentials, saves its state to `--state` (and picks it up again on the next start), and
 * stops cleanly on SIGINT or SIGTERM.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeCatalogue, SANDBOX_DEVICE_ROLES } from '../catalogue.js';
import { createSandbox, type Sandbox } from '../sandbox.js';
import { readStateFile, resumeTime, StateSaver } from './persistence.js';
import { startServer, type SandboxServer } from './server.js';

const usage = `Usage: seam-sandbox serve [options]

A local, Seam-compatible simulator of locks and the Access Codes API.

Options:
  --port N        TCP port (default 8787; 0 picks a free one)
  --host HOST     interface to listen on (default 127.0.0.1: this machine only)
  --speed N       virtual seconds per real second (default 1; 0 stops the clock
                  until POST /_sandbox/clock/advance)
  --state FILE    save the state to FILE and restore it on the next start
  --seed N        seed of ids, credentials and random outcomes (default 1)
  --start ISO     virtual start time (default: now)
  --no-control    do not serve /_sandbox/* or Seam's /…/simulate/* routes
  --allow-origin ORIGIN
                  let pages of ORIGIN (scheme://host[:port]) call the sandbox; local
                  pages and browser extensions always may (repeatable)
  -h, --help      show this help`;

/** A CLI usage error: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parsed `serve` options. */
export interface ServeOptions {
  port: number;
  host: string;
  speed: number;
  state: string | null;
  seed: number | null;
  start: string | null;
  control: boolean;
  /** Browser origins allowed besides local pages and extensions. */
  allowOrigins: string[];
}

function number(
  name: string,
  text: string | undefined,
  check: (value: number) => boolean,
  rule: string,
) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name} must be ${rule}, got "${text}".`);
  }
  return value;
}

/** Parses `seam-sandbox` arguments (without `node` and the script). Null means: print help. */
export function parseServeArgs(argv: readonly string[]): ServeOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        speed: { type: 'string' },
        state: { type: 'string' },
        seed: { type: 'string' },
        start: { type: 'string' },
        'no-control': { type: 'boolean' },
        'allow-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return null;
  if (positionals.length !== 1 || positionals[0] !== 'serve') {
    throw new UsageError(
      positionals.length === 0
        ? 'Missing the command: serve.'
        : `Unknown command "${positionals.join(' ')}".`,
    );
  }
  for (const origin of values['allow-origin'] ?? []) {
    let parsed: string | undefined;
    try {
      parsed = new URL(origin).origin;
    } catch {
      parsed = undefined;
    }
    if (parsed !== origin || parsed === 'null') {
      throw new UsageError(
        `--allow-origin must be an origin such as https://staging.example.com (no path or trailing slash), got "${origin}".`,
      );
    }
  }
  if (values.start !== undefined && !Number.isFinite(Date.parse(values.start))) {
    throw new UsageError(`--start must be an ISO 8601 time such as 2026-03-01T12:00:00Z.`);
  }
  return {
    port:
      number(
        'port',
        values.port,
        (v) => Number.isInteger(v) && v >= 0 && v <= 65_535,
        'a port from 0 to 65535',
      ) ?? 8787,
    host: values.host ?? '127.0.0.1',
    speed: number('speed', values.speed, (v) => v >= 0, 'a number of 0 or more') ?? 1,
    state: values.state === undefined ? null : resolve(values.state),
    seed:
      number(
        'seed',
        values.seed,
        (v) => Number.isInteger(v) && v >= 0 && v <= 2_147_483_647,
        'a whole number from 0 to 2147483647',
      ) ?? null,
    start: values.start ?? null,
    control: values['no-control'] !== true,
    allowOrigins: values['allow-origin'] ?? [],
  };
}

/** A running `serve`: the sandbox, its server and a stop function. */
export interface Served {
  sandbox: Sandbox;
  server: SandboxServer;
  stop(): Promise<void>;
}

/** Starts serving per the options, printing the banner through `print`. */
export async function serve(options: ServeOptions, print: (line: string) => void): Promise<Served> {
  const file = options.state === null ? null : readStateFile(options.state);
  if (file !== null && options.seed !== null && options.seed !== file.state.seed) {
    print(
      `note: ${options.state} was created with seed ${file.state.seed}; --seed ${options.seed} is ignored (delete the file to reseed).`,
    );
  }
  const sandbox = createSandbox({
    ...(file === null
      ? {
          ...(options.seed === null ? {} : { seed: options.seed }),
          ...(options.start === null ? {} : { start: options.start }),
        }
      : { state: file.state }),
    speed: 0,
    control: options.control,
  });
  // Virtual time ran on while the server was down; replay it before serving.
  if (file !== null) sandbox.clock.advanceTo(resumeTime(file));
  sandbox.clock.setSpeed(options.speed);
  const saver = options.state === null ? null : new StateSaver(sandbox, options.state);
  saver?.flush();
  const server = await startServer(sandbox, {
    port: options.port,
    host: options.host,
    allowedOrigins: options.allowOrigins,
  });

  const catalogue = describeCatalogue(sandbox.seed);
  const { credentials } = catalogue;
  const pad = (label: string) => label.padEnd(22);
  print(`seam-sandbox listening on ${server.url}`);
  print('');
  print(`  ${pad('API key')}${credentials.apiKey}`);
  print(`  ${pad('Publishable key')}${credentials.publishableKey}`);
  print(`  ${pad('Client session token')}${credentials.clientSessionToken}`);
  print(`  ${pad('Other workspace key')}${credentials.otherWorkspaceApiKey}`);
  print(
    options.control
      ? `  ${pad('Control token')}${sandbox.controlToken}  (for /_sandbox/*)`
      : `  ${pad('Control')}off (--no-control)`,
  );
  print(
    `  ${pad('Clock')}${new Date(sandbox.clock.now()).toISOString()}, ${options.speed === 0 ? 'manual (advance with POST /_sandbox/clock/advance)' : `×${options.speed} real time`}`,
  );
  print(`  ${pad('Seed')}${sandbox.seed}`);
  if (options.state !== null) {
    print(`  ${pad('State')}${options.state} (${file === null ? 'new' : 'restored'})`);
  }
  print('');
  print('  Devices (role → device_id):');
  for (const role of SANDBOX_DEVICE_ROLES) {
    print(`    ${role.padEnd(20)}${catalogue.devices[role]}`);
  }
  print('');
  print(
    `  Try: curl -s ${server.url}/devices/list -H "authorization: Bearer ${credentials.apiKey}"`,
  );

  let stopped = false;
  return {
    sandbox,
    server,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      saver?.close();
      sandbox.dispose();
    },
  };
}

/** Runs the CLI; resolves with the exit code once the server stops (or at once on errors). */
export async function runCli(
  argv: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void } = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  },
): Promise<number> {
  let options: ServeOptions | null;
  try {
    options = parseServeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`seam-sandbox: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (options === null) {
    io.out(usage);
    return 0;
  }
  let served: Served;
  try {
    served = await serve(options, io.out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === 'EADDRINUSE'
        ? `seam-sandbox: port ${options.port} is in use. Stop the other server or pass --port.`
        : `seam-sandbox: ${(error as Error).message}`,
    );
    return 1;
  }
  return new Promise<number>((done) => {
    const shutdown = (signal: string) => {
      io.out(`\nseam-sandbox: ${signal}, stopping`);
      served.stop().then(
        () => done(0),
        (error: unknown) => {
          io.err(`seam-sandbox: error while stopping: ${(error as Error).message}`);
          done(1);
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
