// A web-test-runner plugin that starts `seam-sandbox serve` on a free loopback port the first time
// a test asks for it (GET /__seam-sandbox), answers { url, controlToken }, and stops it when the
// runner stops. Only the HTTP test asks, so other runs never start a server.
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

/** Builds the CLI with the sandbox's own build script when it is missing or older than its source. */
function ensureCli() {
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest(join(sandboxDir, 'src'))) return;
  const result = spawnSync(process.execPath, [join(sandboxDir, 'scripts', 'build.mjs')], {
    cwd: sandboxDir,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building seam-sandbox (packages/sandbox) failed');
}

/** Starts `seam-sandbox serve --port 0 --speed 0`; resolves with its URL and control token. */
function start() {
  ensureCli();
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--speed', '0'], {
    cwd: sandboxDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`seam-sandbox did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const controlToken = /Control token\s+(\S+)/.exec(output)?.[1];
      if (url !== undefined && controlToken !== undefined) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve({ child, url, controlToken });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`seam-sandbox exited with ${code} before listening:\n${output}`));
    });
  });
}

/** The plugin. */
export function sandboxServerPlugin() {
  let running = null;
  return {
    name: 'seam-sandbox-server',
    async serve(context) {
      if (context.path !== '/__seam-sandbox') return undefined;
      running ??= start();
      const { url, controlToken } = await running;
      return { body: JSON.stringify({ url, controlToken }), type: 'json' };
    },
    async serverStop() {
      if (running === null) return;
      const { child } = await running.catch(() => ({ child: null }));
      if (child !== null && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
