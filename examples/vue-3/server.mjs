// `npm run build && node server.mjs`: the built app and the token route.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleServer, listen } from '../shared/node-server.mjs';

export const server = exampleServer({
  root: join(dirname(fileURLToPath(import.meta.url)), 'dist'),
});

if (process.argv[1] === fileURLToPath(import.meta.url)) listen(server);
