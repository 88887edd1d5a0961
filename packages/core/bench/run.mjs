// `pnpm bench` for core: bundles bench/verify.bench.ts (TypeScript, importing the sandbox and the
// relay from their sources) with esbuild and runs it with plain node. Prints named figures.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../../tools/bundle-for-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'bench', 'verify.js');
await bundleForNode({ entry: join(root, 'bench', 'verify.bench.ts'), outfile });
execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
