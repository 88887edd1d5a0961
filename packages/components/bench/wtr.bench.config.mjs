// web-test-runner, used as a page runner for the render bench: it serves bench/render.bench.ts
// (production Lit) in headless Chromium and hands the figures it posts to bench/run.mjs.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumLaunchOptions } from '../../../tools/web-test-runner/chromium.mjs';
import { commonJsPlugin } from '../../../tools/web-test-runner/commonjs-plugin.mjs';

const output = process.env.SEAM_BENCH_OUTPUT;
if (!output) throw new Error('SEAM_BENCH_OUTPUT must name the file the figures go to');

export default {
  rootDir: fileURLToPath(new URL('../../..', import.meta.url)),
  files: ['bench/render.bench.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  testFramework: { config: { timeout: 120_000 } },
  testsFinishTimeout: 300_000,
  middleware: [
    async (context, next) => {
      if (context.path !== '/__bench-results' || context.method !== 'POST') return next();
      let body = '';
      for await (const chunk of context.req) body += chunk;
      writeFileSync(output, body);
      context.status = 204;
    },
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    }),
    commonJsPlugin([
      { name: 'svix', from: fileURLToPath(new URL('../../sandbox/package.json', import.meta.url)) },
    ]),
  ],
  browsers: [chromeLauncher({ launchOptions: chromiumLaunchOptions() })],
  concurrency: 1,
};
