/* global document, location, parent, localStorage, sessionStorage -- the functions passed to page.evaluate run in the page. */
// Stories driven as a host would, by keyboard and mouse, in the built site: create a code, move
// the virtual clock, see it active on the lock; and the guest-stay walkthrough from reservation
// to expiry. Needs `storybook build` first (scripts/test.mjs).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launch } from './browser.mjs';

const site = fileURLToPath(new URL('../storybook-static', import.meta.url));
let server;
let browser;
before(async () => {
  server = await startStaticServer({ root: site });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(id, globals = '') {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(
    `${server.url}iframe.html?id=${id}&viewMode=story${globals ? `&globals=${globals}` : ''}`,
  );
  await page.waitForSelector('.seam-story[data-ready]');
  return { page, problems };
}

test('create a code on the happy-path lock, advance the clock, see it active', async () => {
  const { page, problems } = await open('creator-each-lock--built-in-keypad');
  const creator = page.locator('seam-code-creator');
  await creator.locator('#code').waitFor();
  // A wrong PIN first: the field says why and nothing is sent.
  await creator.locator('#code').click();
  await page.keyboard.type('12');
  await creator.locator('#submit').click();
  await page.waitForFunction(() =>
    document.querySelector('seam-code-creator').matches(':state(invalid)'),
  );
  assert.equal(await creator.locator('#code').getAttribute('aria-invalid'), 'true');
  // Then a good one, submitted with Enter.
  await creator.locator('#code').fill('');
  await creator.locator('#code').click();
  await page.keyboard.type('4827');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    document.querySelector('seam-code-creator').matches(':state(created)'),
  );
  const status = creator.locator('seam-code-status');
  await status.waitFor();
  assert.equal(
    await status.evaluate((el) => el.matches(':state(active)')),
    false,
    'not active before the lock set it',
  );
  await page.getByRole('button', { name: '+1 min' }).click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('seam-code-creator')
        .shadowRoot.querySelector('seam-code-status')
        ?.matches(':state(active)'),
    null,
    { timeout: 10_000 },
  );
  assert.match(await status.locator('[part~="phase"]').innerText(), /active/i);
  assert.deepEqual(problems, []);
  await page.close();
});

test('guest stay: reservation, code, verified, used, expired on the virtual clock', async () => {
  const { page, problems } = await open('walkthroughs-guest-stay--guest-stay');
  await page.locator('seam-code-creator #submit').waitFor();
  await page.getByRole('button', { name: 'Play the whole stay' }).click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-step][data-done="yes"]').length === 5,
    null,
    { timeout: 30_000 },
  );
  assert.equal(await page.locator('[data-phase]').innerText(), 'removed');
  assert.deepEqual(problems, []);
  await page.screenshot({
    path: fileURLToPath(new URL('../test-artifacts/guest-stay-played.png', import.meta.url)),
    fullPage: true,
  });
  await page.close();
});

test('toolbar: an injected fault reaches the lock (offline), and the German strings apply', async () => {
  const { page, problems } = await open(
    'creator-each-lock--built-in-keypad',
    'fault:offline;locale:de',
  );
  const creator = page.locator('seam-code-creator');
  await creator.locator('[part~="capabilities"]').waitFor();
  assert.match(await creator.locator('[part~="capabilities"]').innerText(), /offline/i);
  assert.match(await creator.locator('#submit').innerText(), /Code anlegen/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('toolbar: a running clock moves the virtual time', async () => {
  const { page, problems } = await open('creator-each-lock--built-in-keypad', 'speed:3600');
  const clock = page.locator('.seam-bar-clock');
  const first = await clock.innerText();
  assert.match(first, /×3600/);
  await page.waitForFunction(
    (before) => document.querySelector('.seam-bar-clock').textContent !== before,
    first,
    { timeout: 10_000 },
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('real Seam: the pasted token stays in memory (not the URL, storage or cookies)', async () => {
  const { page } = await open('creator-each-lock--built-in-keypad', 'backend:seam');
  assert.equal(
    await page.evaluate(() => document.querySelector('.seam-story').dataset.ready),
    'needs-token',
  );
  const token = 'seam_cst_docs_test_memory_only_1234567890';
  await page.getByLabel('Client session token').fill(token);
  await page.getByRole('button', { name: 'List my locks' }).click();
  // No network here: Seam cannot answer, and the form says so.
  await page.getByRole('alert').waitFor();
  const leaks = await page.evaluate((secret) => {
    const found = [];
    if (location.href.includes(secret) || parent.location.href.includes(secret)) found.push('URL');
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i += 1) {
        if ((store.getItem(store.key(i)) ?? '').includes(secret)) found.push('storage');
      }
    }
    if (document.cookie.includes(secret)) found.push('cookie');
    return found;
  }, token);
  assert.deepEqual(leaks, []);
  await page.close();
});

test('playground: another lock picked, a code created, its status listed and followed', async () => {
  const { page, problems } = await open('playground--playground');
  await page.locator('.seam-playground-pick select').selectOption({ label: 'nuki' });
  const creator = page.locator('seam-code-creator');
  await page.waitForFunction(() =>
    document
      .querySelector('seam-code-creator')
      .shadowRoot.textContent.includes('Must not start with 12'),
  );
  await creator.locator('#code').fill('456789');
  await creator.locator('#submit').click();
  const listed = page.locator('.seam-playground-codes seam-code-status');
  await listed.waitFor();
  await page.getByRole('button', { name: '+1 min' }).click();
  await page.waitForFunction(() =>
    document.querySelector('.seam-playground-codes seam-code-status').matches(':state(active)'),
  );
  assert.equal(await listed.count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});
