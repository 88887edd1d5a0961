// One way to run our TypeScript under plain Node 20 (no type stripping there): bundle it with
// esbuild into a single ES module. The banner gives bundled CommonJS dependencies (svix, the
// sandbox's webhook signer) a `require`. Used by the sandbox's CLI build, core's bench and core's
// browser-test relay.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';

const requireBanner =
  "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

/**
 * @param {{ entry: string, outfile: string, executable?: boolean }} options `executable` adds a
 *   shebang and the execute bit, for a CLI.
 */
export async function bundleForNode({ entry, outfile, executable = false }) {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    banner: { js: executable ? `#!/usr/bin/env node\n${requireBanner}` : requireBanner },
    logLevel: 'warning',
  });
  if (executable) chmodSync(outfile, 0o755);
}
