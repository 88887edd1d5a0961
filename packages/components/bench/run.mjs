// `pnpm bench` for the components: bundle sizes against @seamapi/react's elements, and the render
// and request figures of 500 <seam-code-status> on one verifier in headless Chromium. Prints one
// figure per line, `name: value unit`, measured in this run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGET_GZIP_BYTES, measureSizes } from './sizes.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const kB = (bytes) => (bytes / 1000).toFixed(2);
const print = (name, value, unit = '') => console.log(`${name}: ${value}${unit ? ` ${unit}` : ''}`);

const sizes = await measureSizes();
print('components.bundle.both.min', kB(sizes.both.minified), 'kB');
print('components.bundle.both.gzip', kB(sizes.both.gzip), 'kB');
print('components.bundle.creator.gzip', kB(sizes.creator.gzip), 'kB');
print('components.bundle.status.gzip', kB(sizes.status.gzip), 'kB');
const partsTotal = Object.values(sizes.parts).reduce((sum, bytes) => sum + bytes, 0);
for (const [part, bytes] of Object.entries(sizes.parts)) {
  print(`components.bundle.both.share.${part}`, ((100 * bytes) / partsTotal).toFixed(0), '%');
}
print(`seamapi-react@${sizes.anchor.version}.elements.raw`, kB(sizes.anchor.raw), 'kB');
print(`seamapi-react@${sizes.anchor.version}.elements.gzip`, kB(sizes.anchor.gzip), 'kB');
print(
  'components.bundle.both.gzip.vs-seamapi-react',
  (sizes.both.gzip / sizes.anchor.gzip).toFixed(3),
  '×',
);
const over = sizes.both.gzip - BUDGET_GZIP_BYTES;
print(
  'components.bundle.both.gzip.budget',
  `${kB(BUDGET_GZIP_BYTES)} kB; ${over > 0 ? `over by ${kB(over)} kB` : `${kB(-over)} kB to spare`}`,
);

const workDir = mkdtempSync(join(tmpdir(), 'seam-components-bench-'));
const output = join(workDir, 'render.json');
try {
  const run = spawnSync('npx', ['wtr', '--config', 'bench/wtr.bench.config.mjs'], {
    cwd: packageDir,
    env: { ...process.env, SEAM_BENCH_OUTPUT: output },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error('the render bench failed in Chromium');
  }
  const render = JSON.parse(readFileSync(output, 'utf8'));
  for (const [name, result] of Object.entries({
    poll: render.poll,
    'poll+events': render.pollAndEvents,
  })) {
    const prefix = `components.status×${render.count}.${name}`;
    print(`${prefix}.first-render`, result.firstRenderMs.toFixed(0), 'ms');
    print(`${prefix}.first-state`, result.firstStateMs.toFixed(0), 'ms');
    print(`${prefix}.shown-active`, `${result.shown}/${render.count}`);
    print(`${prefix}.requests.first-tick`, result.firstTickRequests);
    print(
      `${prefix}.requests.per-tick`,
      `${Math.max(...result.perTick)} (ticks: ${result.perTick.join(', ')})`,
    );
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
