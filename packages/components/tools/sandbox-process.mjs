// Starts `seam-sandbox serve` (the sandbox package's CLI) as a child process on a free loopback
// port, for the HTTP test. The CLI is built with the sandbox's own build script
// when it is missing or older than its sources.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sandboxDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sandbox');
const cli = join(sandboxDir, 'dist', 'cli.js');

/** Newest modification time under a directory, in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function ensureCli() {
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest(join(sandboxDir, 'src'))) return;
  const result = spawnSync(process.execPath, [join(sandboxDir, 'scripts', 'build.mjs')], {
    cwd: sandboxDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building seam-sandbox (packages/sandbox) failed');
}

/**
 * Starts the sandbox server; resolves with `{ child, url, controlToken, stop }` once it listens.
 * `args` are extra CLI flags (e.g. `['--speed', '0']`). `onLine` sees every output line.
 */
export function startSandboxServer({ args = [], onLine } = {}) {
  ensureCli();
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], {
    cwd: sandboxDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`seam-sandbox did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk) => {
      output += chunk;
      if (onLine) for (const line of chunk.split('\n')) if (line !== '') onLine(line);
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const controlToken = /Control token\s+(\S+)/.exec(output)?.[1];
      if (!ready && url !== undefined && controlToken !== undefined) {
        ready = true;
        clearTimeout(timer);
        resolve({ child, url, controlToken, stop });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      if (onLine) for (const line of chunk.split('\n')) if (line !== '') onLine(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready)
        reject(new Error(`seam-sandbox exited with ${code} before listening:\n${output}`));
    });
  });
}
