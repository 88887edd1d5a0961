// @web/test-runner for core's browser tests (IndexedDB, page reloads): TypeScript through esbuild,
// in Debian's Chromium (or CHROME_PATH), no browser download. The root is the monorepo so that the
// sandbox's TypeScript sources, which the tests drive, are served as they are.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumLaunchOptions } from '../../tools/web-test-runner/chromium.mjs';
import { commonJsPlugin } from '../../tools/web-test-runner/commonjs-plugin.mjs';
import { relayForTests } from './test-browser/relay-plugin.mjs';

const relay = relayForTests();

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: ['test-browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [relay.middleware],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./test-browser/tsconfig.json', import.meta.url)),
    }),
    commonJsPlugin([
      { name: 'svix', from: fileURLToPath(new URL('../sandbox/package.json', import.meta.url)) },
    ]),
    relay.plugin,
  ],
  browsers: [chromeLauncher({ launchOptions: chromiumLaunchOptions() })],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
};
