// The server: renders the page to HTML (as a Next.js server would) and routes the API.
import { renderToString } from 'react-dom/server';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { exampleServer, listen } from '../shared/node-server.mjs';
import { mintClientSessionToken, seamConfig } from '../shared/client-session.mjs';
import type { CreatorProps } from './app/code-creator.js';
import { Page } from './app/page.js';

/** Server-only: the user's client session for the page (Seam's recommended way). */
async function loadPage(user: string): Promise<CreatorProps> {
  const config = seamConfig();
  return {
    clientSessionToken: await mintClientSessionToken(user, config),
    endpoint: config.endpoint,
  };
}

/** The whole document for `user`, with the props the client hydrates from. */
export async function render(user = 'demo-user'): Promise<string> {
  const props = await loadPage(user);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>seam-codes: server/client</title></head>
<body><div id="root">${renderToString(<Page {...props} />)}</div>
<script type="application/json" id="props">${JSON.stringify(props).replace(/</g, '\\u003c')}</script>
<script type="module" src="/client.js"></script></body></html>`;
}

export { POST } from './app/api/seam/client-session/route.js';

export const server = exampleServer({
  root: join(dirname(fileURLToPath(import.meta.url)), '..', 'client'),
  render,
});

if (process.argv[1] === fileURLToPath(import.meta.url)) listen(server);
