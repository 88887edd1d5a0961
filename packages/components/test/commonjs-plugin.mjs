// The test server sends modules to the browser as they are, and a browser cannot import
// CommonJS. This plugin serves the few CommonJS packages the sandbox imports (svix, for signing
// webhooks) as ES modules: each is bundled once with esbuild, with its export names read from the
// package itself, as Vite's dependency optimizer does for the playground.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

/**
 * @param {{ name: string, from: string }[]} packages Each package and a file its importer lives
 *   next to (its package.json), so it resolves exactly as the importer's `import` would.
 */
export function commonJsPlugin(packages) {
  const bundles = new Map();

  async function bundle({ name, from }) {
    const require = createRequire(from);
    const entry = require.resolve(name);
    const names = Object.keys(require(name)).filter(
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
      return packages.some((entry) => entry.name === source) ? `/__cjs/${source}.js` : undefined;
    },
    async serve(context) {
      const match = /^\/__cjs\/(.+)\.js$/.exec(context.path);
      const entry = match && packages.find((candidate) => candidate.name === match[1]);
      if (!entry) return undefined;
      if (!bundles.has(entry.name)) bundles.set(entry.name, bundle(entry));
      return { body: await bundles.get(entry.name), type: 'js' };
    },
  };
}
