// `node server.mjs`: the page, the single module from the installed package, and the token route.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleServer, listen } from '../shared/node-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// The browser build (the package's `node` condition would give the server-side module).
const packageDir = dirname(
  createRequire(import.meta.url).resolve('@seam-codes/components/package.json'),
);

export const server = exampleServer({
  root: here,
  files: { '/seam-components.js': join(packageDir, 'dist', 'seam-components.js') },
});

if (process.argv[1] === fileURLToPath(import.meta.url)) listen(server);
