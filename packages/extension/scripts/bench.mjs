#!/usr/bin/env node
// `pnpm bench` for the extension: the size of each built entry point (with the chunks it loads),
// and the content script's cost on a page no adapter matches and on a reservation page, read from
// Chromium's performance timeline (trace events attributed to router.js and reader.js).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  'content script (every page of the sites)': ['router.js'],
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
// Ours: router.js on every page of the sites, reader.js (a module it imports) on reservation
// pages. The floor: an extension whose manifest content script is empty, loaded beside ours and
// measured in the same page loads, i.e. what Chromium charges any content script on this machine.
const floorDir = mkdtempSync(join(tmpdir(), 'seam-bench-floor-'));
const ourManifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
writeFileSync(
  join(floorDir, 'manifest.json'),
  JSON.stringify({
    manifest_version: 3,
    name: 'bench floor',
    version: '1',
    content_scripts: [
      {
        matches: ourManifest.content_scripts[0].matches,
        js: ['floor.js'],
        run_at: 'document_idle',
      },
    ],
  }),
);
writeFileSync(join(floorDir, 'floor.js'), 'void 0;\n');

const NAMES = new Set(['EvaluateScript', 'FunctionCall', 'v8.compileModule', 'v8.evaluateModule']);
function owner(e) {
  if (e.ph !== 'X' || !NAMES.has(e.name)) return null;
  if (e.name === 'v8.evaluateModule') return e.args?.worldName === ourManifest.name ? 'ours' : null;
  const url = e.args?.data?.url ?? '';
  if (!url.startsWith('chrome-extension://')) return null;
  if (/\/(router|reader)\.js$/.test(url)) return 'ours';
  if (url.endsWith('/floor.js')) return 'floor';
  return null;
}

async function traceOf(page, url, settle) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8.execute,v8',
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  await settle();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const counted = events.filter(owner);
  // Count outermost events only: a FunctionCall inside an EvaluateScript is already in it.
  const outer = counted.filter(
    (e) =>
      !counted.some(
        (o) => o !== e && o.tid === e.tid && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur,
      ),
  );
  const sum = { ours: 0, floor: 0, oursCallbacks: 0 };
  for (const e of outer) {
    sum[owner(e)] += e.dur / 1000;
    if (owner(e) === 'ours' && e.name === 'FunctionCall') sum.oursCallbacks += e.dur / 1000;
  }
  return sum;
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const spread = (xs) => `${sorted(xs)[0].toFixed(2)}–${sorted(xs).at(-1).toFixed(2)}`;

const ext = await launchExtension({ extraExtensions: [floorDir] });
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
    'reservation page (Hostaway: detect, extract, chip)',
    'https://dashboard.hostaway.com/reservations/123456',
    (p) => p.waitForSelector('seam-code-launcher').then(() => p.waitForTimeout(300)),
  ],
];
const RUNS = Number(process.env.BENCH_RUNS) || 15;
console.log(
  `\nContent-script cost over ${RUNS} loads, median (min–max), from Chromium's trace: EvaluateScript,\n` +
    `module compile/evaluate and FunctionCall of router.js and reader.js; beside it the floor, an empty\n` +
    `manifest content script of another extension measured in the same loads`,
);
for (const [name, url, settle] of cases) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const page = await ext.context.newPage();
    runs.push(await traceOf(page, url, () => settle(page)));
    await page.close();
  }
  const ours = runs.map((r) => r.ours);
  const floor = runs.map((r) => r.floor);
  console.log(
    `  ${name.padEnd(52)} ours ${median(ours).toFixed(2)} ms (${spread(ours)})  floor ${median(floor).toFixed(2)} ms (${spread(floor)})`,
  );
}
await ext.close();
rmSync(floorDir, { recursive: true, force: true });
