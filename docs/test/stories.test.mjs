// Visits every entry of the built site's index.json (stories and docs pages) in Debian's
// Chromium: no console error, no page error, axe-clean, and a screenshot of each kept in
// test-artifacts/screenshots/ (gitignored). Needs `storybook build` first (scripts/test.mjs).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launch } from './browser.mjs';

const site = fileURLToPath(new URL('../storybook-static', import.meta.url));
const shots = fileURLToPath(new URL('../test-artifacts/screenshots/', import.meta.url));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(readFileSync(`${site}/index.json`, 'utf8'));
const entries = Object.values(index.entries).filter((entry) => entry.type === 'story' || entry.type === 'docs');

let server;
let browser;
before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startStaticServer({ root: site });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the story says it is ready and no element is still loading. */
async function settled(page, docs) {
  if (docs) {
    await page.waitForSelector('.sbdocs-content', { timeout: 15_000 });
  } else {
    await page.waitForFunction(
      () => {
        const root = document.querySelector('#storybook-root');
        if (root === null || root.childElementCount === 0) return false;
        const story = root.querySelector('.seam-story');
        if (story !== null && story.dataset.ready === undefined) return false;
        return ![...root.querySelectorAll('seam-code-creator, seam-code-status')].some((element) =>
          element.matches(':state(loading)'),
        );
      },
      null,
      { timeout: 15_000 },
    );
  }
  await page.waitForTimeout(300);
}

describe('every story and docs page', { concurrency: 2 }, () => {
  for (const entry of entries) {
    it(`${entry.type} ${entry.id}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      try {
        const docs = entry.type === 'docs';
        await page.goto(`${server.url}iframe.html?id=${entry.id}&viewMode=${docs ? 'docs' : 'story'}`);
        await settled(page, docs);
        const state = await page.evaluate(
          () => document.querySelector('.seam-story')?.getAttribute('data-ready') ?? 'n/a',
        );
        assert.notEqual(state, 'error', 'the story could not start');
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async (docsPage) => {
          const result = await globalThis.axe.run(docsPage ? '#storybook-docs' : '#storybook-root', {
            resultTypes: ['violations'],
            // A story is a fragment of a page: page-level landmark rules do not apply to it.
            rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
          });
          return result.violations.map(
            (violation) =>
              `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
                .slice(0, 3)
                .map((node) => node.target.join(' '))
                .join(', ')}`,
          );
        }, docs);
        await page.screenshot({ path: `${shots}${entry.id}.png`, fullPage: true });
        assert.deepEqual(problems, [], 'console or page errors');
        assert.deepEqual(violations, [], 'axe violations');
      } finally {
        await page.close();
      }
    });
  }
});
