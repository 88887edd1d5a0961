// The test server sends modules to the browser as they are, and a browser cannot import
// CommonJS. The sandbox signs webhooks with `svix`, which ships CommonJS only: this plugin serves
// such packages as ES modules, each bundled once with esbuild, its export names read from the
// package itself, as Vite's dependency optimizer does for the playground. Shared by every suite.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

/**
 * @param {{ name: string, from: string }[]} packages Each package and a file its importer lives
 *   next to (its package.json), so it resolves exactly as the importer's `import` would.
 */
export function commonJsPlugin(packages) {
  const bundles = new Map();

  /** The package a specifier belongs to (`svix` for `svix/dist/webhook.js`), if it is one of ours. */
  const packageOf = (specifier) =>
    packages.find((entry) => specifier === entry.name || specifier.startsWith(`${entry.name}/`));

  async function bundle(specifier, { from }) {
    const require = createRequire(from);
    const entry = require.resolve(specifier);
    const names = Object.keys(require(specifier)).filter(
      (key) => key !== 'default' && key !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(key),
    );
    const result = await build({
      stdin: {
        contents: `export { ${names.join(', ')} } from ${JSON.stringify(entry)};\nimport * as all from ${JSON.stringify(entry)};\nexport default all;`,
        resolveDir: process.cwd(),
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  }

  return {
    name: 'commonjs-packages',
    resolveImport({ source }) {
      return packageOf(source) ? `/__cjs/${encodeURIComponent(source)}` : undefined;
    },
    async serve(context) {
      const match = /^\/__cjs\/([^/]+)$/.exec(context.path);
      const specifier = match ? decodeURIComponent(match[1]) : null;
      const entry = specifier === null ? undefined : packageOf(specifier);
      if (!entry) return undefined;
      if (!bundles.has(specifier)) bundles.set(specifier, bundle(specifier, entry));
      return { body: await bundles.get(specifier), type: 'js' };
    },
  };
}
