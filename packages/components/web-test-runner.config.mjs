// @web/test-runner: Lit + TypeScript through esbuild, in Debian's Chromium (or CHROME_PATH); no
// browser download. The root is the monorepo so that the workspace packages' TypeScript sources
// (@seam-codes/core, @seam-codes/sandbox) are served as they are.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumLaunchOptions } from '../../tools/web-test-runner/chromium.mjs';
import { commonJsPlugin } from '../../tools/web-test-runner/commonjs-plugin.mjs';
import { sandboxServerPlugin } from './test/sandbox-server-plugin.mjs';

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    commonJsPlugin([
      { name: 'svix', from: fileURLToPath(new URL('../sandbox/package.json', import.meta.url)) },
    ]),
    sandboxServerPlugin(),
  ],
  browsers: [chromeLauncher({ launchOptions: chromiumLaunchOptions() })],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
};
