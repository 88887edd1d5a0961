// Takes the key screenshots committed under docs/screenshots/ from the built site:
//   pnpm --filter @seam-codes/docs run build && node docs/scripts/screenshots.mjs
/* global document -- the functions passed to page.evaluate run in the page. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../test/browser.mjs';
import { startStaticServer } from './static-server.mjs';

const site = fileURLToPath(new URL('../storybook-static', import.meta.url));
const out = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** [file name, entry id, view mode, globals, what to do before the shot] */
const SHOTS = [
  ['site-introduction', 'start-here-introduction--docs', 'manager'],
  ['creator-built-in-keypad', 'creator-each-lock--built-in-keypad', 'story'],
  [
    'creator-refused-keypad-disconnected',
    'creator-situations--refused-keypad-disconnected',
    'story',
  ],
  ['creator-nuki-pin-rule', 'creator-situations--nuki-pin-may-not-start-with-12', 'story'],
  ['creator-dst-skipped-hour', 'creator-situations--spring-forward-skipped-hour', 'story'],
  ['creator-dark-german', 'creator-each-lock--nuki', 'story', 'theme:dark;locale:de'],
  ['status-delayed', 'status-phases--delayed', 'story'],
  ['status-failed-dark-german', 'status-phases--failed', 'story', 'theme:dark;locale:de'],
  ['status-removing-failed', 'status-phases--removing-failed', 'story'],
  ['status-failed', 'status-phases--failed', 'story'],
  ['status-used', 'status-phases--used', 'story'],
  ['status-degraded-429', 'status-phases--degraded-during-a-429-storm', 'story'],
  ['guest-stay', 'walkthroughs-guest-stay--guest-stay', 'story', '', 'Play the whole stay'],
  ['playground', 'playground--playground', 'story'],
  ['api-seam-code-status', 'api-seam-code-status--docs', 'docs'],
  ['troubleshooting', 'guides-troubleshooting--docs', 'docs'],
];

mkdirSync(out, { recursive: true });
const server = await startStaticServer({ root: site });
const browser = await launch();
try {
  for (const [name, id, mode, globals = '', click] of SHOTS) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const query = globals ? `&globals=${globals}` : '';
    if (mode === 'manager') {
      await page.goto(`${server.url}?path=/docs/${id}${query}`);
      await page.frameLocator('#storybook-preview-iframe').locator('.sbdocs-content').waitFor();
    } else {
      await page.goto(`${server.url}iframe.html?id=${id}&viewMode=${mode}${query}`);
      if (mode === 'docs') await page.locator('.sbdocs-content').waitFor();
      else await page.locator('.seam-story[data-ready="true"]').waitFor();
    }
    if (click) {
      await page.getByRole('button', { name: click }).click();
      await page.waitForFunction(() => document.querySelectorAll('[data-done="yes"]').length === 5);
    }
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}${name}.png`, fullPage: mode !== 'manager' });
    await page.close();
    console.log(`screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
