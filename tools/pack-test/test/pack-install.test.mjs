/* global fetch, document, window, Event, URLSearchParams */
// What an integrator gets from npm: @seam-codes/core and @seam-codes/components are packed (their
// prepack builds them), the tarballs are installed with npm into a fresh app outside the
// workspace, together with the examples' own dependencies, and then:
//   - the tarballs hold the built files only, and publint, attw and a publish dry run are clean;
//   - every entry point imports in Node (a Next.js server imports the package);
//   - a strict TypeScript consumer compiles against the .d.ts with no tsconfig change;
//   - the examples type-check (tsc, vue-tsc) and build (Vite), and a wrong attribute type in a
//     React 19 or Vue 3 template is a type error;
//   - the examples' backend mints a client session token against the sandbox, and the token works.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startSandboxServer } from '../../../packages/components/tools/sandbox-process.mjs';
import { chromiumLaunchOptions } from '../../web-test-runner/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const bin = join(here, '..', 'node_modules', '.bin');
const PACKAGES = ['core', 'components'];
const EXAMPLES = ['html', 'react-19', 'vue-3', 'next-style'];

let work;
let app;
const tarballs = {};

/** Runs a command; returns { status, output } without throwing. */
function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Runs a command that must succeed; fails the test with its output otherwise. */
function ok(command, args, cwd, env) {
  const result = run(command, args, cwd, env);
  assert.equal(
    result.status,
    0,
    `${command} ${args.join(' ')} failed in ${cwd}:\n${result.output}`,
  );
  return result.output;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

before(() => {
  work = mkdtempSync(join(tmpdir(), 'seam-pack-test-'));
  const packs = join(work, 'packs');
  mkdirSync(packs);
  for (const name of PACKAGES) {
    const dir = join(root, 'packages', name);
    ok('pnpm', ['pack', '--pack-destination', packs], dir);
    const { version } = readJson(join(dir, 'package.json'));
    tarballs[name] = join(packs, `seam-codes-${name}-${version}.tgz`);
  }

  // One app for all examples: their dependencies must agree, and the packages come from the
  // tarballs, not from a registry or the workspace.
  app = join(work, 'app');
  mkdirSync(app);
  const dependencies = {};
  const devDependencies = {};
  for (const example of EXAMPLES) {
    const manifest = readJson(join(root, 'examples', example, 'package.json'));
    for (const [field, merged] of [
      ['dependencies', dependencies],
      ['devDependencies', devDependencies],
    ]) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        const wanted = name.startsWith('@seam-codes/')
          ? `file:${tarballs[name.slice('@seam-codes/'.length)]}`
          : range;
        assert.ok(
          merged[name] === undefined || merged[name] === wanted,
          `${name}: examples disagree`,
        );
        merged[name] = wanted;
      }
    }
  }
  dependencies['@seam-codes/core'] = `file:${tarballs.core}`;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(
      { name: 'seam-pack-test-app', private: true, type: 'module', dependencies, devDependencies },
      null,
      2,
    ),
  );
  ok('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
  for (const folder of [...EXAMPLES, 'shared']) {
    cpSync(join(root, 'examples', folder), join(app, folder), {
      recursive: true,
      filter: (path) => !/node_modules|[\\/]dist$/.test(path),
    });
  }
  for (const fixture of ['strict-consumer', 'react-wrappers']) {
    cpSync(join(here, '..', 'fixtures', fixture), join(app, fixture), { recursive: true });
  }
});

after(() => {
  if (work && !process.env.SEAM_KEEP_PACK_TEST) rmSync(work, { recursive: true, force: true });
});

describe('the tarballs', () => {
  test('hold dist only, point every export at it, and name real dependencies', () => {
    for (const name of PACKAGES) {
      const files = execFileSync('tar', ['tzf', tarballs[name]], { encoding: 'utf8' }).split('\n');
      assert.ok(files.includes('package/dist/index.js'), `${name}: dist/index.js`);
      assert.ok(files.includes('package/dist/index.d.ts'), `${name}: dist/index.d.ts`);
      assert.deepEqual(
        files.filter((file) => /^package\/(src|test)\//.test(file) || /\.map$/.test(file)),
        [],
        `${name}: no sources, tests or maps`,
      );
      const manifest = JSON.parse(
        execFileSync('tar', ['xzf', tarballs[name], '-O', 'package/package.json'], {
          encoding: 'utf8',
        }),
      );
      const targets = JSON.stringify(manifest.exports);
      assert.doesNotMatch(targets, /\.\/src\//, `${name}: exports point at dist`);
      assert.doesNotMatch(JSON.stringify(manifest.dependencies), /workspace:/);
      assert.equal(manifest.private, undefined);
    }
  });

  test('the manifest describes what ships: real module paths, typed events, no private members', () => {
    const files = new Set(
      execFileSync('tar', ['tzf', tarballs.components], { encoding: 'utf8' }).split('\n'),
    );
    const manifest = JSON.parse(
      execFileSync('tar', ['xzf', tarballs.components, '-O', 'package/custom-elements.json'], {
        encoding: 'utf8',
      }),
    );
    const elements = [];
    for (const module of manifest.modules) {
      assert.ok(files.has(`package/${module.path}`), `${module.path} is in the package`);
      for (const declaration of module.declarations ?? []) {
        if (declaration.tagName) elements.push(declaration);
        for (const member of declaration.members ?? []) {
          assert.notEqual(member.privacy, 'private', `${declaration.name}.${member.name}`);
        }
      }
    }
    assert.deepEqual(elements.map((element) => element.tagName).sort(), [
      'seam-code-creator',
      'seam-code-status',
    ]);
    for (const element of elements) {
      for (const event of element.events) {
        assert.match(event.type?.text ?? '', /^Seam\w+Event$/, `${element.tagName} ${event.name}`);
      }
    }
    const generated = ['react.d.ts', 'vue.d.ts', 'web-types.json', 'vscode.html-custom-data.json'];
    for (const file of generated) assert.ok(files.has(`package/dist/${file}`), file);
    // Each React wrapper loads only its own element's define module.
    const wrappers = execFileSync(
      'tar',
      ['xzf', tarballs.components, '-O', 'package/dist/react.js'],
      {
        encoding: 'utf8',
      },
    );
    const defines = [...wrappers.matchAll(/from '(\.[^']*define\.js)'/g)].map((m) => m[1]);
    assert.deepEqual(defines.sort(), ['./code-creator/define.js', './code-status/define.js']);
  });

  test('publint: no packaging errors or warnings', () => {
    for (const name of PACKAGES) {
      const output = ok(join(bin, 'publint'), ['run', tarballs[name], '--strict'], work);
      assert.match(output, /All good!/, output);
    }
  });

  test('are the types wrong (attw): no problem on any entry point, node10 resolution included', () => {
    for (const name of PACKAGES) {
      const args = [tarballs[name], '--profile', 'esm-only', '--format', 'json'];
      if (name === 'components') {
        args.push('--exclude-entrypoints', 'custom-elements.json', 'web-types.json');
        args.push('vscode.html-custom-data.json', 'vscode.css-custom-data.json', 'package.json');
      } else {
        args.push('--exclude-entrypoints', 'package.json');
      }
      const { output } = run(join(bin, 'attw'), args, work);
      const report = JSON.parse(output.slice(output.indexOf('{')));
      const problems = Object.values(report.analysis.problems ?? {}).flat();
      // ESM only: a CommonJS require() is the one thing that cannot work. Old `node10`
      // resolution (tsconfig "moduleResolution": "node") gets the types through typesVersions.
      const counted = problems.filter((problem) => problem.resolutionKind !== 'node16-cjs');
      assert.deepEqual(counted, [], `${name}: ${JSON.stringify(counted, null, 2)}`);
      assert.ok(Object.keys(report.analysis.entrypoints).length > 1, `${name}: entry points seen`);
    }
  });

  test('a publish dry run accepts both', () => {
    for (const name of PACKAGES) {
      const output = ok(
        'npm',
        ['publish', '--dry-run', '--access', 'public', tarballs[name]],
        work,
      );
      assert.match(output, new RegExp(`@seam-codes/${name}`));
    }
  });
});

describe('in Node', () => {
  test('every JavaScript entry point imports without a DOM', () => {
    const entries = [];
    for (const name of PACKAGES) {
      const { exports } = readJson(join(app, 'node_modules', '@seam-codes', name, 'package.json'));
      for (const subpath of Object.keys(exports)) {
        if (!subpath.endsWith('.json')) entries.push(`@seam-codes/${name}${subpath.slice(1)}`);
      }
    }
    assert.ok(entries.length >= 12, entries.join(', '));
    const script = `
      for (const entry of ${JSON.stringify(entries)}) await import(entry);
      const { SeamCodeCreator } = await import('@seam-codes/components/code-creator/define.js');
      if (customElements.get('seam-code-creator') !== SeamCodeCreator) throw new Error('not defined');
      console.log('imported', ${entries.length});`;
    const output = ok(process.execPath, ['--input-type=module', '-e', script], app);
    assert.match(output, /imported \d+/);
  });

  test('the React wrappers render their tags on the server', () => {
    const script = `
      const { createElement } = await import('react');
      const { renderToString } = await import('react-dom/server');
      const { SeamCodeCreator, SeamCodeStatus } = await import('@seam-codes/components/react');
      console.log(renderToString(createElement('div', null,
        createElement(SeamCodeCreator, { deviceId: 'd1', onSeamCodeCreated: () => {} }),
        createElement(SeamCodeStatus, { accessCodeId: 'a1' }))));`;
    const output = ok(process.execPath, ['--input-type=module', '-e', script], app);
    assert.match(
      output,
      /<seam-code-creator><\/seam-code-creator><seam-code-status><\/seam-code-status>/,
    );
  });
});

describe('TypeScript', () => {
  test('a strict consumer (nodenext, no skipLibCheck, no decorator options) compiles', () => {
    ok(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'strict-consumer'], app);
  });
});

describe('the examples', () => {
  let sandbox;
  let seam;
  before(async () => {
    sandbox = await startSandboxServer();
    const apiKey = 'seam_sandbox_W1iHtLH6U60SRNprdWD1oxLi';
    const response = await fetch(`${sandbox.url}/devices/list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}` },
    });
    const { devices } = await response.json();
    seam = {
      device: devices.find((d) => d.properties.online && d.can_program_online_access_codes)
        .device_id,
      SEAM_ENDPOINT: sandbox.url,
      SEAM_API_KEY: apiKey,
      SEAM_CONNECTED_ACCOUNT_IDS: [...new Set(devices.map((d) => d.connected_account_id))].join(
        ',',
      ),
    };
  });
  after(() => sandbox?.stop());

  const bins = () => join(app, 'node_modules', '.bin');

  /** A client session token for `user` on every account, straight from the sandbox. */
  async function mintWithApiKey(user) {
    const response = await fetch(`${sandbox.url}/client_sessions/get_or_create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seam.SEAM_API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        user_identifier_key: user,
        connected_account_ids: seam.SEAM_CONNECTED_ACCOUNT_IDS.split(','),
      }),
    });
    return (await response.json()).client_session.token;
  }

  /** Lists the devices a client session token may see, through the installed SeamClient. */
  async function devicesSeenWith(token) {
    const script = `
      const { SeamClient } = await import('@seam-codes/core');
      const seam = SeamClient.fromClientSessionToken(${JSON.stringify(token)}, { endpoint: ${JSON.stringify(sandbox.url)} });
      console.log(JSON.stringify((await seam.devices.list({})).length));`;
    return Number(ok(process.execPath, ['--input-type=module', '-e', script], app).trim());
  }

  /**
   * Type-checks an example once with one wrong file added (type errors expected there only), then
   * removes that file: what the app itself gets, and what a mistake gets.
   */
  function typeCheckWith(dir, checker, file, text) {
    writeFileSync(join(dir, 'src', file), text);
    try {
      const { output } = run(join(bins(), checker), ['-p', '.'], dir);
      const errors = [...output.matchAll(/^(\S+)\((\d+),\d+\): error TS\d+/gm)];
      const inFile = errors.filter((match) => match[1].endsWith(file));
      return {
        output,
        // Any error but the expected ones, with a position or not (a broken config has none).
        elsewhere: output
          .split('\n')
          .filter((line) => /error TS\d+/.test(line) && !line.includes(`${file}(`)),
        lines: [...new Set(inFile.map((match) => Number(match[2])))],
      };
    } finally {
      rmSync(join(dir, 'src', file));
    }
  }

  describe('React 19', () => {
    let checked;
    before(() => {
      checked = typeCheckWith(
        join(app, 'react-19'),
        'tsc',
        'wrong.tsx',
        `import type {} from '@seam-codes/components/react';
export const a = <seam-code-creator preferred-code-length="six" />;
export const b = <seam-code-status no-actions={1} />;
export const c = <seam-code-creator onseam-code-created={(event: { detail: number }) => event} />;
export const d = <seam-code-creator device-id="ok" preferred-code-length={6} />;
`,
      );
    });

    test('a strict app type-checks with no glue, and Vite builds it', () => {
      assert.deepEqual(checked.elsewhere, [], checked.output);
      const dir = join(app, 'react-19');
      ok(join(bins(), 'vite'), ['build', '--logLevel', 'warn'], dir);
      assert.ok(readdirSync(join(dir, 'dist', 'assets')).some((file) => file.endsWith('.js')));
    });

    test('a wrong attribute type or event handler is a type error', () => {
      assert.deepEqual(checked.lines.sort(), [2, 3, 4], checked.output);
    });
  });

  describe('Vue 3', () => {
    let checked;
    before(() => {
      checked = typeCheckWith(
        join(app, 'vue-3'),
        'vue-tsc',
        'Wrong.vue',
        `<script setup lang="ts">
function wrongHandler(event: { detail: number }) {
  return event;
}
</script>
<template>
  <seam-code-creator device-id="ok" :preferred-code-length="6" />
  <seam-code-creator :preferred-code-length="'six'" />
  <seam-code-creator @seam-code-created="wrongHandler" />
</template>
`,
      );
    });

    test('vue-tsc type-checks the templates with the generated types, Vite builds it', () => {
      assert.deepEqual(checked.elsewhere, [], checked.output);
      ok(join(bins(), 'vite'), ['build', '--logLevel', 'warn'], join(app, 'vue-3'));
    });

    test('a wrong attribute type or event handler in a template is a type error', () => {
      assert.deepEqual(checked.lines, [8, 9], checked.output);
    });
  });

  test('server/client split: builds, renders on the server in Node, and its route mints a token', async () => {
    const dir = join(app, 'next-style');
    ok(join(bins(), 'tsc'), ['-p', '.'], dir);
    ok(join(bins(), 'vite'), ['build', '--logLevel', 'warn'], dir);
    ok(
      join(bins(), 'vite'),
      ['build', '--ssr', 'server.tsx', '--outDir', 'dist/server', '--logLevel', 'warn'],
      dir,
    );
    const script = `
      const server = await import('./dist/server/server.js');
      const html = await server.render('guest-host-1');
      const response = await server.POST(new Request('http://x/api/seam/client-session', { method: 'POST', headers: { 'x-demo-user': 'guest-host-1' } }));
      const refused = await server.POST(new Request('http://x/api/seam/client-session', { method: 'POST' }));
      console.log(JSON.stringify({ html, body: await response.json(), refused: refused.status }));`;
    const output = ok(process.execPath, ['--input-type=module', '-e', script], dir, seam);
    const { html, body, refused } = JSON.parse(output.trim().split('\n').at(-1));
    assert.match(
      html,
      /<seam-code-creator client-session-token="seam_cst_[^"]+" endpoint="http:\/\/127\.0\.0\.1:\d+"/,
    );
    assert.doesNotMatch(html, /seam_sandbox_/, 'no API key in the page');
    assert.equal(refused, 401);
    assert.match(body.clientSessionToken, /^seam_cst_/);
    assert.ok((await devicesSeenWith(body.clientSessionToken)) > 0, 'the token sees devices');
  });

  test('React 18 wrappers (@lit/react) in Chromium: properties in, events out, one code on the lock', async () => {
    const dir = join(app, 'react-wrappers');
    ok(join(bins(), 'vite'), ['build', '--logLevel', 'warn', '--base', './'], dir);
    const { default: puppeteer } = await import('puppeteer-core');
    const files = join(dir, 'dist');
    const server = createServer((req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      try {
        const body = readFileSync(join(files, normalize(path === '/' ? '/index.html' : path)));
        res.writeHead(200, {
          'content-type': path.endsWith('.js') ? 'text/javascript' : 'text/html',
        });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await puppeteer.launch(chromiumLaunchOptions());
    try {
      const token = await mintWithApiKey('wrapper-user');
      const device = seam.device;
      const page = await browser.newPage();
      const query = new URLSearchParams({ token, endpoint: sandbox.url, device });
      await page.goto(`http://127.0.0.1:${server.address().port}/?${query}`);
      const code = 'seam-code-creator';
      await page.waitForFunction(
        (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('#code'),
        { timeout: 20_000 },
        code,
      );
      await page.evaluate(async (tag) => {
        const element = document.querySelector(tag);
        const input = element.shadowRoot.querySelector('#code');
        input.value = '48213';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await element.submit();
      }, code);
      await page.waitForFunction(() => window.seen.length === 2, { timeout: 10_000 });
      assert.deepEqual(await page.evaluate(() => window.seen), [
        `submit ${device}`,
        'created 48213',
      ]);
      const listed = await fetch(`${sandbox.url}/access_codes/list`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${seam.SEAM_API_KEY}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ device_id: device }),
      });
      const { access_codes } = await listed.json();
      assert.equal(access_codes.filter((entry) => entry.code === '48213').length, 1);
    } finally {
      await browser.close();
      server.close();
    }
  });

  test('plain HTML: the page and the single module are served, and the route mints a token', async () => {
    const dir = join(app, 'html');
    const script = `
      const { server } = await import('./server.mjs');
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = 'http://127.0.0.1:' + server.address().port;
      const page = await (await fetch(base + '/')).text();
      const module = await fetch(base + '/seam-components.js');
      const session = await (await fetch(base + '/api/seam/client-session', { method: 'POST', headers: { 'x-demo-user': 'u1' } })).json();
      server.close();
      console.log(JSON.stringify({ page, type: module.headers.get('content-type'), size: (await module.text()).length, session }));`;
    const output = ok(process.execPath, ['--input-type=module', '-e', script], dir, seam);
    const { page, type, size, session } = JSON.parse(output.trim().split('\n').at(-1));
    assert.match(page, /<script type="module" src="\/seam-components.js"><\/script>/);
    assert.equal(type, 'text/javascript');
    assert.ok(size > 50_000, 'the single browser module, not the Node entry');
    assert.ok((await devicesSeenWith(session.clientSessionToken)) > 0);
  });
});
