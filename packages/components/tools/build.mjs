// `pnpm build`: what the package publishes, in dist/.
//   1. custom-elements.json (cem analyze; paths point at dist/*.js)
//   2. one ES module and one .d.ts per source file (tsc, decorators compiled away)
//   3. dist/seam-components.js: the single-file browser module (Vite). tsc's own
//      seam-components.js, which imports lit as a package, is kept as seam-components.node.js:
//      the `node` export condition serves it, because the browser bundle inlines lit's browser
//      build, which needs a DOM to import (a Next.js server component imports the package in Node).
//   4. React/Vue typings, VS Code and JetBrains data from the manifest (generate-typings.mjs)
import { spawnSync } from 'node:child_process';
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(packageDir, 'dist');

function run(command, ...args) {
  const result = spawnSync(command, args, { cwd: packageDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`build: ${command} ${args.join(' ')} failed`);
}

rmSync(dist, { recursive: true, force: true });
run('cem', 'analyze');
run('tsc', '-p', 'tsconfig.build.json');
renameSync(join(dist, 'seam-components.js'), join(dist, 'seam-components.node.js'));
run('vite', 'build', '--config', 'vite.bundle.config.ts', '--logLevel', 'warn');
run('node', 'tools/generate-typings.mjs');
