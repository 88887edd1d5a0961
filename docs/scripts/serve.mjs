#!/usr/bin/env node
/* global fetch -- Node 20 has fetch built in. */
// `npm start`: everything a newcomer needs, in one command, offline:
//   1. the sandbox server (`seam-sandbox serve`, the clock at --speed),
//   2. the relay (`seam-relay serve`), registered as the sandbox's webhook endpoint,
//   3. the docs site (the static Storybook build, rebuilt when its sources changed; --dev runs
//      `storybook dev` instead),
//   4. the extension's fixture pages, when packages/extension/scripts/serve-fixtures.mjs exists.
// It prints every URL and the sandbox's demo credentials; Ctrl-C (SIGINT) or SIGTERM stops all.
//
//   node docs/scripts/serve.mjs [--speed 60] [--port 6006] [--sandbox-port 8787]
//                               [--relay-port 8788] [--fixtures-port 8790] [--dev] [--no-build]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startStaticServer } from './static-server.mjs';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(docs, '..');
const HOST = '127.0.0.1';

let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      speed: { type: 'string', default: '1' },
      port: { type: 'string', default: '6006' },
      'sandbox-port': { type: 'string', default: '8787' },
      'relay-port': { type: 'string', default: '8788' },
      'fixtures-port': { type: 'string', default: '8790' },
      dev: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(
    `${error.message}\nOptions: --speed N --port N --sandbox-port N --relay-port N --fixtures-port N --dev --no-build`,
  );
  process.exit(2);
}
const speed = Number(values.speed);
if (!Number.isFinite(speed) || speed < 0) {
  console.error(
    `--speed must be a number of virtual seconds per real second (0 stops the clock), got "${values.speed}".`,
  );
  process.exit(2);
}
for (const name of ['port', 'sandbox-port', 'relay-port', 'fixtures-port']) {
  const port = Number(values[name]);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--${name} must be a port from 0 to 65535, got "${values[name]}".`);
    process.exit(2);
  }
}

/** The port if it is free on loopback, else a free one (other programs may hold the defaults). */
function freePort(preferred) {
  const probe = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, HOST, () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  return probe(preferred).then((port) => port ?? probe(0));
}

/** Newest modification time under the given paths, in ms. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (!stats.isDirectory()) return void (latest = Math.max(latest, stats.mtimeMs));
    for (const entry of readdirSync(path)) {
      if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    }
  };
  paths.forEach(visit);
  return latest;
}

/** Runs a build step when its output is missing or older than its sources. */
function ensureBuilt(label, output, sources, command, args, cwd) {
  if (existsSync(output) && statSync(output).mtimeMs >= newest(sources)) return;
  console.log(`• building ${label}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building ${label} failed`);
}

const children = [];
const closers = [];

/** Starts a child process and resolves with the first match of `ready` in its output. */
function startChild(name, args, { env = {}, ready, cwd = root }) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push({ name, child });
  return new Promise((resolve, reject) => {
    let output = '';
    let started = false;
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk) => {
      if (started) {
        for (const line of chunk.split('\n'))
          if (line.trim() !== '') console.log(`[${name}] ${line}`);
        return;
      }
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        started = true;
        clearTimeout(timer);
        resolve({ child, match, output });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!started)
        reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${output}`));
      else if (!stopping) {
        console.error(`${name} exited (${code ?? signal}); stopping everything.`);
        void stop(1);
      }
    });
  });
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled(closers.map((close) => close()));
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  console.log('Stopped: sandbox, relay, docs site and fixture pages.');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping…`);
    void stop(0);
  });
}

async function main() {
  const sandboxDir = join(root, 'packages', 'sandbox');
  const relayDir = join(root, 'packages', 'relay');
  ensureBuilt(
    'the sandbox CLI',
    join(sandboxDir, 'dist', 'cli.js'),
    [join(sandboxDir, 'src'), join(root, 'packages', 'core', 'src')],
    process.execPath,
    ['scripts/build.mjs'],
    sandboxDir,
  );
  ensureBuilt(
    'the relay CLI',
    join(relayDir, 'dist', 'cli.js'),
    [join(relayDir, 'src')],
    'pnpm',
    ['run', '--silent', 'build'],
    relayDir,
  );

  const [sandboxPort, relayPort, docsPort, fixturesPort] = await Promise.all([
    freePort(Number(values['sandbox-port'])),
    freePort(Number(values['relay-port'])),
    freePort(Number(values.port)),
    freePort(Number(values['fixtures-port'])),
  ]);

  // 1. The sandbox.
  const sandbox = await startChild(
    'sandbox',
    [
      join(sandboxDir, 'dist', 'cli.js'),
      'serve',
      '--host',
      HOST,
      '--port',
      String(sandboxPort),
      '--speed',
      String(speed),
    ],
    {
      ready: /listening on (http:\/\/\S+)[\s\S]*Control token\s+(\S+)[\s\S]*Seed\s+\d+/,
    },
  );
  const sandboxUrl = sandbox.match[1];
  const banner = (label) => new RegExp(`${label}\\s+(\\S+)`).exec(sandbox.output)?.[1];
  const credentials = {
    apiKey: banner('API key'),
    publishableKey: banner('Publishable key'),
    clientSessionToken: banner('Client session token'),
    controlToken: sandbox.match[2],
  };

  // 2. The relay, then the sandbox's webhook pointing at it (its signing secret goes to the relay).
  const relayUrl = `http://${HOST}:${relayPort}`;
  const docsUrl = `http://${HOST}:${docsPort}/`;
  const webhook = await fetch(`${sandboxUrl}/webhooks/create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credentials.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${relayUrl}/webhooks/seam` }),
  });
  if (!webhook.ok)
    throw new Error(`the sandbox refused to create the relay's webhook: ${await webhook.text()}`);
  const { webhook: created } = await webhook.json();
  await startChild(
    'relay',
    [
      join(relayDir, 'dist', 'cli.js'),
      'serve',
      '--host',
      HOST,
      '--port',
      String(relayPort),
      '--allow-origin',
      docsUrl.slice(0, -1),
    ],
    {
      // Secrets by environment, as the relay asks (a command line is visible in `ps`).
      env: {
        SEAM_WEBHOOK_SECRET: created.secret,
        RELAY_SUBSCRIBER_SECRET: randomBytes(32).toString('base64'),
      },
      ready: /listening on (http:\/\/\S+)/,
    },
  );

  // 3. The docs site.
  let siteUrl;
  if (values.dev) {
    const storybook = join(docs, 'node_modules', 'storybook', 'dist', 'bin', 'dispatcher.js');
    const result = await startChild(
      'docs',
      [
        storybook,
        'dev',
        '-p',
        String(docsPort),
        '--host',
        HOST,
        '--no-open',
        '--ci',
        '--disable-telemetry',
      ],
      {
        cwd: docs,
        env: { STORYBOOK_SEAM_SANDBOX_URL: sandboxUrl },
        ready: /(http:\/\/(?:localhost|127\.0\.0\.1):\d+\/?)/,
      },
    );
    siteUrl = result.match[1];
  } else {
    const site = join(docs, 'storybook-static');
    if (!values['no-build']) {
      ensureBuilt(
        'the docs site (storybook build)',
        join(site, 'index.json'),
        [
          join(docs, 'src'),
          join(docs, 'stories'),
          join(docs, 'guides'),
          join(docs, '.storybook'),
          join(root, 'packages', 'components', 'src'),
          join(root, 'packages', 'core', 'src'),
          join(root, 'packages', 'sandbox', 'src'),
        ],
        'pnpm',
        ['run', '--silent', 'build'],
        docs,
      );
    }
    if (!existsSync(join(site, 'index.json')))
      throw new Error('docs/storybook-static is missing: run without --no-build');
    const server = await startStaticServer({
      root: site,
      host: HOST,
      port: docsPort,
      // The site's "Local sandbox server" backend reads where the sandbox and the relay are.
      extra: { '/seam-local.json': () => ({ sandbox: sandboxUrl, relay: relayUrl }) },
    });
    closers.push(server.close);
    siteUrl = server.url;
  }

  // 4. The extension's fixture pages (their contract: startFixtureServer({ port, host }) -> { url, close }).
  const fixtures = join(root, 'packages', 'extension', 'scripts', 'serve-fixtures.mjs');
  let fixturesLine;
  if (existsSync(fixtures)) {
    const { startFixtureServer } = await import(pathToFileURL(fixtures).href);
    const server = await startFixtureServer({ port: fixturesPort, host: HOST });
    closers.push(server.close);
    fixturesLine = `  Extension fixtures  ${server.url}`;
  } else {
    fixturesLine =
      '  Extension fixtures  (skipped: packages/extension/scripts/serve-fixtures.mjs is not there yet)';
  }

  console.log(`
seam-codes is running (offline; nothing here needs an account or an API key of yours)

  Docs site           ${siteUrl}
  Sandbox (Seam API)  ${sandboxUrl}   clock ×${speed}${speed === 0 ? ' (stopped: POST /_sandbox/clock/advance)' : ''}
  Relay               ${relayUrl}   (webhooks: ${relayUrl}/webhooks/seam, health: ${relayUrl}/health)
${fixturesLine}

  Sandbox demo credentials (public, sandbox only):
    API key               ${credentials.apiKey}   (backend use only, never in a page)
    Publishable key       ${credentials.publishableKey}
    Client session token  ${credentials.clientSessionToken}
    Control token         ${credentials.controlToken}   (for /_sandbox/*)

  In the docs site, pick "Local sandbox server" in the Backend menu to use this sandbox.
  Ctrl-C stops everything.
`);
}

main().catch((error) => {
  console.error(`\n✖ npm start failed: ${error.message}\n`);
  void stop(1);
});
