#!/usr/bin/env node
// The README's commands: `npm test`, `npm start`, `npm run bench`. Needs only Node 20.19+.
// Each one installs what it needs first: pnpm at the pinned version (into .tools/ when it is not
// on PATH), the workspace dependencies from the frozen lockfile, and Chromium when a browser runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const task = process.argv[2];
const tasks = {
  test: { browser: true, run: ['run', 'check'] },
  // Sandbox, relay, docs site and extension fixtures; arguments after `--` reach docs/scripts/serve.mjs
  // (e.g. `npm start -- --speed 60`).
  start: { browser: false, run: ['run', 'serve', ...process.argv.slice(3)] },
  bench: { browser: true, run: ['run', 'bench:all'] },
  // The sandbox alone over HTTP; arguments after `--` go to `seam-sandbox serve` (e.g. --port 9000).
  sandbox: {
    browser: false,
    run: [
      '--filter',
      '@seam-codes/sandbox',
      'exec',
      'sh',
      '-c',
      'node scripts/build.mjs && node dist/cli.js serve "$@"',
      'seam-sandbox',
      ...process.argv.slice(3),
    ],
  },
};
if (!tasks[task]) fail(`usage: node scripts/run.mjs <${Object.keys(tasks).join('|')}>`);

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  return result.status ?? 1;
}

function versionOf(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function ensurePnpm() {
  if (versionOf('pnpm') === pinned) return 'pnpm';
  const local = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
  if (versionOf(local) === pinned) return local;
  console.log(`• installing pnpm ${pinned} into .tools/ (the pinned version; see toolchain notes)`);
  const status = run('npm', [
    'install',
    '--prefix',
    join(root, '.tools'),
    '--no-audit',
    '--no-fund',
    `pnpm@${pinned}`,
  ]);
  if (status !== 0 || versionOf(local) !== pinned)
    fail(`could not install pnpm ${pinned} with npm`);
  return local;
}

function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  return candidates.find((path) => path && existsSync(path));
}

function ensureChromium() {
  let path = findChromium();
  if (
    !path &&
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    existsSync('/usr/bin/apt-get')
  ) {
    console.log('• installing Chromium from Debian packages (apt-get install -y chromium)');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    path = findChromium();
  }
  if (!path) {
    fail(
      'The browser tests need Chromium or Chrome, and none was found.\n' +
        '  On Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  Elsewhere: install Chromium or Chrome and set CHROME_PATH=/path/to/the/binary',
    );
  }
  return path;
}

const pnpm = ensurePnpm();
const env = { ...process.env };
if (pnpm !== 'pnpm') env.PATH = `${dirname(pnpm)}:${process.env.PATH}`;
if (run(pnpm, ['install', '--frozen-lockfile'], { env }) !== 0) fail('pnpm install failed');
if (tasks[task].browser) env.CHROME_PATH = ensureChromium();
if (task !== 'test') {
  // Long-running: the servers run in a process group of their own, and a signal to this process
  // (Ctrl-C reaches the whole terminal group; a process manager or `kill` reaches this pid only)
  // goes to all of them, so nothing is left listening.
  const child = spawn(pnpm, tasks[task].run, {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    });
  }
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  runTests();
}

function runTests() {
  // Tests: stream the output as it comes and add up what each runner reports (vitest, web-test-runner,
  // node --test), so the run ends with one plain total line.
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let lastWtrProgress = null;
  const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
  function count(line) {
    const text = line.replace(ansi, '');
    const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(text);
    if (vitest) {
      for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
        totals[kind === 'todo' ? 'skipped' : kind] += Number(n);
      }
      return;
    }
    // web-test-runner repeats its progress line as files finish: count the last one of each run.
    const wtr = /test files? \| (\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/.exec(text);
    if (wtr) {
      lastWtrProgress = wtr;
      return;
    }
    if (/^Finished running tests/.test(text.trim()) && lastWtrProgress) {
      totals.passed += Number(lastWtrProgress[1]);
      totals.failed += Number(lastWtrProgress[2]);
      totals.skipped += Number(lastWtrProgress[3] ?? 0);
      lastWtrProgress = null;
      return;
    }
    const node = /^# (pass|fail|skipped) (\d+)\s*$/.exec(text);
    if (node)
      totals[{ pass: 'passed', fail: 'failed', skipped: 'skipped' }[node[1]]] += Number(node[2]);
  }
  const child = spawn(pnpm, tasks.test.run, {
    cwd: root,
    env,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let pending = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const lines = (pending + chunk.toString('utf8')).split(/\r?\n/);
    pending = lines.pop() ?? '';
    lines.forEach(count);
  });
  child.on('close', (code) => {
    if (pending) count(pending);
    console.log(
      `\nTotal: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
    );
    process.exit(code ?? 1);
  });
}
