#!/usr/bin/env node
// `seam-relay serve`: the relay as a process. Built into dist/cli.js by `pnpm run build`.
import { CliUsageError, USAGE, parseCliArgs } from './cli-args.js';
import type { RelayLogEntry } from './relay.js';
import { startRelayServer } from './server.js';

async function main(): Promise<number> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`seam-relay: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (command.command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  for (const warning of command.warnings) process.stderr.write(`seam-relay: warning: ${warning}\n`);

  const log = (entry: RelayLogEntry): void => {
    if (command.quiet && entry.level === 'info') return;
    // Entries hold only paths, statuses and fixed text: never a token, a secret or a query string.
    const parts = [new Date().toISOString(), entry.level, entry.method, entry.path, entry.status];
    parts.push(entry.reason, entry.message === 'request' ? undefined : entry.message);
    if (entry.durationMs !== undefined) parts.push(`${entry.durationMs}ms`);
    process.stderr.write(`${parts.filter((part) => part !== undefined).join(' ')}\n`);
  };

  let server;
  try {
    server = await startRelayServer({ ...command.options, log });
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`seam-relay: could not start: ${message}\n`);
    return error instanceof TypeError ? 2 : 1;
  }
  process.stdout.write(
    `seam-relay listening on ${server.url}\n` +
      `  POST ${server.url}/webhooks/seam   (Seam webhook endpoint)\n` +
      `  GET  ${server.url}/events          (SSE for subscribers)\n` +
      `  GET  ${server.url}/health\n`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) {
        process.stderr.write(`seam-relay: ${signal} again, exiting now\n`);
        resolve(1);
        return;
      }
      stopping = true;
      process.stderr.write(`seam-relay: ${signal}, closing streams\n`);
      server.close().then(
        () => {
          process.stdout.write('seam-relay stopped\n');
          resolve(0);
        },
        (error: unknown) => {
          process.stderr.write(`seam-relay: error while closing: ${(error as Error).message}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `seam-relay: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`,
    );
    process.exit(1);
  },
);
