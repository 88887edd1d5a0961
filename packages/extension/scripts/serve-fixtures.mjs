#!/usr/bin/env node
// A static server of every fixture page at a path mimicking its site: /<host><path>, e.g.
// /dashboard.hostaway.com/reservations/123456, plus an index page listing them. The extension
// reads these pages once the server's origin is added in its options (Local fixture server).
//   node scripts/serve-fixtures.mjs [--port 0] [--host 127.0.0.1]
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixturePages } from '../fixtures/catalogue.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function indexPage() {
  const items = fixturePages
    .map(
      (p) =>
        `<li><strong>${escape(p.title)}</strong> (${escape(p.host)}): ${p.examples
          .map((e) => `<a href="/${escape(p.host)}${escape(e)}">${escape(e)}</a>`)
          .join(', ')}</li>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>seam-codes extension fixtures</title></head>
<body style="font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:24px auto">
<h1>Fixture pages of the seam-codes extension</h1>
<p>Synthetic pages modelled on what is known of each site (each file's header says what is known and what is guessed).
Add this server's origin in the extension's options (Local fixture server), then open a page.</p>
<ul>${items}</ul></body></html>`;
}

export async function startFixtureServer({ port = 0, host = '127.0.0.1' } = {}) {
  const server = http.createServer(async (req, res) => {
    // Only the path is looked at; the query (Booking.com's carries a session) is never logged.
    const path = new URL(req.url ?? '/', 'http://fixtures').pathname;
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(indexPage());
      return;
    }
    const [, site, ...rest] = path.split('/');
    const page = fixturePages.find((p) => p.host === site && p.path.test(`/${rest.join('/')}`));
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('No fixture page here; see / for the list.');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(await readFile(join(fixtures, page.file)));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url, close } = await startFixtureServer({
    port: Number(arg('port', '0')),
    host: arg('host', '127.0.0.1'),
  });
  console.log(`Extension fixture pages: ${url}`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
