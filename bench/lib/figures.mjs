// Tiny helpers shared by the bench scripts: bundle with esbuild and print named figures.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** Bundles `contents` (an ES module importing from workspace packages) minified, and returns its sizes. */
export async function bundleSize(contents, { resolveDir, external = [] } = {}) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    treeShaking: true,
    external,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** Prints one figure per line: `name: value unit`, easy to grep and to diff between runs. */
export function printFigure(name, value, unit = '') {
  console.log(`${name}: ${value}${unit ? ` ${unit}` : ''}`);
}

export function kB(bytes) {
  return (bytes / 1000).toFixed(2);
}
