// End to end in Debian's Chromium with the built extension, fixture pages at their real URLs and
// the sandbox over HTTP: launcher, panel, create, set, chip, SPA navigation, reload, and a
// service worker stopped mid-verification that resumes.
/* global indexedDB, chrome, document, self, window */
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import {
  SANDBOX,
  clickChip,
  configure,
  launchExtension,
  openCreator,
  panelFrame,
  readChip,
  seam,
  startSandbox,
  test,
  trace,
  waitForChip,
} from './harness.mjs';

let sandbox;
let ext;
before(async () => {
  sandbox = await startSandbox({ speed: 60 });
  ext = await launchExtension({ allow: (url) => url.startsWith(sandbox.url) });
});
after(async () => {
  await ext?.close();
  await sandbox?.stop();
});

const codesNamed = async (deviceId, name) =>
  (await seam(sandbox.url, '/access_codes/list', { device_id: deviceId })).access_codes.filter(
    (c) => c.name === name,
  );

test('configuring: credentials are typed in the options page and never reach storage.local', async () => {
  const options = await configure(ext, sandbox.url);
  const local = await options.evaluate(() => chrome.storage.local.get(null));
  assert.ok(
    !JSON.stringify(local).includes(SANDBOX.clientSessionToken),
    'no token in storage.local',
  );
  await options.close();
});

test('hostaway: launcher, panel, create, set, chip, SPA navigation, reload', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://dashboard.hostaway.com/reservations/123461');
  const ready = await waitForChip(page, (c) => c.kind === 'ready');
  assert.equal(ready.mode, 'closed');
  assert.match(ready.text, /choose the lock/);
  // The page sees the host element, never its content.
  assert.equal(
    await page.evaluate(() => document.querySelector('seam-code-launcher')?.shadowRoot ?? null),
    null,
  );

  const frame = await openCreator(page, SANDBOX.devices.builtInKeypad);
  // Mapping the listing to a lock updates the chip at once (it said "choose the lock").
  await waitForChip(page, (c) => c.kind === 'ready' && !/choose the lock/.test(c.text), {
    timeout: 5_000,
  });
  const creator = frame.locator('seam-code-creator');
  assert.equal(await creator.getByLabel('Name', { exact: true }).inputValue(), 'Noah · 123461');
  await creator.getByRole('button', { name: 'Create code' }).dblclick(); // a double click makes one code

  const set = await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active', {
    timeout: 30_000,
  });
  assert.match(set.text, /set ✓/);
  const made = await codesNamed(SANDBOX.devices.builtInKeypad, 'Noah · 123461');
  assert.equal(made.length, 1, 'exactly one code reached Seam');
  assert.equal(made[0].status, 'set');
  // The window is the stay in the listing's zone (Europe/Berlin): 15:00 yesterday to 11:00 in 3 days.
  const berlin = (iso) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  assert.equal(berlin(made[0].starts_at), '15:00');
  assert.equal(berlin(made[0].ends_at), '11:00');

  // SPA navigation to another reservation: a new chip for it; back again: the code's state.
  await page.click('a[data-nav="123456"]');
  await waitForChip(page, (c) => c.kind === 'ready' && !/choose the lock/.test(c.text));
  await page.click('a[data-nav="123461"]');
  await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active');
  // A reload keeps the state.
  await page.reload();
  await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active');
  const hosts = await page.evaluate(() => document.querySelectorAll('seam-code-launcher').length);
  assert.equal(hosts, 1, 'one launcher, however often the page re-rendered');
  await page.close();
});

test('router: a page of a site that is no reservation loads no reader until SPA navigation makes it one', async () => {
  const page = await ext.context.newPage();
  const readerLoads = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/reader.js')) readerLoads.push(request.url());
  });
  await page.goto('https://hotels.cloudbeds.com/connect/208581'); // the property, no reservation
  await page.locator('a[data-nav="9876543"]').waitFor();
  await page.waitForTimeout(500);
  assert.equal(await readChip(page), null, 'no launcher on a page that is not a reservation');
  assert.deepEqual(readerLoads, [], 'the router loaded nothing');
  // The app routes by pushState to a hash (no hashchange, no popstate): the router sees it.
  await page.click('a[data-nav="9876543"]');
  const chip = await waitForChip(page, (c) => c.kind === 'ready');
  assert.equal(chip.mode, 'closed');
  assert.equal(readerLoads.length, 1, 'the reader loaded once, on the reservation');
  // Back to the list: the reader (now in charge) takes the chip away.
  await page.goBack();
  for (let i = 0; i < 50 && (await readChip(page)); i += 1) await page.waitForTimeout(100);
  assert.equal(await readChip(page), null, 'no launcher after leaving the reservation');
  await page.close();
});

test('airbnb: a stay without a zone on the page gets the lock zone; code set; chip updates', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://www.airbnb.com/hosting/stay/HMLIVE0001');
  await waitForChip(page, (c) => c.kind === 'ready');
  const frame = await openCreator(page, SANDBOX.devices.builtInKeypad);
  const creator = frame.locator('seam-code-creator');
  assert.equal(await creator.getByLabel('Name', { exact: true }).inputValue(), 'Lena · HMLIVE0001');
  await creator.getByRole('button', { name: 'Create code' }).click();
  await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active', { timeout: 30_000 });
  const made = await codesNamed(SANDBOX.devices.builtInKeypad, 'Lena · HMLIVE0001');
  assert.equal(made.length, 1);
  // Wall times of the page read in the lock's zone (America/Los_Angeles).
  const la = (iso) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/Los_Angeles',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  assert.equal(la(made[0].starts_at), '15:00');
  await page.close();
});

test('a service worker stopped mid-verification resumes and the chip reaches "set"', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://dashboard.hostaway.com/reservations/123462');
  await waitForChip(page, (c) => c.kind === 'ready');
  const frame = await openCreator(page, SANDBOX.devices.slow);
  await frame.locator('seam-code-creator').getByRole('button', { name: 'Create code' }).click();
  await waitForChip(
    page,
    (c) => c.kind === 'code' && ['programming', 'delayed'].includes(c.phase),
    { timeout: 15_000 },
  );

  // The pending verification is in IndexedDB, without the PIN.
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  const stored = await options.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('seam-extension-verifier');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result
            .transaction('verifications')
            .objectStore('verifications')
            .getAll();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
  const pending = stored.filter((v) => !v.state.terminal);
  assert.ok(pending.length >= 1, 'a pending verification is stored');
  // Core's store keeps a stand-in (PIN_WITHHELD, never digits) where the PIN was.
  for (const v of stored)
    assert.doesNotMatch(String(v.state.snapshot?.accessCode?.code ?? ''), /\d/, 'no PIN at rest');

  // Close the panel (its own status element would wake the worker with its reads), stop the
  // service worker, then touch nothing: the alarm wakes it and the verifier resumes from IndexedDB.
  await clickChip(page);
  const [worker] = ext.context.serviceWorkers();
  await worker.evaluate(() => {
    self.beforeStop = true;
  });
  const cdp = await ext.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await options.close();
  const chipAfter = await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active', {
    timeout: 90_000,
  });
  assert.match(chipAfter.text, /set ✓/);
  assert.equal(
    await worker.evaluate(() => self.beforeStop ?? null),
    null,
    'the worker was restarted',
  );
  const made = await codesNamed(SANDBOX.devices.slow, 'Emma · 123462');
  assert.equal(made.length, 1);
  assert.equal(made[0].status, 'set');
  await page.close();
});

const allCodes = async () => {
  let count = 0;
  for (const deviceId of Object.values(SANDBOX.devices)) {
    count += (await seam(sandbox.url, '/access_codes/list', { device_id: deviceId })).access_codes
      .length;
  }
  return count;
};

test('security: a hostile page gets no credential and no PIN, and its forgeries create nothing', async () => {
  const before = await allCodes();
  const page = await ext.context.newPage();
  await page.goto('https://dashboard.hostaway.com/reservations/666666');
  await waitForChip(page, (c) => c.kind === 'ready');
  await page.waitForTimeout(1500); // the page's probe forges messages every 500 ms
  assert.equal(await allCodes(), before, 'forgeries created nothing');

  const frame = await openCreator(page, SANDBOX.devices.builtInKeypad);
  const creator = frame.locator('seam-code-creator');
  // The guest name's markup is text in the panel, never an element.
  assert.match(await frame.locator('dd[data-field="guest"]').textContent(), /img src=x onerror=/);
  assert.equal(await frame.locator('dd[data-field="guest"] img').count(), 0);
  assert.equal(await frame.evaluate(() => globalThis.__pwned ?? null), null);
  // Typed keys in the panel reach no listener of the page.
  const name = creator.getByLabel('Name', { exact: true });
  await name.fill('');
  await name.pressSequentially('Mallory 666666');
  await creator.getByRole('button', { name: 'Create code' }).click();
  await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active', { timeout: 30_000 });
  const [made] = await codesNamed(SANDBOX.devices.builtInKeypad, 'Mallory 666666');
  assert.ok(made?.code, 'the code has a PIN');
  await page.waitForTimeout(1200); // let the probe look again with the code on screen

  const loot = await page.evaluate(() => globalThis.__hostile);
  const everything = JSON.stringify(loot);
  assert.ok(!everything.includes(made.code), 'no PIN reached the page');
  assert.ok(!everything.includes(SANDBOX.clientSessionToken), 'no credential reached the page');
  assert.deepEqual(loot.keys, [], 'no keystroke typed in the panel reached the page');
  assert.ok(
    !everything.includes(ext.extensionId),
    `no message or node gave the page the extension id: ${JSON.stringify(loot.messages)}`,
  );
  // A frame inside a closed shadow root is not even in window.frames (only document-tree frames
  // are), so the page can neither read it, post to it, nor navigate it.
  assert.ok(
    loot.frames.every((f) => f.startsWith('blocked')),
    `the panel frame is unreadable: ${[...new Set(loot.frames)]}`,
  );
  assert.equal(
    await page.evaluate(() => window.frames.length),
    0,
    'the panel frame is out of reach',
  );
  assert.ok(
    loot.shadow.every((s) => !s.captured || s.captured.length === 0) &&
      loot.shadow.some((s) => s.open === false),
  );
  assert.equal(
    await page.evaluate(() => (globalThis.__capturedRoots ?? []).length),
    0,
    'attachShadow patched by the page saw nothing',
  );
  assert.ok(
    loot.runtime.every((r) => /no runtime|blocked/.test(r)),
    `no extension runtime: ${loot.runtime}`,
  );
  assert.ok(loot.storage.every((s) => s !== 'has storage'));
  assert.equal(await allCodes(), before + 1, 'only the code the user made exists');

  // The page tries to navigate frames away: it reaches none, and the panel stays ours.
  await page.evaluate(() => globalThis.__hijackPanel());
  await page.waitForTimeout(300);
  assert.ok(
    page.frames().some((f) => f.url().endsWith('/panel.html')),
    'the panel is still the extension page',
  );
  await page.close();
});

test('popup: recent codes with their live state, no PIN', async () => {
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  const item = popup.locator('li', { hasText: '123461 · Spree Apartment' });
  await item.waitFor();
  assert.match(await item.textContent(), /set ✓/);
  const [made] = await codesNamed(SANDBOX.devices.builtInKeypad, 'Noah · 123461');
  assert.ok(
    !(await popup.locator('body').textContent()).includes(made.code),
    'the popup shows no PIN',
  );
  await popup.close();
});

test('half-matching pages: the launcher says what is missing, and the panel offers no window', async () => {
  const page = await ext.context.newPage();
  await page.goto('https://dashboard.hostaway.com/reservations/123459'); // an inquiry without dates
  const chip = await waitForChip(page, (c) => c.kind === 'incomplete');
  assert.match(chip.text, /details missing/);
  await clickChip(page);
  const frame = await panelFrame(page);
  await frame.locator('[data-notice="incomplete"]').waitFor();
  assert.match(
    await frame.locator('[data-notice="incomplete"]').textContent(),
    /check-in, check-out/,
  );
  await page.goto('https://www.airbnb.com/hosting/stay/HMGONE0000');
  await waitForChip(page, (c) => c.kind === 'incomplete');
  await page.close();
});

// Every fixture site: the launcher at its anchor, the panel prefilled from the page. With
// UPDATE_SCREENSHOTS=1 the launcher and the panel are saved under docs/screenshots/.
const sites = [
  {
    site: 'airbnb',
    url: 'https://www.airbnb.com/hosting/stay/HMABCDE123',
    name: 'Ana · HMABCDE123',
  },
  {
    site: 'guesty',
    url: 'https://app.guesty.com/reservations/64f0c0ffee00aa11bb22cc33/summary',
    name: 'Lucía · GY-8QX2LM',
  },
  {
    site: 'hostaway',
    url: 'https://dashboard.hostaway.com/reservations/123456',
    name: 'Ana · HMQWERTY12',
  },
  {
    site: 'cloudbeds',
    url: 'https://hotels.cloudbeds.com/connect/208581#/reservations/9876543',
    name: 'Tomás · 9876543',
  },
  {
    site: 'booking',
    url: 'https://admin.booking.com/hotel/hoteladmin/extranet_ng/manage/booking.html?res_id=4455667788&hotel_id=10718270&lang=en&ses=SECRETSESSION',
    name: 'Sofia · 4455667788',
  },
  {
    site: 'schema-org',
    url: 'https://example-hotel.test/confirmation/jsonld',
    name: 'Grace · HTL-77812',
    scan: true,
  },
];
const shots = process.env.UPDATE_SCREENSHOTS
  ? join(dirname(fileURLToPath(import.meta.url)), '../docs/screenshots')
  : null;

for (const s of sites.filter((s) => !s.scan)) {
  test(`${s.site}: launcher at the anchor, panel prefilled from the page`, async () => {
    const page = await ext.context.newPage();
    await page.goto(s.url);
    await waitForChip(page, (c) => c.kind === 'ready');
    if (s.site === 'cloudbeds') {
      // Vue re-renders the title every 1.5 s and drops the chip: it comes back, never twice.
      const counts = [];
      for (let i = 0; i < 35; i += 1) {
        counts.push(
          await page.evaluate(() => document.querySelectorAll('seam-code-launcher').length),
        );
        await page.waitForTimeout(100);
      }
      assert.ok(Math.max(...counts) === 1, `one launcher at most: ${counts}`);
      assert.ok(
        counts.filter((n) => n === 1).length > counts.length / 2,
        `the launcher comes back: ${counts}`,
      );
      await waitForChip(page, (c) => c.kind === 'ready');
    }
    if (shots) await page.screenshot({ path: join(shots, `${s.site}-launcher.png`) });
    trace(`${s.site}: openCreator`);
    const frame = await openCreator(page, SANDBOX.devices.builtInKeypad);
    const creator = frame.locator('seam-code-creator');
    trace(`${s.site}: name`);
    assert.equal(await creator.getByLabel('Name', { exact: true }).inputValue(), s.name);
    if (shots) await page.screenshot({ path: join(shots, `${s.site}-panel.png`) });
    // Escape in the panel closes it and gives the page back.
    trace(`${s.site}: click h1`);
    await frame.locator('h1').click();
    // Key down only while the panel goes: it closes on keydown, and a keyup sent to its frame
    // while the frame is being removed may never be acknowledged, and a `press` then waits
    // forever with no timer left: the likely cause of the two hangs seen in ~25 runs, both in
    // this test (Booking.com once, Guesty once).
    trace(`${s.site}: Escape down`);
    await page.keyboard.down('Escape');
    trace(`${s.site}: wait for the panel to go`);
    for (let i = 0; i < 30 && page.frames().some((f) => f.url().endsWith('/panel.html')); i += 1)
      await page.waitForTimeout(100);
    await page.keyboard.up('Escape');
    assert.ok(
      !page.frames().some((f) => f.url().endsWith('/panel.html')),
      'Escape closed the panel',
    );
    trace(`${s.site}: close`);
    await page.close();
    trace(`${s.site}: closed`);
  });
}

// Create -> set -> chip on the other sites too, with their stays going on now.
const live = [
  {
    site: 'guesty',
    url: 'https://app.guesty.com/reservations/64f0c0ffee00aa11bb22cc44/summary',
    name: 'Kofi · GY-LIVE01',
  },
  {
    site: 'cloudbeds',
    url: 'https://hotels.cloudbeds.com/connect/208581#/reservations/9876545',
    name: 'Nadia · 9876545',
  },
  {
    site: 'booking',
    url: 'https://admin.booking.com/hotel/hoteladmin/extranet_ng/manage/booking.html?res_id=4455667790&hotel_id=10718270&lang=en&ses=SECRETSESSION',
    name: 'Marta · 4455667790',
  },
];
for (const s of live) {
  test(`${s.site}: create the code from the panel, see it set, see the chip update`, async () => {
    const page = await ext.context.newPage();
    await page.goto(s.url);
    await waitForChip(page, (c) => c.kind === 'ready');
    const frame = await openCreator(page, SANDBOX.devices.builtInKeypad);
    const creator = frame.locator('seam-code-creator');
    assert.equal(await creator.getByLabel('Name', { exact: true }).inputValue(), s.name);
    await creator.getByRole('button', { name: 'Create code' }).click();
    await waitForChip(page, (c) => c.kind === 'code' && c.phase === 'active', {
      timeout: 30_000,
    }).catch(async (error) => {
      const seen = await codesNamed(SANDBOX.devices.builtInKeypad, s.name);
      throw new Error(
        `${error.message}; at Seam: ${JSON.stringify(seen.map((c) => [c.status, c.starts_at, c.ends_at]))}`,
      );
    });
    const made = await codesNamed(SANDBOX.devices.builtInKeypad, s.name);
    assert.equal(made.length, 1);
    assert.equal(made[0].status, 'set');
    await page.close();
  });
}
