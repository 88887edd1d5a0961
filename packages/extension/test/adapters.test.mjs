/* global location, document */
// Each fixture page, in Chromium at its real URL with the viewer's zone set, against its golden
// draft. UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing).
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { cases } from './cases.mjs';
import { adaptersBundle, launchBrowser, packageDir, routeFixtures } from './helpers.mjs';

let browser;
let bundle;
before(async () => {
  [browser, bundle] = await Promise.all([launchBrowser(), adaptersBundle()]);
});
after(() => browser?.close());

async function extractIn(page, now, timeZone) {
  await page.addScriptTag({ content: bundle });
  await page.waitForFunction(
    () => {
      const url = new URL(location.href);
      const match = globalThis.seamSites.adapterFor(url) ?? {
        adapter: globalThis.seamSites.adapters.at(-1),
      };
      return match.adapter.ready(document, url);
    },
    null,
    { timeout: 5000 },
  );
  return page.evaluate(
    ({ now, timeZone }) => {
      const url = new URL(location.href);
      const match = globalThis.seamSites.adapterFor(url) ?? {
        adapter: globalThis.seamSites.adapters.at(-1),
      };
      return match.adapter.extract(document, url, { now, viewerTimeZone: timeZone });
    },
    { now, timeZone },
  );
}

for (const c of cases) {
  test(`extract: ${c.name}`, async () => {
    const context = await browser.newContext({ timezoneId: c.timeZone });
    try {
      await routeFixtures(context);
      const page = await context.newPage();
      await page.goto(c.url);
      for (const selector of c.steps ?? []) {
        const before = page.url();
        await page.click(selector);
        await page.waitForFunction((previous) => location.href !== previous, before, {
          timeout: 5000,
        });
      }
      const draft = await extractIn(page, c.now, c.timeZone);
      const file = join(packageDir, 'fixtures', c.golden);
      if (process.env.UPDATE_GOLDEN) {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, `${JSON.stringify(draft, null, 2)}\n`);
      }
      assert.deepEqual(draft, JSON.parse(await readFile(file, 'utf8')));
      // A page's "__proto__" key stays data: no object of the page gained a property.
      assert.equal(await page.evaluate(() => ({}).polluted), undefined);
      // Nothing of a URL's query may reach a draft.
      assert.ok(
        !JSON.stringify(draft).includes('?') && !JSON.stringify(draft).includes('SESSION'),
        'no query in the draft',
      );
    } finally {
      await context.close();
    }
  });
}
