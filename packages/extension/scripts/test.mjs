#!/usr/bin/env node
// The package's tests: build and zip the extension for Chrome and Firefox (the e2e tests load the
// Chrome build), then every test file with node --test (TAP, which the repo's counter reads).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!process.argv.includes('--no-build')) {
  run('pnpm', ['exec', 'wxt', 'zip', '-b', 'firefox']);
  run('pnpm', ['exec', 'wxt', 'zip', '-b', 'chrome']);
}
const files = ['test', 'e2e'].flatMap((folder) => {
  try {
    return readdirSync(join(dir, folder))
      .filter((f) => f.endsWith('.test.mjs'))
      .sort()
      .map((f) => `${folder}/${f}`);
  } catch {
    return [];
  }
});
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
run(process.execPath, [
  '--test',
  '--test-reporter=tap',
  '--test-concurrency=1',
  ...(only.length ? only : files),
]);
