// Bundles the CLI into one file, dist/cli.js, runnable with plain `node` (no TypeScript at run
// time).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../../tools/bundle-for-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await bundleForNode({
  entry: join(root, 'src', 'node', 'cli.ts'),
  outfile: join(root, 'dist', 'cli.js'),
  executable: true,
});
