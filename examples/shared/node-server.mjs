/* global Request */
// A tiny Node server for the examples: serves a folder of built files and routes
// POST /api/seam/client-session to the shared Web-standard handler.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { POST } from './client-session.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves `files` (a map of URL path -> file) and `root` for everything else. */
export function exampleServer({ root, files = {}, render }) {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/seam/client-session' && req.method === 'POST') {
      const response = await POST(new Request(url, { method: 'POST', headers: req.headers }));
      res.writeHead(response.status, { 'content-type': 'application/json' });
      res.end(await response.text());
      return;
    }
    if (render && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(await render());
      return;
    }
    const path =
      files[url.pathname] ??
      join(root, normalize(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!path.startsWith(root) && !Object.values(files).includes(path)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
}

/** Listens on PORT (default 3000) when the example's server file is run directly. */
export function listen(server) {
  const port = Number(process.env.PORT ?? 3000);
  server.listen(port, '127.0.0.1', () => console.log(`example on http://127.0.0.1:${port}/`));
}
