// The playground: `seam-sandbox serve` (real time, loopback, no API key needed) and a Vite dev
// server for index.html, where both elements run against that sandbox over HTTP. Offline; Ctrl-C
// stops both.
//
//   pnpm --filter @seam-codes/components playground        (options: --port 5173 --speed 1)
/* global fetch -- Node 20 has fetch built in. */
import { parseArgs } from 'node:util';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startSandboxServer } from '../tools/sandbox-process.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5173' }, speed: { type: 'string', default: '1' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port from 0 to 65535, got "${values.port}".`);
  process.exit(2);
}

const sandbox = await startSandboxServer({ args: ['--speed', values.speed] });
const catalogueResponse = await fetch(`${sandbox.url}/_sandbox/catalogue`, {
  headers: { authorization: `Bearer ${sandbox.controlToken}` },
});
if (!catalogueResponse.ok) {
  await sandbox.stop();
  throw new Error(`the sandbox did not describe its catalogue (${catalogueResponse.status})`);
}
const { catalogue } = await catalogueResponse.json();
// What the page needs: where the sandbox is, the page credential, and the locks by role. The
// control token is the local sandbox's, for the page's "make it fail" and clock buttons.
const pageConfig = JSON.stringify({
  endpoint: sandbox.url,
  clientSessionToken: catalogue.credentials.clientSessionToken,
  controlToken: sandbox.controlToken,
  devices: Object.entries(catalogue.devices).map(([role, id]) => ({
    role,
    id,
    description: catalogue.descriptions[role],
  })),
});

const vite = await createServer({
  configFile: false,
  root: dirname(fileURLToPath(import.meta.url)),
  logLevel: 'warn',
  server: { host: '127.0.0.1', port, strictPort: false },
  plugins: [
    {
      name: 'playground-config',
      configureServer(server) {
        server.middlewares.use('/playground-config.json', (_request, response) => {
          response.setHeader('content-type', 'application/json');
          response.end(pageConfig);
        });
      },
    },
  ],
});
await vite.listen();
const pageUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`seam-sandbox: ${sandbox.url} (clock ×${values.speed})`);
console.log(`playground:   ${pageUrl}`);
console.log('Ctrl-C stops both.');

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the playground and the sandbox`);
  await Promise.allSettled([vite.close(), sandbox.stop()]);
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
sandbox.child.once('exit', (code) => {
  if (stopping) return;
  console.error(`seam-sandbox exited (${code}); stopping the playground.`);
  void vite.close().then(() => process.exit(1));
});
