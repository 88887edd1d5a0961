// The Firefox build through Mozilla's linter (`web-ext lint`, which runs addons-linter, the checks
// of addons.mozilla.org): no error, and no warning but the known ones below. No browser is
// involved; loading the build in Firefox is not covered by the tests (see the README).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageDir } from './helpers.mjs';

const build = join(packageDir, '.output/firefox-mv3');
const webExt = join(packageDir, 'node_modules/web-ext/bin/web-ext.js');

// Each accepted warning, with why it is there.
const known = [
  // lit-html builds each template from its static strings (never from values) with a
  // <template>'s innerHTML: the chip (reader, scan) and the options/popup pages.
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file: /^reader\.js$/,
  },
  { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: /^scan\.js$/ },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file: /^chunks\/messaging-[\w-]+\.js$/,
  },
  // The router imports the extension's own reader: import(runtime.getURL('/reader.js')).
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe call to import for argument 0',
    file: /^router\.js$/,
  },
];

test(
  'web-ext lint: the Firefox build has no error and only the known warnings',
  { skip: !existsSync(join(build, 'manifest.json')) && 'build the Firefox extension first' },
  () => {
    const run = spawnSync(
      process.execPath,
      [webExt, 'lint', '--source-dir', build, '--output', 'json', '--no-config-discovery'],
      { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    );
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.errors, [], 'no error');
    assert.equal(report.metadata.manifestVersion, 3);
    assert.equal(report.metadata.id, 'door-codes@seam-codes.example');
    const unexpected = report.warnings.filter(
      (w) =>
        !known.some((k) => k.code === w.code && k.message === w.message && k.file.test(w.file)),
    );
    assert.deepEqual(
      unexpected.map((w) => `${w.code} ${w.file}: ${w.message}`),
      [],
      'no warning but the known ones',
    );
    assert.deepEqual(report.notices, []);
  },
);
