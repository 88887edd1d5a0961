// `pnpm bench` for core: bundles bench/verify.bench.ts (TypeScript, importing the sandbox and the
// relay from their sources) with esbuild and runs it with plain node. Prints named figures.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'bench', 'verify.js');
await build({
  entryPoints: [join(root, 'bench', 'verify.bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  // svix (the sandbox's webhook signer) is CommonJS: give the bundle a require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
