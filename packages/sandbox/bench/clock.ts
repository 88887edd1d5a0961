/**
 * Bench: the time to advance the virtual clock through 30 days with 1,000 time-bound codes on
 * 100 devices (half natively scheduled, half just-in-time). Bundled by bench/run.mjs and run
 * with plain node; prints named figures, no thresholds.
 */
import { performance } from 'node:perf_hooks';
import { buildInitialState } from '../src/catalogue.js';
import { createSandbox } from '../src/index.js';
import type { DeviceRecord } from '../src/state.js';
import { derivedUuid, nextFloat, randomState } from '../src/util/random.js';

const devicesWanted = 100;
const codesWanted = 1_000;
const day = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-03-02T15:00:00Z');

const state = buildInitialState(1, start);
const templates = state.devices.filter(
  (device) => device.role === 'builtInKeypad' || device.role === 'justInTime',
);
const extra: DeviceRecord[] = [];
for (let index = 0; index < devicesWanted; index++) {
  const template = templates[index % templates.length]!;
  const device_id = derivedUuid(1, 'bench-device', index);
  const copy = structuredClone(template);
  copy.device_id = device_id;
  copy.role = null;
  copy.base = { ...copy.base, device_id, display_name: `Bench lock ${index + 1}` };
  copy.random = randomState(1, `bench-device:${index}`);
  extra.push(copy);
}
state.devices = extra;
state.access_codes = [];
state.unmanaged_access_codes = [];

const sandbox = createSandbox({ state, speed: 0, rateLimits: false });
const random = randomState(7, 'bench-windows');
const headers = {
  authorization: `Bearer ${sandbox.credentials.apiKey}`,
  'content-type': 'application/json',
};

const createStarted = performance.now();
for (let index = 0; index < codesWanted; index++) {
  const device = extra[index % devicesWanted]!;
  const startsAt = start + Math.floor(nextFloat(random) * 27 * day) + day;
  const endsAt = startsAt + (1 + Math.floor(nextFloat(random) * 4)) * day;
  const response = await sandbox.fetch('http://bench.invalid/access_codes/create', {
    method: 'POST',
    headers,
    body: JSON.stringify({
      device_id: device.device_id,
      name: `Stay ${index + 1}`,
      starts_at: new Date(startsAt).toISOString(),
      ends_at: new Date(endsAt).toISOString(),
    }),
  });
  if (response.status !== 200) {
    throw new Error(`create ${index} answered ${response.status}: ${await response.text()}`);
  }
}
const createMs = performance.now() - createStarted;

const advanceStarted = performance.now();
sandbox.clock.advance(30 * day);
const advanceMs = performance.now() - advanceStarted;

const events = sandbox.events();
const count = (type: string) => events.filter((event) => event.event_type === type).length;
const remaining = sandbox.snapshot().access_codes.length;
sandbox.dispose();

console.log(
  `sandbox.clock.advance_30_days_1000_codes_100_devices: ${advanceMs.toFixed(0)} ms ` +
    `(${events.length} events: ${count('access_code.scheduled_on_device')} scheduled, ` +
    `${count('access_code.set_on_device')} set, ${count('access_code.removed_from_device')} removed; ` +
    `${remaining} codes left)`,
);
console.log(
  `sandbox.create_1000_time_bound_codes_in_process: ${createMs.toFixed(0)} ms ` +
    `(${((createMs / codesWanted) * 1000).toFixed(0)} µs per create, validation included)`,
);
