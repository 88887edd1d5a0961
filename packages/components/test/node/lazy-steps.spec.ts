/**
 * The creator as an integrator ships it (a Vite production build of `./code-creator/define.js`)
 * and as a host uses it (keyboard and mouse in Chromium, against the sandbox over HTTP), on a
 * network where the later chunks (create steps, verifier, status element) are slow or fail.
 * Codes are counted through the sandbox's API: a slow or failed chunk never creates a code
 * twice, never loses what was typed, and a retry after a failed download works.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../../tools/web-test-runner/chromium.mjs';
import { startSandboxServer, type SandboxServer } from '../../tools/sandbox-process.mjs';

const API_KEY = 'seam_sandbox_W1iHtLH6U60SRNprdWD1oxLi';
const src = fileURLToPath(new URL('../../src/', import.meta.url));

let sandbox: SandboxServer;
let browser: Browser;
let server: Server;
let origin = '';
let work = '';
let deviceId = '';
let token = '';
/** How the page's chunks are served: delay in ms, and chunk names that fail with a 503. */
const network = { delayMs: 0, failing: new Set<string>() };

async function seam(route: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${sandbox.url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function codesNamed(name: string): Promise<number> {
  const { access_codes } = (await seam('/access_codes/list', { device_id: deviceId })) as {
    access_codes: { name: string | null }[];
  };
  return access_codes.filter((code) => code.name === name).length;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'seam-lazy-steps-'));
  writeFileSync(
    join(work, 'main.js'),
    `import ${JSON.stringify(join(src, 'code-creator/define.ts'))};`,
  );
  writeFileSync(
    join(work, 'index.html'),
    '<!doctype html><html lang="en"><body><div id="creator"></div><script type="module" src="./main.js"></script></body></html>',
  );
  await build({
    configFile: false,
    root: work,
    base: './',
    logLevel: 'silent',
    build: { outDir: 'dist', target: 'es2022', minify: true, modulePreload: false },
  });
  sandbox = await startSandboxServer({ args: ['--speed', '60'] });
  const { devices } = (await seam('/devices/list', {})) as {
    devices: {
      device_id: string;
      connected_account_id: string;
      can_program_online_access_codes?: boolean;
      properties: { online?: boolean };
    }[];
  };
  const device = devices.find(
    (d) => d.properties.online === true && d.can_program_online_access_codes === true,
  );
  if (device === undefined) throw new Error('the sandbox has no online lock that takes codes');
  deviceId = device.device_id;
  const { client_session } = (await seam('/client_sessions/get_or_create', {
    user_identifier_key: 'lazy-steps',
    connected_account_ids: [...new Set(devices.map((d) => d.connected_account_id))],
  })) as { client_session: { token: string } };
  token = client_session.token;

  server = createServer((req, res) => {
    const path = join(work, 'dist', normalize(new URL(req.url ?? '/', 'http://x').pathname));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    const name = file.split('/').pop() ?? '';
    const chunk = name.replace(/-[\w-]{8}\.js$/, '');
    setTimeout(
      () => {
        if (network.failing.has(chunk)) {
          res.writeHead(503).end();
          return;
        }
        let body: Buffer;
        try {
          body = readFileSync(file);
        } catch {
          res.writeHead(404).end();
          return;
        }
        if (name === 'index.html') {
          body = Buffer.from(
            body
              .toString()
              .replace(
                '<body>',
                `<body><seam-code-creator lang="en" client-session-token="${token}" endpoint="${sandbox.url}" device-id="${deviceId}" time-zone="UTC"></seam-code-creator>`,
              ),
          );
        }
        res.writeHead(200, {
          'content-type': extname(file) === '.js' ? 'text/javascript' : 'text/html',
          'cache-control': 'no-store',
        });
        res.end(body);
      },
      extname(file) === '.js' ? network.delayMs : 0,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  browser = await puppeteer.launch(chromiumLaunchOptions());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  await sandbox?.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
});

/** Opens the page and waits for the creator's form. */
async function openCreator(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  await page.locator('seam-code-creator >>> form[part~="form"]').wait();
  return page;
}

async function typeName(page: Page, name: string): Promise<void> {
  await page.locator('seam-code-creator >>> #name').click();
  await page.keyboard.type(name);
}

/** Waits until the created code's status says Active (the sandbox set it on the lock). */
async function untilActive(page: Page): Promise<void> {
  await page
    .locator('seam-code-creator >>> seam-code-status >>> [part~="phase"]')
    .filter((el) => /^\s*Active\s*$/.test(el.textContent ?? ''))
    .setTimeout(30_000)
    .wait();
}

function shadowText(page: Page, selector: string): Promise<string | null> {
  return page.evaluate(
    (s) =>
      document.querySelector('seam-code-creator')?.shadowRoot?.querySelector(s)?.textContent ??
      null,
    selector,
  );
}

describe('the creator on a slow or failing network (production build, sandbox over HTTP)', () => {
  it('slow chunks: three presses of Enter while the create steps load make one code, then it shows Active', async () => {
    network.delayMs = 1500;
    const page = await openCreator();
    try {
      const name = 'Slow chunks guest';
      await typeName(page, name);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.locator('seam-code-creator >>> #submit').click();
      await page.locator('seam-code-creator >>> #created-title').setTimeout(30_000).wait();
      expect(await codesNamed(name)).toBe(1);
      await untilActive(page);
      expect(await codesNamed(name)).toBe(1);
    } finally {
      network.delayMs = 0;
      await page.close();
    }
  }, 90_000);

  it('a failed download of the create steps creates nothing, keeps the form, and a retry creates one code', async () => {
    const page = await openCreator();
    try {
      const name = 'Offline for a moment';
      await typeName(page, name);
      network.failing.add('create-codes');
      await page.keyboard.press('Enter');
      await page.locator('seam-code-creator >>> #submit-error').setTimeout(20_000).wait();
      expect(await shadowText(page, '#submit-error')).toMatch(/went wrong|failed|fetch/i);
      expect(
        await page.$eval('seam-code-creator >>> #name', (el) => (el as HTMLInputElement).value),
      ).toBe(name);
      expect(await codesNamed(name)).toBe(0);

      network.failing.clear();
      await page.locator('seam-code-creator >>> #submit').click();
      await page.locator('seam-code-creator >>> #created-title').setTimeout(30_000).wait();
      expect(await codesNamed(name)).toBe(1);
    } finally {
      network.failing.clear();
      await page.close();
    }
  }, 90_000);

  it('a failed download of the verifier still shows the created code, says what failed, creates it once, and follows it once back online', async () => {
    const page = await openCreator();
    const errors: string[] = [];
    await page.exposeFunction('reportSeamError', (code: string) => errors.push(code));
    await page.evaluate(() => {
      document.querySelector('seam-code-creator')?.addEventListener('seam-error', (event) => {
        (window as unknown as { reportSeamError: (c: string) => void }).reportSeamError(
          (event as unknown as CustomEvent<{ code: string }>).detail.code,
        );
      });
    });
    try {
      const name = 'No verifier guest';
      await typeName(page, name);
      network.failing.add('new-verifier');
      await page.keyboard.press('Enter');
      await page.locator('seam-code-creator >>> #created-title').setTimeout(30_000).wait();
      expect(await codesNamed(name)).toBe(1);
      expect(errors).toContain('status_load_failed');
      // Back online: the status downloads the verifier again by itself and follows the code.
      network.failing.clear();
      await untilActive(page);
      expect(await codesNamed(name)).toBe(1);
    } finally {
      network.failing.clear();
      await page.close();
    }
  }, 90_000);
});
