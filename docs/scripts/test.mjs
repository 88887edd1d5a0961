/* global performance -- Node has it built in. */
// The docs' `test`: the static build (timed), then, in Debian's Chromium, every story and docs
// page (console, page errors, axe, a screenshot each), the end-to-end stories, and `npm start`.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const build = spawnSync('pnpm', ['run', '--silent', 'build'], { cwd: docs, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('✖ docs: storybook build failed');
  process.exit(1);
}
console.log(
  `docs: manifest + storybook build in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
const tests = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    'test/stories.test.mjs',
    'test/end-to-end.test.mjs',
    'test/start.test.mjs',
  ],
  { cwd: docs, stdio: 'inherit' },
);
console.log(`docs: build and tests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(tests.status ?? 1);
