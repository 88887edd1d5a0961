// The second process of the HTTP bench: a bounded load (fixed concurrency, fixed duration) of
// POST /access_codes/get over keep-alive connections. Prints one JSON line with the counts.
import { performance } from 'node:perf_hooks';

const [url, token, accessCodeId, concurrencyText, durationText] = process.argv.slice(2);
const concurrency = Number(concurrencyText);
const durationMs = Number(durationText);
if (!url || !token || !accessCodeId || !(concurrency > 0) || !(durationMs > 0)) {
  console.error(
    'usage: node load.mjs <url> <api key> <access_code_id> <concurrency> <duration ms>',
  );
  process.exit(2);
}

const body = JSON.stringify({ access_code_id: accessCodeId });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const latencies = [];
let failures = 0;
const deadline = performance.now() + durationMs;

async function worker() {
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await globalThis.fetch(`${url}/access_codes/get`, {
      method: 'POST',
      headers,
      body,
    });
    await response.arrayBuffer();
    if (response.status === 200) latencies.push(performance.now() - started);
    else failures++;
  }
}

const began = performance.now();
await Promise.all(Array.from({ length: concurrency }, worker));
const elapsedMs = performance.now() - began;
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: latencies.length,
    failures,
    elapsedMs,
    p50: at(0.5),
    p99: at(0.99),
  }),
);
