#!/usr/bin/env node
/* global WebSocket, fetch, Buffer */
// The Firefox build in Debian's Firefox ESR, headless, driven over WebDriver BiDi (Firefox's own
// remote protocol; Playwright's Firefox needs its patched build): install as a temporary add-on,
// options (credentials, Test connection, Add the fixture origin), a fixture page, the chip, the
// panel, create, set at the sandbox. A manual tool, not part of `test` (CI has no Firefox):
//
//   apt-get install firefox-esr
//   pnpm --filter @seam-codes/extension build
//   node --experimental-websocket packages/extension/scripts/firefox-smoke.mjs
//
// Two things differ from a host's path, both because BiDi cannot reach browser UI: the optional
// host permission is granted without its prompt (the pref extensions.webextOptionalPermissionPrompts
// = false), and the options page is opened from the web-accessible panel page with
// runtime.openOptionsPage() (BiDi refuses to navigate to moz-extension:// URLs). Screenshots:
// docs/screenshots/firefox-chip.png and firefox-set.png.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startFixtureServer } = await import('./serve-fixtures.mjs');
const { startSandbox, SANDBOX } = await import('../e2e/harness.mjs');
const UUID = '0f2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const copy = join(pkg, '.output/firefox-mv3');
const profile = mkdtempSync(join(tmpdir(), 'ffx-prof-'));
writeFileSync(
  join(profile, 'user.js'),
  `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ 'door-codes@seam-codes.example': UUID }))});\nuser_pref("browser.shell.checkDefaultBrowser", false);\nuser_pref("extensions.webextOptionalPermissionPrompts", false);\nuser_pref("datareporting.policy.dataSubmissionEnabled", false);\n`,
);
const sandbox = await startSandbox({ speed: 60 });
const fixtures = await startFixtureServer({ port: 0 });
const ff = spawn(
  '/usr/bin/firefox-esr',
  [
    '--headless',
    '--no-remote',
    '--profile',
    profile,
    '--remote-debugging-port',
    '0',
    '--window-size',
    '1280,900',
  ],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
const wsUrl = await new Promise((res, rej) => {
  let out = '';
  const on = (c) => {
    out += c;
    const mm = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(out);
    if (mm) res(mm[1]);
  };
  ff.stderr.on('data', on);
  ff.stdout.on('data', on);
  setTimeout(() => rej(new Error('no bidi: ' + out.slice(-2000))), 30000);
});
const ws = new WebSocket(wsUrl + '/session');
await new Promise((r) => ws.addEventListener('open', r));
let id = 0;
const pending = new Map();
const events = [];
ws.addEventListener('message', (e) => {
  const msg = JSON.parse(e.data);
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg);
    pending.delete(msg.id);
  } else events.push(msg);
});
const send = (method, params = {}) =>
  new Promise((res, rej) => {
    const i = ++id;
    pending.set(i, (msg) =>
      msg.type === 'error'
        ? rej(new Error(method + ': ' + msg.error + ' ' + msg.message))
        : res(msg.result),
    );
    ws.send(JSON.stringify({ id: i, method, params }));
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A mouse click at viewport point (x, y) of a browsing context, as a user would. */
const clickAt = (context, x, y) =>
  send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
const log = (...a) => console.log('•', ...a);
try {
  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['log.entryAdded'] });
  const ext = await send('webExtension.install', { extensionData: { type: 'path', path: copy } });
  log('installed', JSON.stringify(ext));
  const { contexts } = await send('browsingContext.getTree', {});
  let ctx = contexts[0].context;
  const evaluate = async (expression, activate = false) =>
    (
      await send('script.evaluate', {
        expression,
        target: { context: ctx },
        awaitPromise: true,
        userActivation: activate,
      })
    ).result;
  const shot = async (file) => {
    const { data } = await send('browsingContext.captureScreenshot', { context: ctx });
    writeFileSync(file, Buffer.from(data, 'base64'));
  };
  // BiDi may not navigate to moz-extension:// pages; a loopback page may (panel.html is
  // web-accessible to loopback), and the panel page can open the options as a user would.
  await send('session.subscribe', { events: ['browsingContext.contextCreated'] });
  await send('browsingContext.navigate', { context: ctx, url: fixtures.url, wait: 'complete' });
  await evaluate(`location.href = 'moz-extension://${UUID}/panel.html'`);
  await sleep(1500);
  log('at', JSON.stringify(await evaluate('location.href')));
  await evaluate(`browser.runtime.openOptionsPage()`, true);
  await sleep(2000);
  const created = events
    .filter((e) => e.method === 'browsingContext.contextCreated')
    .map((e) => e.params);
  log('contexts', JSON.stringify(created.map((c) => c.url)));
  const opt =
    created.filter((c) => c.url.includes('options.html')).at(-1) ??
    (await send('browsingContext.getTree', {})).contexts.find((c) =>
      c.url.includes('options.html'),
    );
  ctx = opt.context;
  log('options title', JSON.stringify(await evaluate('document.title')));
  const token = SANDBOX.clientSessionToken;
  await evaluate(
    `(async()=>{const s=document.querySelector('select[name=kind]');s.value='client_session_token';s.dispatchEvent(new Event('change',{bubbles:true}));await new Promise(r=>setTimeout(r,300));
    const set=(n,v)=>{const i=document.querySelector('input[name='+n+']');i.value=v;i.dispatchEvent(new Event('input',{bubbles:true}));};
    set('endpoint',${JSON.stringify(sandbox.url)});set('clientSessionToken',${JSON.stringify(token)});
    [...document.querySelectorAll('button')].find(b=>b.textContent.trim()==='Save').click();})()`,
    true,
  );
  await sleep(1500);
  log(
    'status',
    JSON.stringify(
      await evaluate(`document.querySelector('[data-field=status]')?.textContent.trim()`),
    ),
  );
  await evaluate(
    `[...document.querySelectorAll('button')].find(b=>b.textContent.trim()==='Test connection').click()`,
    true,
  );
  await sleep(1500);
  log(
    'test',
    JSON.stringify(
      await evaluate(`document.querySelector('[data-field=test]')?.textContent.trim()`),
    ),
  );
  const addAt = JSON.parse(
    (
      await evaluate(
        `(()=>{const i=document.querySelector('input[name=origin]');i.value=${JSON.stringify(fixtures.url)};const b=[...document.querySelectorAll('button')].find(b=>b.textContent.trim()==='Add');b.scrollIntoView();const r=b.getBoundingClientRect();return JSON.stringify([r.x+r.width/2,r.y+r.height/2])})()`,
      )
    ).value,
  );
  await clickAt(ctx, addAt[0], addAt[1]);
  await sleep(2000);
  log(
    'add',
    JSON.stringify(
      await evaluate(
        `[...document.querySelectorAll('[role=status],[role=alert]')].map(p=>p.textContent.trim()).join(' | ')`,
      ),
    ),
  );
  await send('browsingContext.navigate', {
    context: ctx,
    url: `${fixtures.url}dashboard.hostaway.com/reservations/123461`,
    wait: 'complete',
  });
  await sleep(4000);
  log(
    'launcher host',
    JSON.stringify(
      await evaluate(
        `(()=>{const h=document.querySelector('seam-code-launcher');if(!h)return null;const r=h.getBoundingClientRect();return {open:h.shadowRoot!==null,x:r.x,y:r.y,w:r.width,h:r.height}})()`,
      ),
    ),
  );
  await shot(join(pkg, 'docs/screenshots/firefox-chip.png'));
  const box = (
    await evaluate(
      `(()=>{const r=document.querySelector('seam-code-launcher')?.getBoundingClientRect();return r?JSON.stringify([r.x+r.width/2,r.y+r.height/2]):null})()`,
    )
  ).value;
  if (!box) process.exitCode = 1;
  else {
    const [, y] = JSON.parse(box);
    const x = JSON.parse(
      (
        await evaluate(
          `JSON.stringify(document.querySelector('seam-code-launcher').getBoundingClientRect().x + 60)`,
        )
      ).value,
    );
    await clickAt(ctx, x, y);
    await sleep(3000);
    const tree = await send('browsingContext.getTree', { root: ctx });
    log('frames', JSON.stringify(tree.contexts[0].children.map((c) => c.url)));
    const panel = tree.contexts[0].children.find((c) => c.url.endsWith('/panel.html'));
    if (panel) {
      const inPanel = async (expression) =>
        (
          await send('script.evaluate', {
            expression,
            target: { context: panel.context },
            awaitPromise: true,
            userActivation: true,
          })
        ).result;
      const click = async (expression) => {
        const at = JSON.parse(
          (
            await inPanel(
              `(()=>{const b=${expression};if(!b)return 'null';b.scrollIntoView({block:'center'});const r=b.getBoundingClientRect();return JSON.stringify([r.x+r.width/2,r.y+r.height/2])})()`,
            )
          ).value,
        );
        if (!at) return false;
        await clickAt(panel.context, at[0], at[1]);
        return true;
      };
      await inPanel(
        `(()=>{const i=document.querySelector('form[data-step=map] input[value="${SANDBOX.devices.builtInKeypad}"]');i.checked=true;i.dispatchEvent(new Event('change',{bubbles:true}))})()`,
      );
      log(
        'map',
        await click(
          `[...document.querySelectorAll('button')].find(b=>b.textContent.trim()==='Use for this listing')`,
        ),
      );
      await sleep(1500);
      log('zone', await click(`document.querySelector('[data-notice=zone] button')`));
      await sleep(1500);
      log(
        'create',
        await click(
          `[...(document.querySelector('seam-code-creator')?.shadowRoot?.querySelectorAll('button')??[])].find(b=>b.textContent.trim()==='Create code')`,
        ),
      );
      let made = [];
      for (let i = 0; i < 40; i += 1) {
        await sleep(500);
        const r = await fetch(sandbox.url + '/access_codes/list', {
          method: 'POST',
          headers: {
            authorization: 'Bearer ' + SANDBOX.apiKey,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ device_id: SANDBOX.devices.builtInKeypad }),
        });
        made = (await r.json()).access_codes.filter((c) => c.name === 'Noah · 123461');
        if (made[0]?.status === 'set') break;
      }
      log('at Seam', JSON.stringify(made.map((c) => c.status)));
      if (made.length !== 1 || made[0].status !== 'set') process.exitCode = 1;
      await sleep(2500);
      await shot(join(pkg, 'docs/screenshots/firefox-set.png'));
    }
  }
  log(
    'console',
    JSON.stringify(
      events
        .filter((e) => e.method === 'log.entryAdded')
        .map((e) => e.params.level + ': ' + e.params.text)
        .slice(0, 20),
    ),
  );
} finally {
  ws.close();
  ff.kill('SIGTERM');
  await new Promise((r) => ff.once('exit', r));
  await fixtures.close();
  await sandbox.stop();
  rmSync(profile, { recursive: true, force: true });
}
