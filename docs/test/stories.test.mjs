/* global document -- the functions passed to page.evaluate run in the page. */
// Visits every entry of the built site's index.json (stories and docs pages) in Debian's
// Chromium: no console error, no page error, axe-clean, and a screenshot of each kept in
// test-artifacts/screenshots/ (gitignored). Needs `storybook build` first (scripts/test.mjs).
// Two tabs load the preview once each and switch stories over Storybook's channel, as the
// manager does: a reload per story would parse the preview bundle 80 times on a busy machine.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launch } from './browser.mjs';

const site = fileURLToPath(new URL('../storybook-static', import.meta.url));
const shots = fileURLToPath(new URL('../test-artifacts/screenshots/', import.meta.url));
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const index = JSON.parse(readFileSync(`${site}/index.json`, 'utf8'));
const entries = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' || entry.type === 'docs',
);
const TABS = 2;
/** The element stories run once more in the dark theme and in German (contrast, longer words). */
const DARK_GERMAN = 'theme:dark;locale:de';
const runs = [
  ...entries.map((entry) => [entry, '']),
  ...entries
    .filter((entry) => entry.type === 'story' && /^(creator|status)-/.test(entry.id))
    .map((entry) => [entry, DARK_GERMAN]),
];
const firstStory = entries.find((entry) => entry.type === 'story');
/**
 * Axe rules waived on one page, each with its reason. Keep this short: it is for content this
 * site embeds from elsewhere in the repository, which is fixed there.
 */
const WAIVED = {};

/** The custom state each story must reach: the phase or view it is named after. */
const EXPECTED = {
  'status-phases--loading': 'loading',
  'status-phases--programming': 'programming',
  'status-phases--active': 'active',
  'status-phases--pending': 'pending',
  'status-phases--scheduled': 'scheduled',
  'status-phases--delayed': 'delayed',
  'status-phases--failed': 'failed',
  'status-phases--awaiting-code': 'awaiting_code',
  'status-phases--unknown': 'unknown',
  'status-phases--removing': 'removing',
  'status-phases--removing-failed': 'removing_failed',
  'status-phases--removed': 'removed',
  'status-phases--used': 'used',
  'status-phases--expired': 'removed',
  'status-phases--degraded-during-a-429-storm': 'degraded',
  'status-phases--submitting': 'submitting',
  'status-phases--rejected': 'rejected',
  'creator-situations--refused-no-keypad-possible': 'cannot',
  'creator-situations--refused-keypad-disconnected': 'cannot',
  'creator-situations--refused-lock-full': 'cannot',
  'creator-situations--refused-account-disconnected': 'cannot',
  'creator-situations--refused-not-in-this-session': 'error',
  'creator-situations--refused-unknown-lock': 'error',
  'creator-situations--api-key-refused-in-a-page': 'error',
  'creator-situations--publishable-key-without-user': 'error',
  'creator-each-lock--built-in-keypad': 'ready',
  'creator-each-lock--no-access-codes': 'cannot',
};

let server;
let browser;
/**
 * Tabs by toolbar globals ('' = the defaults), opened as needed, at most TABS per set; each has
 * the problems seen since its current entry started.
 */
const pools = new Map();

async function openTab(globals) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const tab = { page, problems: [], current: firstStory.id };
  page.on('console', (message) => {
    if (message.type() === 'error') tab.problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => tab.problems.push(`page error: ${error.message}`));
  const query = globals ? `&globals=${globals}` : '';
  await page.goto(`${server.url}iframe.html?id=${firstStory.id}&viewMode=story${query}`);
  await page.waitForFunction(() => globalThis.__STORYBOOK_ADDONS_CHANNEL__ !== undefined);
  await page.addScriptTag({ content: axeSource });
  return tab;
}

async function takeTab(globals) {
  let pool = pools.get(globals);
  if (pool === undefined) {
    pool = { idle: [], waiting: [], opened: 0 };
    pools.set(globals, pool);
  }
  const tab = pool.idle.pop();
  if (tab) return tab;
  if (pool.opened < TABS) {
    pool.opened += 1;
    return openTab(globals);
  }
  return new Promise((resolve) => pool.waiting.push(resolve));
}
function giveBack(globals, tab) {
  const pool = pools.get(globals);
  const next = pool.waiting.shift();
  if (next) next(tab);
  else pool.idle.push(tab);
}

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startStaticServer({ root: site });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Shows an entry in the tab and waits until it is ready and no element is still loading. */
async function show(tab, entry) {
  const { page } = tab;
  const docs = entry.type === 'docs';
  // Resolves when Storybook says it rendered this entry (storyRendered / docsRendered).
  await page.evaluate(
    ({ id, docs, again }) =>
      new Promise((resolve, reject) => {
        const channel = globalThis.__STORYBOOK_ADDONS_CHANNEL__;
        const event = docs ? 'docsRendered' : 'storyRendered';
        const done = (rendered) => {
          if (rendered !== id) return;
          channel.off(event, done);
          resolve();
        };
        channel.on(event, done);
        setTimeout(() => reject(new Error(`Storybook did not render ${id} within 20 s`)), 20_000);
        if (again) channel.emit('forceRemount', { storyId: id });
        else channel.emit('setCurrentStory', { storyId: id, viewMode: docs ? 'docs' : 'story' });
      }),
    { id: entry.id, docs, again: tab.current === entry.id },
  );
  tab.current = entry.id;
  await page.waitForFunction(
    ({ id, docs }) => {
      if (docs) return document.querySelector('#storybook-docs .sbdocs-content') !== null;
      const root = document.querySelector('#storybook-root');
      if (root === null || root.childElementCount === 0) return false;
      const story = root.querySelector('.seam-story');
      if (story !== null && (story.dataset.storyId !== id || story.dataset.ready === undefined))
        return false;
      if (id === 'status-phases--loading') return true; // it stays loading on purpose
      return ![...root.querySelectorAll('seam-code-creator, seam-code-status')].some((element) =>
        element.matches(':state(loading)'),
      );
    },
    { id: entry.id, docs },
    { timeout: 20_000 },
  );
  await page.waitForTimeout(docs ? 500 : 200);
}

describe('every story and docs page', { concurrency: TABS }, () => {
  for (const [entry, globals] of runs) {
    it(`${entry.type} ${entry.id}${globals ? ` (${globals})` : ''}`, async () => {
      const tab = await takeTab(globals);
      tab.problems = [];
      try {
        const docs = entry.type === 'docs';
        await show(tab, entry);
        const ready = await tab.page.evaluate(
          () => document.querySelector('.seam-story')?.getAttribute('data-ready') ?? 'n/a',
        );
        assert.notEqual(ready, 'error', 'the story could not start');
        if (EXPECTED[entry.id]) {
          const reached = await tab.page.evaluate(
            (state) =>
              document
                .querySelector(
                  '#storybook-root seam-code-status, #storybook-root seam-code-creator',
                )
                ?.matches(`:state(${state})`),
            EXPECTED[entry.id],
          );
          assert.equal(reached, true, `the element is in :state(${EXPECTED[entry.id]})`);
        }
        const violations = await tab.page.evaluate(
          async ({ docsPage, waived }) => {
            const rules = {
              // A story is a fragment of a page: page-level landmark rules do not apply to it.
              region: { enabled: false },
              'landmark-one-main': { enabled: false },
              'page-has-heading-one': { enabled: false },
            };
            for (const rule of waived) rules[rule] = { enabled: false };
            const result = await globalThis.axe.run(
              docsPage ? '#storybook-docs' : '#storybook-root',
              {
                resultTypes: ['violations'],
                rules,
              },
            );
            return result.violations.map(
              (violation) =>
                `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
                  .slice(0, 3)
                  .map((node) => node.target.join(' '))
                  .join(', ')}`,
            );
          },
          { docsPage: docs, waived: WAIVED[entry.id] ?? [] },
        );
        const suffix = globals ? `.${globals.replace(/[^a-z]+/gi, '-')}` : '';
        await tab.page.screenshot({ path: `${shots}${entry.id}${suffix}.png`, fullPage: true });
        assert.deepEqual(tab.problems, [], 'console or page errors');
        assert.deepEqual(violations, [], 'axe violations');
      } finally {
        giveBack(globals, tab);
      }
    });
  }
});
