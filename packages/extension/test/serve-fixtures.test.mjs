/* global fetch */
// The fixture server the docs' start command uses: every page at its site-mimicking path, an index.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturePages } from '../fixtures/catalogue.mjs';
import { startFixtureServer } from '../scripts/serve-fixtures.mjs';
import { packageDir } from './helpers.mjs';

test('startFixtureServer serves every example at /<host><path>, an index, and 404 elsewhere', async () => {
  const { url, close } = await startFixtureServer();
  try {
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await (await fetch(url)).text();
    for (const page of fixturePages) {
      for (const example of page.examples) {
        assert.ok(
          index.includes(`/${page.host}${example}`.replace(/&/g, '&#38;')),
          `index lists ${example}`,
        );
        const response = await fetch(`${url}${page.host}${example}`);
        assert.equal(response.status, 200, `${page.host}${example}`);
        assert.match(await response.text(), /<!doctype html>/i);
      }
    }
    assert.equal((await fetch(`${url}www.airbnb.com/elsewhere`)).status, 404);
  } finally {
    await close();
  }
});

test('serve-fixtures.mjs runs as a CLI and prints its URL', async () => {
  const child = spawn(
    process.execPath,
    [join(packageDir, 'scripts/serve-fixtures.mjs'), '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const url = await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(String(chunk));
        if (match) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    assert.equal((await fetch(url)).status, 200);
  } finally {
    child.kill('SIGTERM');
  }
});
