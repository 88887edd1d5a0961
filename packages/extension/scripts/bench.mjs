#!/usr/bin/env node
// `pnpm bench` for the extension: the size of each built entry point (with the chunks it loads),
// and the content script's cost on a page no adapter matches and on a reservation page, read from
// Chromium's performance timeline (trace events attributed to content-scripts/pms.js).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchExtension } from '../e2e/harness.mjs';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(dir, '.output/chrome-mv3');
if (!process.argv.includes('--no-build') || !existsSync(join(out, 'manifest.json'))) {
  const built = spawnSync('pnpm', ['exec', 'wxt', 'build', '-b', 'chrome'], {
    cwd: dir,
    stdio: 'ignore',
  });
  if (built.status !== 0) throw new Error('wxt build failed');
}

// ---- sizes: an entry and every chunk it imports, statically, transitively ----
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(out, file), 'utf8');
  for (const [, spec] of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    const next = join(dirname(file), spec).replace(/^\/+/, '');
    if (existsSync(join(out, next))) closure(next, seen);
  }
  return seen;
}
function pageScripts(html) {
  const text = readFileSync(join(out, html), 'utf8');
  return [...text.matchAll(/<script[^>]+src="\/?([^"]+)"/g)].map((m) => m[1]);
}
const entries = {
  'background (service worker)': ['background.js'],
  'content script (every page of the sites)': ['content-scripts/pms.js'],
  'reader (reservation pages only)': ['reader.js'],
  'scan (toolbar, on demand)': ['scan.js'],
  'panel page': pageScripts('panel.html'),
  'options page': pageScripts('options.html'),
  'popup page': pageScripts('popup.html'),
};
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log('\nExtension entry points (minified; with the chunks each loads)');
for (const [name, files] of Object.entries(entries)) {
  const all = new Set();
  for (const f of files) closure(f, all);
  let raw = 0;
  let gz = 0;
  for (const f of all) {
    const bytes = readFileSync(join(out, f));
    raw += statSync(join(out, f)).size;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(
    `  ${name.padEnd(38)} ${kb(raw).padStart(9)}  ${kb(gz).padStart(8)} gzip  (${all.size} file${all.size > 1 ? 's' : ''})`,
  );
}

// ---- content-script cost from the trace ----
async function traceOf(page, url, settle) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  await settle();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  let evaluate = 0;
  let callbacks = 0;
  for (const e of events) {
    const scriptUrl = e.args?.data?.url ?? '';
    const ours =
      scriptUrl.startsWith('chrome-extension://') &&
      /\/(content-scripts\/pms|reader)\.js$/.test(scriptUrl);
    if (!ours || e.ph !== 'X') continue;
    if (e.name === 'EvaluateScript') evaluate += e.dur / 1000;
    else if (e.name === 'FunctionCall') callbacks += e.dur / 1000;
  }
  return { evaluate, callbacks, total: evaluate + callbacks };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ext = await launchExtension();
await ext.context.route('https://www.airbnb.com/hosting/inbox', (route) =>
  route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><title>Inbox</title><main><h1>Inbox</h1><p>No messages.</p></main>',
  }),
);
const cases = [
  [
    'page no adapter matches (airbnb.com/hosting/inbox)',
    'https://www.airbnb.com/hosting/inbox',
    (p) => p.waitForTimeout(500),
  ],
  [
    'reservation page (Hostaway, detect + extract + chip)',
    'https://dashboard.hostaway.com/reservations/123456',
    (p) => p.waitForSelector('seam-code-launcher').then(() => p.waitForTimeout(300)),
  ],
];
const RUNS = 7;
console.log(
  `\nContent-script cost, median of ${RUNS} loads (Chromium trace: EvaluateScript + FunctionCall of pms.js and reader.js)`,
);
for (const [name, url, settle] of cases) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await ext.context.newPage();
    runs.push(await traceOf(page, url, () => settle(page)));
    await page.close();
  }
  const m = (k) => median(runs.map((r) => r[k])).toFixed(2);
  console.log(
    `  ${name.padEnd(54)} total ${m('total')} ms  (evaluate ${m('evaluate')} ms, callbacks ${m('callbacks')} ms)`,
  );
}
await ext.close();
