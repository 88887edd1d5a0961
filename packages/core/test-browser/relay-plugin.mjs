// A test-server plugin that plays the two server-side parts of push for the browser tests:
//
// - the relay itself (packages/relay, bundled from its sources with esbuild and started on a free
//   loopback port), allowing the test page's origin;
// - the integrator's backend: `POST /__relay/token` mints a subscriber token for the codes asked
//   for, and `POST /__relay/webhooks/seam` forwards the in-page sandbox's signed deliveries to the
//   relay byte for byte (a browser cannot post them itself: the webhook route has no CORS, as only
//   Seam calls it). Forwarding the raw body and the svix headers unchanged keeps the signature valid,
//   as the relay's README describes for a fan-out forwarder.
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from '../../../tools/bundle-for-node.mjs';

async function loadRelay() {
  const outfile = join(tmpdir(), `seam-codes-relay-${process.pid}.mjs`);
  await bundleForNode({
    entry: fileURLToPath(new URL('../../relay/src/index.ts', import.meta.url)),
    outfile,
  });
  return import(pathToFileURL(outfile).href);
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The relay and the backend routes: `middleware` goes into the config's `middleware` (it runs
 * before the file server), `plugin` into `plugins` (it stops the relay with the server).
 */
export function relayForTests() {
  const subscriberSecret = randomBytes(32).toString('base64url');
  let relayModule;
  let server;

  async function start(webhookSecret, origin) {
    relayModule ??= await loadRelay();
    await server?.close();
    server = await relayModule.startRelayServer({
      webhookSecret,
      subscriberSecret,
      port: 0,
      allowedOrigins: [origin],
      retryMs: 200,
      shutdownGraceMs: 200,
    });
    return server.url;
  }

  return {
    plugin: {
      name: 'relay-for-push-tests',
      async serverStop() {
        await server?.close();
      },
    },
    async middleware(context, next) {
      if (!context.path.startsWith('/__relay/')) return next();
      const body = await readBody(context.req);
      if (context.path === '/__relay/start' && context.method === 'POST') {
        const { webhookSecret } = JSON.parse(body);
        context.body = { url: await start(webhookSecret, context.get('origin')) };
        return undefined;
      }
      if (context.path === '/__relay/token' && context.method === 'POST') {
        const { workspace_id, access_code_ids } = JSON.parse(body);
        context.body = {
          token: relayModule.createSubscriberToken({
            secret: subscriberSecret,
            workspace_id,
            access_code_ids,
            expires_in_seconds: 300,
          }),
        };
        return undefined;
      }
      if (context.path === '/__relay/webhooks/seam' && context.method === 'POST') {
        const headers = { 'content-type': 'application/json' };
        for (const name of ['svix-id', 'svix-timestamp', 'svix-signature']) {
          headers[name] = context.get(name);
        }
        const response = await globalThis.fetch(`${server.url}/webhooks/seam`, {
          method: 'POST',
          headers,
          body,
        });
        context.status = response.status;
        context.body = await response.text();
        return undefined;
      }
      if (context.path === '/__relay/stats' && context.method === 'GET') {
        context.body = server.relay.stats;
        return undefined;
      }
      context.status = 404;
      return undefined;
    },
  };
}
