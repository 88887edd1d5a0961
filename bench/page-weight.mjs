// What a page pays for one element, measured in Chromium: the gzip bytes of every JavaScript
// file the browser fetched until the element is usable (the creator's form is interactive; the
// status shows its first state), against the sandbox over HTTP with a client session token.
// Pages as an integrator builds them with Vite (minified, templates minified as in the
// single-file module), one per entry point, plus the single-file module for comparison.
// The issue-11 budgets are 25 kB for each of the first two.
/* global fetch, document */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { minifyTemplatesPlugin } from '../packages/components/tools/minify-templates.mjs';
import { startSandboxServer } from '../packages/components/tools/sandbox-process.mjs';
import { chromiumLaunchOptions } from '../tools/web-test-runner/chromium.mjs';
import { kB, printFigure } from './lib/figures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const components = join(here, '..', 'packages', 'components');

const API_KEY = 'seam_sandbox_W1iHtLH6U60SRNprdWD1oxLi';
const BUDGET = 25_000;

/** The pages: what each imports, its element, and when that element counts as usable. */
const PAGES = {
  creator: {
    script: `import '@seam-codes/components/code-creator/define.js';`,
    element: (s) =>
      `<seam-code-creator client-session-token="${s.token}" endpoint="${s.url}" device-id="${s.device}"></seam-code-creator>`,
    usable: `document.querySelector('seam-code-creator')?.shadowRoot?.querySelector('[part~="form"]')`,
  },
  status: {
    script: `import '@seam-codes/components/code-status/define.js';`,
    element: (s) =>
      `<seam-code-status client-session-token="${s.token}" endpoint="${s.url}" access-code-id="${s.code}"></seam-code-status>`,
    usable: `document.querySelector('seam-code-status')?.shadowRoot?.querySelector('[part~="phase"]')?.textContent.trim()`,
  },
  'autoloader-creator': {
    script: `import '@seam-codes/components/autoloader.js';`,
    element: (s) => PAGES.creator.element(s),
    usable: `document.querySelector('seam-code-creator')?.shadowRoot?.querySelector('[part~="form"]')`,
  },
};

async function seam(url, route, body, token = API_KEY) {
  const response = await fetch(`${url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

const work = mkdtempSync(join(here, '.page-weight-'));
const sandbox = await startSandboxServer();
const browser = await puppeteer.launch(chromiumLaunchOptions());
let served = 0;
const server = createServer((req, res) => {
  const path = join(work, normalize(new URL(req.url, 'http://x').pathname));
  let body;
  try {
    body = readFileSync(path.endsWith('/') ? join(path, 'index.html') : path);
  } catch {
    res.writeHead(404).end();
    return;
  }
  const js = extname(path) === '.js';
  const gzipped = gzipSync(body, { level: 9 });
  if (js) served += gzipped.byteLength;
  res.writeHead(200, {
    'content-type': js ? 'text/javascript' : 'text/html',
    'content-encoding': 'gzip',
    'cache-control': 'no-store',
  });
  res.end(gzipped);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

try {
  const { devices } = await seam(sandbox.url, '/devices/list', {});
  const device = devices.find(
    (d) => d.properties?.online === true && d.can_program_online_access_codes === true,
  ).device_id;
  const accounts = [...new Set(devices.map((d) => d.connected_account_id))];
  const { client_session } = await seam(sandbox.url, '/client_sessions/get_or_create', {
    user_identifier_key: 'bench',
    connected_account_ids: accounts,
  });
  const { access_code } = await seam(sandbox.url, '/access_codes/create', {
    device_id: device,
    name: 'bench',
    code: '4827',
  });
  const setup = {
    url: sandbox.url,
    token: client_session.token,
    device,
    code: access_code.access_code_id,
  };

  const figures = {};
  for (const [name, page] of Object.entries(PAGES)) {
    const dir = join(work, name);
    writePage(dir, page, setup);
    await build({
      configFile: false,
      root: dir,
      base: './',
      logLevel: 'silent',
      plugins: [minifyTemplatesPlugin()],
      build: { outDir: 'dist', target: 'es2022', minify: true, modulePreload: false },
    });
    figures[name] = await measure(`${origin}/${name}/dist/`, page.usable);
  }
  const singleFile = join(components, 'dist', 'seam-components.js');
  if (!existsSync(singleFile)) {
    const result = spawnSync(
      'pnpm',
      ['exec', 'vite', 'build', '--config', 'vite.bundle.config.ts'],
      {
        cwd: components,
        stdio: 'inherit',
      },
    );
    if (result.status !== 0) throw new Error('building dist/seam-components.js failed');
  }
  const single = gzipSync(readFileSync(singleFile), {
    level: 9,
  }).byteLength;
  for (const [name, bytes] of Object.entries(figures)) {
    printFigure(`components.page.${name}.js-fetched.gzip`, kB(bytes), 'kB');
  }
  for (const name of ['creator', 'status']) {
    const over = figures[name] - BUDGET;
    printFigure(
      `components.page.${name}.budget`,
      `${kB(BUDGET)} kB; ${over > 0 ? `over by ${kB(over)} kB` : `${kB(-over)} kB to spare`}`,
    );
  }
  printFigure('components.single-module.gzip', kB(single), 'kB');
} finally {
  await browser.close();
  server.close();
  await sandbox.stop();
  rmSync(work, { recursive: true, force: true });
}

/** Writes the page: its HTML with the element, and its one module. */
function writePage(dir, page, setup) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.js'), page.script);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><body>${page.element(setup)}<script type="module" src="./main.js"></script></body></html>`,
  );
}

/** Loads the page, waits until the element is usable, returns the gzip JS bytes served. */
async function measure(url, usable) {
  served = 0;
  const page = await browser.newPage();
  try {
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(url);
    try {
      await page.waitForFunction(usable, { timeout: 20_000, polling: 50 });
    } catch (error) {
      const shown = await page.evaluate(() =>
        [...document.body.children].map((e) => e.shadowRoot?.innerHTML ?? e.outerHTML).join('\n'),
      );
      throw new Error(
        `${url} never became usable:\n${problems.join('\n')}\n${shown.slice(0, 2000)}`,
        {
          cause: error,
        },
      );
    }
    return served;
  } finally {
    await page.close();
  }
}
