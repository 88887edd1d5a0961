// `pnpm bench` for the sandbox: prints named figures (no thresholds).
//   sandbox.clock.advance_30_days_1000_codes_100_devices   virtual clock, in process
//   sandbox.http.access_codes_get     requests per second over HTTP on loopback, from a second
//                                     process with a bounded load (16 connections, 5 s)
//   sandbox.http.baseline_bare_node_http   the same load against a bare node:http server
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const concurrency = 16;
const durationMs = 5_000;

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

// 1. The virtual clock, in process.
const clockBundle = join(root, 'dist', 'bench', 'clock.js');
await build({
  entryPoints: [join(root, 'bench', 'clock.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: clockBundle,
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
execFileSync(process.execPath, [clockBundle], { stdio: 'inherit' });

/** Spawns a server script and resolves with its base URL once it prints "listening on". */
function serve(args, marker) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output}`)),
      15_000,
    );
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      if (output.includes(marker)) {
        clearTimeout(timer);
        resolve(/listening on (\S+)/.exec(output)[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return { child, ready, output: () => output };
}

/** Runs the load generator in its own process against `url`. */
function load(url, token, accessCodeId) {
  const output = execFileSync(
    process.execPath,
    [
      join(root, 'bench', 'load.mjs'),
      url,
      token,
      accessCodeId,
      String(concurrency),
      String(durationMs),
    ],
    { encoding: 'utf8' },
  );
  const result = JSON.parse(output);
  return { ...result, rps: result.requests / (result.elapsedMs / 1000) };
}

function describe(result) {
  return (
    `(p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms; ${concurrency} connections, ` +
    `${(result.elapsedMs / 1000).toFixed(1)} s, ${result.requests} requests, ${result.failures} failures)`
  );
}

// 2. HTTP: the CLI serves; a second process loads it with a bounded load.
const sandbox = serve(
  [join(root, 'dist', 'cli.js'), 'serve', '--port', '0', '--speed', '0'],
  'Try: curl',
);
try {
  const url = await sandbox.ready;
  const apiKey = /API key\s+(\S+)/.exec(sandbox.output())[1];
  const deviceId = /builtInKeypad\s+(\S+)/.exec(sandbox.output())[1];
  const created = await globalThis.fetch(`${url}/access_codes/create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ device_id: deviceId, name: 'Bench', code: '4827' }),
  });
  const { access_code } = await created.json();
  const result = load(url, apiKey, access_code.access_code_id);
  console.log(`sandbox.http.access_codes_get: ${result.rps.toFixed(0)} req/s ${describe(result)}`);
} finally {
  sandbox.child.kill('SIGTERM');
}

// 3. The same load against a bare node:http server: this machine's ceiling for the figure above.
const baseline = serve([join(root, 'bench', 'baseline-server.mjs')], 'listening on');
try {
  const url = await baseline.ready;
  const result = load(url, 'none', 'none');
  console.log(
    `sandbox.http.baseline_bare_node_http: ${result.rps.toFixed(0)} req/s ${describe(result)}`,
  );
} finally {
  baseline.child.kill('SIGTERM');
}
