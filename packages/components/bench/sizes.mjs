// Bundle sizes: the single-file ES module of both elements (with lit and @seam-codes/core
// inlined), each element alone, and @seamapi/react's dist/elements.js for comparison. Built with
// the same Vite/Rolldown settings and template minifier as dist/seam-components.js, minified,
// gzip level 9.
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Buffer } from 'node:buffer';
import { build } from 'vite';
import { minifyTemplatesPlugin } from '../tools/minify-templates.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');
const root = join(packageDir, '..', '..');

/** Our gzip budget for both elements together, in bytes. */
export const BUDGET_GZIP_BYTES = 25_000;

/** Builds one entry as a single minified ES module in memory; returns its bytes. */
async function bundle(entry, parts = null) {
  const result = await build({
    configFile: false,
    root: packageDir,
    logLevel: 'silent',
    plugins: [minifyTemplatesPlugin()],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: { entry: join(packageDir, entry), formats: ['es'], fileName: () => 'bundle.js' },
      rolldownOptions: { output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((output) => output.type === 'chunk');
  if (chunks.length !== 1) {
    throw new Error(`${entry}: expected one chunk, got ${chunks.length} (a dynamic import?)`);
  }
  if (parts !== null) {
    // Where the minified bytes come from (before gzip), by origin.
    for (const [id, module] of Object.entries(chunks[0].modules)) {
      const part = /\/node_modules\/.*(lit|@lit)/.test(id)
        ? 'lit'
        : id.includes('/packages/core/')
          ? 'core'
          : id.includes('/src/internal/strings/')
            ? 'strings'
            : 'components';
      parts[part] = (parts[part] ?? 0) + module.renderedLength;
    }
  }
  return Buffer.from(chunks[0].code);
}

function sizes(bytes) {
  return { minified: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

/** @seamapi/react's `elements.js`, found through the bench package's dependency and its exports map. */
function anchorElementsPath() {
  const packageRoot = realpathSync(join(root, 'bench', 'node_modules', '@seamapi', 'react'));
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const target = manifest.exports?.['./elements.js']?.import ?? './dist/elements.js';
  return { path: join(packageRoot, target), version: manifest.version };
}

/** Measures every size figure; returns them as named values (bytes). */
export async function measureSizes() {
  const parts = {};
  const both = sizes(await bundle('src/seam-components.ts', parts));
  const creator = sizes(await bundle('src/code-creator/define.ts'));
  const status = sizes(await bundle('src/code-status/define.ts'));
  const anchor = anchorElementsPath();
  const anchorBytes = readFileSync(anchor.path);
  return {
    both,
    parts,
    creator,
    status,
    anchor: { version: anchor.version, raw: anchorBytes.byteLength, ...sizes(anchorBytes) },
  };
}
