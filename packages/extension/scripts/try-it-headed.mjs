#!/usr/bin/env node
// The README's "Try it" path, driven in a headed Chromium as a host would walk it, for the
// screenshots in docs/screenshots/try-it-*.png. A manual tool, never part of `test`: it needs an
// X display (e.g. Xvfb), `xdotool` to answer Chromium's permission prompt (browser UI, which no
// page script or DevTools call can reach) and ImageMagick's `import` to photograph that prompt.
//
//   npm start                                     # in another terminal: sandbox, fixtures, ...
//   pnpm --filter @seam-codes/extension build
//   Xvfb :99 -screen 0 1400x1000x24 &
//   DISPLAY=:99 SEAM_TOKEN=<client session token from the banner> \
//     node packages/extension/scripts/try-it-headed.mjs --sandbox http://127.0.0.1:8787 \
//     --fixtures http://127.0.0.1:8790/
//
// The token comes from the environment (a command line shows in `ps`) and is typed into the
// options page, never logged. The unpacked extension is loaded with --load-extension, which is
// what chrome://extensions → Load unpacked does; step 1 shows it there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromePath, packageDir } from '../test/helpers.mjs';

const { values } = parseArgs({
  options: {
    sandbox: { type: 'string', default: 'http://127.0.0.1:8787' },
    fixtures: { type: 'string', default: 'http://127.0.0.1:8790/' },
    reservation: { type: 'string', default: 'dashboard.hostaway.com/reservations/123461' },
  },
});
const token = process.env.SEAM_TOKEN;
if (!process.env.DISPLAY || !token) {
  console.error('Needs DISPLAY (an X server such as Xvfb) and SEAM_TOKEN (see the header).');
  process.exit(2);
}
const extensionDir = join(packageDir, '.output/chrome-mv3');
const shots = join(packageDir, 'docs/screenshots');
const step = (name) => console.log(`• ${name}`);
const screen = (file) => execFileSync('import', ['-window', 'root', join(shots, file)]);
const xdotool = (...args) => execFileSync('xdotool', args, { encoding: 'utf8' }).trim();

const profile = mkdtempSync(join(tmpdir(), 'seam-try-it-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromePath,
  headless: false,
  viewport: null,
  args: [
    '--no-sandbox',
    '--no-first-run',
    '--disable-gpu',
    '--window-position=0,0',
    '--window-size=1400,1000',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ],
});
try {
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const id = new URL(worker.url()).host;
  const [first] = context.pages();

  step('1. the unpacked extension in chrome://extensions');
  await first.goto('chrome://extensions');
  await first.waitForTimeout(800);
  await first.screenshot({ path: join(shots, 'try-it-1-extensions.png') });

  step('2. options: credentials from the sandbox banner, Save, Test connection');
  const options = first;
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.locator('select[name="kind"]').selectOption('client_session_token');
  await options.locator('input[name="endpoint"]').fill(values.sandbox);
  await options.locator('input[name="clientSessionToken"]').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await options
    .locator('[data-field="status"]', { hasText: 'Connected with a client session token' })
    .waitFor();
  await options.getByRole('button', { name: 'Test connection' }).click();
  await options
    .locator('[data-field="test"]', { hasText: /Connected:|Not connected:/ })
    .waitFor({ timeout: 20_000 });
  console.log(`  test connection: ${await options.locator('[data-field="test"]').textContent()}`);
  await options.screenshot({ path: join(shots, 'try-it-2-options.png'), fullPage: true });

  step('3. options: add the fixture origin; Chromium asks for the optional host permission');
  await options.locator('input[name="origin"]').fill(values.fixtures);
  const added = options.getByRole('button', { name: 'Add' }).click();
  await options.waitForTimeout(1500); // the prompt is browser UI: wait for it to paint
  screen('try-it-3-permission-prompt.png');
  // Answer it from the keyboard as a host would: the prompt has the focus, on Deny (its default
  // button); Tab moves to Allow and Return presses it. xdotool's keys go through XTEST, like a
  // real keyboard, to the focused window.
  if (!process.env.TRY_IT_MANUAL) {
    xdotool('key', 'Tab');
    await options.waitForTimeout(300);
    xdotool('key', 'Return');
  }
  await added;
  await options
    .getByText(/Added\. Open/)
    .waitFor({ timeout: process.env.TRY_IT_MANUAL ? 300_000 : 10_000 });
  console.log(`  ${await options.getByText(/Added\. Open/).textContent()}`);
  await options.screenshot({ path: join(shots, 'try-it-4-origin-added.png'), fullPage: true });

  step('4. the fixture index page, then a reservation');
  const page = await context.newPage();
  await page.goto(values.fixtures);
  await page.screenshot({ path: join(shots, 'try-it-5-fixture-index.png') });
  await page.locator(`a[href="/${values.reservation}"]`).click();
  const { waitForChip, clickChip, panelFrame } = await import('../e2e/harness.mjs');
  await waitForChip(page, (c) => c.kind === 'ready');
  await page.screenshot({ path: join(shots, 'try-it-6-chip.png') });

  step('5. chip → panel → choose the lock → create');
  await clickChip(page);
  const frame = await panelFrame(page);
  const chooser = frame.locator('form[data-step="map"]');
  await chooser.waitFor();
  // The sandbox's keypad lock in the listing's zone would be the natural pick; take the first lock
  // and, when the panel says the page's zone and the lock's differ, side with the page.
  await frame.locator('form[data-step="map"] input').first().check();
  await page.screenshot({ path: join(shots, 'try-it-7-choose-lock.png') });
  await frame.getByRole('button', { name: 'Use for this listing' }).click();
  const creator = frame.locator('seam-code-creator');
  const zone = frame.locator('[data-notice="zone"]');
  await zone
    .or(creator.getByRole('button', { name: 'Create code' }))
    .first()
    .waitFor();
  if (await zone.isVisible()) {
    await page.screenshot({ path: join(shots, 'try-it-8-zone-check.png') });
    await zone.getByRole('button').click();
  }
  await creator.getByRole('button', { name: 'Create code' }).waitFor();
  await page.screenshot({ path: join(shots, 'try-it-9-creator.png') });
  await creator.getByRole('button', { name: 'Create code' }).click();
  const started = Date.now();
  await waitForChip(page, (c) => c.kind === 'code', { timeout: 30_000 });
  await page.screenshot({ path: join(shots, 'try-it-10-setting.png') });

  step('6. set on the lock');
  const set = await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active', {
    timeout: 10 * 60_000,
  });
  console.log(`  chip: "${set.text}" after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await page.screenshot({ path: join(shots, 'try-it-11-set.png') });

  step('7. the toolbar popup lists it');
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 320 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.locator('li').first().waitFor();
  await popup.screenshot({ path: join(shots, 'try-it-12-popup.png') });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
