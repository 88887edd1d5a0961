/**
 * Seam's own web components against the sandbox, in Chromium: `@seamapi/react`'s `elements.js`
 * (the custom-element bundle a plain page loads) is served from a local page and pointed at
 * `seam-sandbox` over HTTP with the demo client session token. The test fails on any 404 or 5xx
 * the sandbox answers, any request that fails, and any error in the page; every Seam response is
 * also checked against the latest @seamapi/types on its way out. It then unlocks a door through
 * the device details, as a host would, and reads the lock's new state back through the API.
 */
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../src/index.js';
import { startServer, type SandboxServer } from '../src/node/index.js';
import { checkedHandle } from './support/api.js';

// What "@seamapi/react/elements.js" resolves to in a bundler: the package's dist/elements.js.
const dist = new URL('../node_modules/@seamapi/react/dist/', import.meta.url);

let sandbox: Sandbox;
let server: SandboxServer;
let page: Page;
let browser: Browser;
let site: Server;
let siteUrl = '';
const answered: { path: string; status: number }[] = [];
const problems: string[] = [];
/** Origins on the internet the components tried to reach (unreachable from this machine). */
const offline = new Set<string>();

function html(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Seam elements</title>
<script>globalThis.disableSeamFontInjection = true; globalThis.disableSeamCssInjection = true;</script>
<link rel="stylesheet" href="/index.min.css">
<script type="module" src="/elements.js"></script></head><body>${body}</body></html>`;
}

beforeAll(async () => {
  sandbox = createSandbox({ speed: 60, control: true });
  const checked = checkedHandle(sandbox);
  server = await startServer(
    {
      handle: async (request) => {
        const response = await checked.handle(request);
        answered.push({ path: new URL(request.url).pathname, status: response.status });
        return response;
      },
    },
    { port: 0 },
  );
  // The elements inject their CSS from react.seam.co; here it is served beside them.
  const files: Record<string, [string, Buffer]> = {
    '/elements.js': ['text/javascript', readFileSync(new URL('elements.js', dist))],
    '/index.min.css': ['text/css', readFileSync(new URL('index.min.css', dist))],
  };
  const { credentials, devices } = sandbox.catalogue;
  const common = `endpoint="${server.url}" client-session-token="${credentials.clientSessionToken}"`;
  site = createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (file !== undefined) {
      response.writeHead(200, { 'content-type': file[0] });
      response.end(file[1]);
      return;
    }
    const pages: Record<string, string> = {
      '/table': `<seam-device-table ${common}></seam-device-table>`,
      '/details': `<seam-device-details ${common} device-id="${devices.builtInKeypad}"></seam-device-details>`,
      '/codes': `<seam-access-code-table ${common} device-id="${devices.builtInKeypad}"></seam-access-code-table>`,
      '/create': `<seam-create-access-code-form ${common} device-id="${devices.schlage}"></seam-create-access-code-form>`,
      '/blank': '<p>A page of another web site</p>',
    };
    const body = pages[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html' });
    response.end(body === undefined ? 'not found' : html(body));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  browser = await puppeteer.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      // A web site the sandbox does not serve, on this machine (for the refused-origin test).
      '--host-resolver-rules=MAP stranger.test 127.0.0.1',
    ],
  });
  page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  page.on('requestfailed', (request) => {
    const url = request.url();
    // The internet is not reachable here: Seam's device images on connect.getseam.com are not
    // the sandbox's to serve. Anything addressed to the sandbox or the page must succeed.
    if (url.startsWith(server.url) || url.startsWith(siteUrl)) {
      problems.push(`request failed: ${url} ${request.failure()?.errorText ?? ''}`);
    } else offline.add(new URL(url).origin);
  });
  page.on('response', (response) => {
    if (
      response.url().startsWith(server.url) &&
      (response.status() === 404 || response.status() >= 500)
    ) {
      problems.push(`sandbox answered ${response.status()} to ${response.url()}`);
    }
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await server?.close();
  sandbox?.dispose();
});

/** Calls the sandbox in process with the API key (for the test's own reads). */
async function api<T>(route: string, params: Record<string, unknown>): Promise<T> {
  const response = await sandbox.fetch(`http://sandbox.test${route}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sandbox.credentials.apiKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(params),
  });
  return (await response.json()) as T;
}

async function visit(path: string, text: string): Promise<void> {
  await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
  await page
    .waitForFunction(
      (wanted) => document.body.innerText.includes(wanted),
      { timeout: 20_000 },
      text,
    )
    .catch(async (error: unknown) => {
      const shown = await page.evaluate(() => document.body.innerText);
      throw new Error(`${path} never showed ${JSON.stringify(text)}; it shows: ${shown}`, {
        cause: error,
      });
    });
  // Let the components finish their follow-up requests (accounts, telemetry, refetches).
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 20_000 }).catch(() => undefined);
}

describe('@seamapi/react elements.js against seam-sandbox', () => {
  it('renders the device table, device details, access code table and create form with no 404, 5xx or page error', async () => {
    const { devices } = sandbox.catalogue;
    const names = await Promise.all(
      [devices.builtInKeypad, devices.schlage].map(
        async (device_id) =>
          (await api<{ device: { display_name: string } }>('/devices/get', { device_id })).device
            .display_name,
      ),
    );
    await visit('/table', names[0]!);
    await visit('/details', names[0]!);
    await api('/access_codes/create', { device_id: devices.builtInKeypad, name: 'Ana Stay' });
    await visit('/codes', 'Ana Stay');
    await visit('/create', 'Add new access code');
    expect(problems).toEqual([]);
    const paths = new Set(answered.map((entry) => entry.path));
    for (const route of ['/devices/list', '/devices/get', '/access_codes/list']) {
      expect(paths, route).toContain(route);
    }
  }, 120_000);

  it('unlocks the door from the device details, and the sandbox knows', async () => {
    const id = sandbox.catalogue.devices.builtInKeypad;
    const readLocked = async () =>
      (await api<{ lock: { properties: { locked: boolean } } }>('/locks/get', { device_id: id }))
        .lock.properties.locked;
    expect(await readLocked()).toBe(true);
    await visit('/details', 'Unlock');
    const clicked = await page.evaluate(() => {
      const find = (root: Document | ShadowRoot): HTMLElement | null => {
        for (const element of root.querySelectorAll<HTMLElement>('button, [role=button]')) {
          if (element.innerText.trim() === 'Unlock') return element;
        }
        for (const host of root.querySelectorAll('*')) {
          if (host.shadowRoot !== null) {
            const found = find(host.shadowRoot);
            if (found !== null) return found;
          }
        }
        return null;
      };
      const button = find(document);
      button?.click();
      return button !== null;
    });
    expect(clicked).toBe(true);
    const deadline = Date.now() + 10_000;
    while ((await readLocked()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await readLocked()).toBe(false);
    expect(answered.map((entry) => entry.path)).toContain('/locks/unlock_door');
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 10_000 }).catch(() => undefined);
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('a refused origin (issue 10, finding 5)', () => {
  it('reads the 403 origin_not_allowed in the browser, with what to do', async () => {
    const stranger = await browser.newPage();
    try {
      const port = new URL(siteUrl).port;
      await stranger.goto(`http://stranger.test:${port}/blank`, { waitUntil: 'load' });
      const seen = await stranger.evaluate(
        async (endpoint, token) => {
          try {
            const response = await fetch(`${endpoint}/devices/list`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'client-session-token': token },
              body: '{}',
            });
            return { status: response.status, body: (await response.json()) as unknown };
          } catch (error) {
            return { status: 0, body: String(error) };
          }
        },
        server.url,
        sandbox.catalogue.credentials.clientSessionToken,
      );
      expect(seen).toMatchObject({
        status: 403,
        body: {
          error: {
            type: 'origin_not_allowed',
            message: expect.stringContaining(`--allow-origin http://stranger.test:${port}`),
          },
        },
      });
      // The request was refused before it was served.
      expect(answered.some((entry) => entry.status === 403)).toBe(false);
    } finally {
      await stranger.close();
    }
  }, 30_000);
});
