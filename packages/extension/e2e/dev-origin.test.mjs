// The local-fixture-server path of the README's "Try it", without the permission prompt:
// options → Local fixture server → Add → the background registers the router for that origin
// (scripting.registerContentScripts) → a fixture page at /<site host>/<path> gets the chip →
// panel → create → set.
//
// What it does not cover: Chromium's prompt itself. A headless browser cannot answer it, and no
// command-line switch or DevTools call grants an optional host permission. So the test loads a
// copy of the built extension whose manifest moves http://127.0.0.1/* from
// optional_host_permissions to host_permissions: Chromium grants it at load, and the options
// page's permissions.request() then resolves true at once, with no prompt, exactly as after a
// host pressed Allow. The prompt path was walked by hand in a headed Chromium
// (scripts/try-it-headed.mjs, docs/screenshots/try-it-3-permission-prompt.png).
/* global chrome */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { startFixtureServer } from '../scripts/serve-fixtures.mjs';
import {
  SANDBOX,
  configure,
  extensionDir,
  launchExtension,
  openCreator,
  readChip,
  seam,
  startSandbox,
  test,
  waitForChip,
} from './harness.mjs';

const LOOPBACK = 'http://127.0.0.1/*';
let sandbox;
let fixtures;
let ext;
let copy;
before(async () => {
  copy = mkdtempSync(join(tmpdir(), 'seam-ext-granted-'));
  cpSync(extensionDir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  assert.ok(manifest.optional_host_permissions.includes(LOOPBACK), 'loopback is optional');
  manifest.optional_host_permissions = manifest.optional_host_permissions.filter(
    (p) => p !== LOOPBACK,
  );
  manifest.host_permissions = [...manifest.host_permissions, LOOPBACK];
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  sandbox = await startSandbox({ speed: 60 });
  fixtures = await startFixtureServer({ port: 0 });
  ext = await launchExtension({
    dir: copy,
    allow: (url) => url.startsWith(sandbox.url) || url.startsWith(fixtures.url),
  });
});
after(async () => {
  await ext?.close();
  await fixtures?.close();
  await sandbox?.stop();
  if (copy) rmSync(copy, { recursive: true, force: true });
});

test('local fixture server: Add registers the router there; chip, panel, create, set', async () => {
  const options = await configure(ext, sandbox.url);
  const reservation = `${fixtures.url}dashboard.hostaway.com/reservations/123461`;

  // Granted but not added: nothing runs on the fixture server yet.
  const page = await ext.context.newPage();
  await page.goto(reservation);
  await page.getByRole('heading', { name: 'Noah Fischer' }).waitFor();
  await page.waitForTimeout(1000);
  assert.equal(await readChip(page), null, 'no router before the origin is added');

  // Added as npm start prints it (a trailing slash): the message names the origin once.
  await options.locator('input[name="origin"]').fill(fixtures.url);
  await options.getByRole('button', { name: 'Add' }).click();
  const added = options.getByText(/Added\. Open/);
  await added.waitFor();
  assert.equal(
    (await added.textContent()).trim(),
    `Added. Open ${fixtures.url} and pick a fixture page.`,
  );
  const registered = await options.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  assert.deepEqual(
    registered.map((r) => [r.id, r.matches, r.js]),
    [['dev-127.0.0.1', [LOOPBACK], ['router.js']]],
  );

  await page.reload();
  await waitForChip(page, (c) => c.kind === 'ready');
  const frame = await openCreator(page, SANDBOX.devices.builtInKeypad);
  const creator = frame.locator('seam-code-creator');
  await creator.getByRole('button', { name: 'Create code' }).click();
  await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active', { timeout: 30_000 });
  const made = (
    await seam(sandbox.url, '/access_codes/list', { device_id: SANDBOX.devices.builtInKeypad })
  ).access_codes.filter((c) => c.name === 'Noah · 123461');
  assert.equal(made.length, 1, 'one code reached Seam');
  assert.equal(made[0].status, 'set');
  await page.close();
  await options.close();
});
