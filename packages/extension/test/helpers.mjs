// Shared by the extension's tests: Chromium, the adapters bundled for a page, fixture routing.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { fixtureFor } from '../fixtures/catalogue.mjs';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function adaptersBundle() {
  const result = await build({
    entryPoints: [join(packageDir, 'test/harness-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: chromePath, headless: true, args: chromeArgs });
}

/** Serves fixture pages at their real URLs in this context; everything else is refused. */
export async function routeFixtures(context, { allow = () => false } = {}) {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const page = fixtureFor(url);
    if (page && route.request().resourceType() === 'document') {
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: await readFile(join(packageDir, 'fixtures', page.file)),
      });
    } else if (url.startsWith('chrome-extension://') || allow(url)) await route.continue();
    else await route.abort();
  });
}
