/* global fetch, document -- Node 20 has fetch; page.waitForFunction runs in the page. */
// `npm start` as a newcomer runs it (through scripts/run.mjs, in its own process group as a
// terminal would): it starts, every URL it prints answers, the relay receives the sandbox's
// webhooks, and Ctrl-C (SIGINT to the group) stops every process it started.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Pids of the processes in a process group. */
/** Every process below `pid`, its children's children too (the servers run in groups of their own). */
function descendants(pid) {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  const pairs = out
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([child]) => Number.isInteger(child));
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of pairs) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function group(pgid) {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, id]) => id === pgid && pid !== undefined)
    .map(([pid]) => pid);
}

async function until(check, what, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('npm start: prints its URLs, each answers, the relay is wired, Ctrl-C stops everything', async () => {
  // Free ports (other programs on the machine may hold the defaults); the site was just built.
  const child = spawn(
    process.execPath,
    [
      'scripts/run.mjs',
      'start',
      '--speed',
      '60',
      '--port',
      '0',
      '--sandbox-port',
      '0',
      '--relay-port',
      '0',
      '--fixtures-port',
      '0',
      '--no-build',
    ],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await until(() => output.includes('Ctrl-C stops everything'), `the banner:\n${output}`, 90_000);
    const url = (label) => new RegExp(`${label}\\s+(http://\\S+)`).exec(output)?.[1];
    const site = url('Docs site');
    const sandbox = url('Sandbox \\(Seam API\\)');
    const relay = url('Relay');
    assert.ok(site && sandbox && relay, `every URL is printed:\n${output}`);
    const apiKey = /API key\s+(seam_\S+)/.exec(output)?.[1];
    assert.match(apiKey ?? '', /^seam_sandbox_/, 'the demo credentials are printed');

    const page = await fetch(site);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /storybook/i);
    const local = await (await fetch(`${site}seam-local.json`)).json();
    assert.equal(local.sandbox, sandbox, 'the site knows where the sandbox is');
    const index = await (await fetch(`${site}index.json`)).json();
    assert.ok(Object.keys(index.entries).length > 50);

    const auth = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    const devices = await (await fetch(`${sandbox}/devices/list`, { headers: auth })).json();
    assert.ok(devices.devices.length > 10);
    const health = await fetch(`${relay}/health`);
    assert.equal(health.status, 200);

    // A code created on the sandbox reaches the relay as a signed webhook.
    const created = await fetch(`${sandbox}/access_codes/create`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        device_id: devices.devices[0].device_id,
        name: 'Start test',
        code: '7351',
      }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    await until(async () => {
      const body = await (await fetch(`${relay}/health`)).json();
      return body.webhooks.accepted + body.webhooks.ignored > 0;
    }, 'a webhook accepted by the relay');

    // The site's "Local sandbox server" backend reaches this sandbox: a code created in the page
    // is on the lock, seen through the sandbox's own API.
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      const errors = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(
        `${site}iframe.html?id=creator-each-lock--built-in-keypad&viewMode=story&globals=backend:local`,
      );
      const creator = tab.locator('seam-code-creator');
      await creator.locator('#code').fill('9316');
      await creator.locator('#submit').click();
      await tab.waitForFunction(
        () => document.querySelector('seam-code-creator').matches(':state(created)'),
        null,
        { timeout: 20_000 },
      );
      // The story's lock, builtInKeypad (seed 1's catalogue id).
      const device_id = 'bdb5e302-ee44-4105-91ef-7b617737e88f';
      const codes = await (
        await fetch(`${sandbox}/access_codes/list`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ device_id }),
        })
      ).json();
      assert.ok(
        codes.access_codes.some((code) => code.code === '9316'),
        'the code reached the sandbox server',
      );
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }

    const fixtures = /Extension fixtures\s+(\S+)/.exec(output)?.[1];
    if (fixtures?.startsWith('http')) assert.equal((await fetch(fixtures)).status < 400, true);
    else assert.match(output, /Extension fixtures\s+\(skipped/);
  } finally {
    const pids = [...group(child.pid), ...descendants(child.pid)];
    // SIGINT to the main process only (as `kill -INT` or a process manager sends it; Ctrl-C in a
    // terminal sends it to the whole group, which reaches the same handler).
    process.kill(child.pid, 'SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await until(
      () => pids.every((pid) => !alive(pid)),
      `every process it started to exit (were ${pids.join(', ')})`,
    );
  }
  assert.match(output, /Stopped: sandbox, relay, docs site and fixture pages/);
});
