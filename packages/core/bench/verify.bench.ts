/**
 * Bench: 500 codes on 50 locks of the sandbox, with realistic programming times, verified three
 * ways. For each: the requests made until every code was seen on its lock, and the lag from the
 * sandbox's transition (its `set_on_device`) to the verifier's state change, median and p95:
 * virtual time for poll and events (driven by the manual clock), real time for push (sandbox ->
 * Svix-signed webhook -> relay -> SSE -> verifier, over loopback). Bundled by bench/run.mjs and run
 * with plain node; prints named figures, no thresholds.
 */
import { performance } from 'node:perf_hooks';
import type { AccessCode } from '@seamapi/types/connect';
import type { VerifierSources } from '../src/verify/index.js';
import { sandboxStateWithLocks, setup, type Harness } from '../test/verify/support/harness.js';
import { eventually, startPushWorld } from '../test/verify/support/relay.js';

const CODES = 500;
const LOCKS = 50;
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/** A small seeded generator, so every run programs the same locks the same way. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/**
 * Programming times as locks show them: most within seconds to a couple of minutes (Wi-Fi locks
 * set in ~5 s, hub locks in 20-90 s), a tail of slow ones past Seam's 5-minute delay warning, and
 * one lock in twelve that fails its first attempt and succeeds on Seam's retry.
 */
function behaviourOf(index: number, random: () => number) {
  const roll = random();
  const setLatencyMs =
    roll < 0.5
      ? 3 * SECOND + random() * 7 * SECOND
      : roll < 0.85
        ? 20 * SECOND + random() * 70 * SECOND
        : roll < 0.95
          ? 2 * MINUTE + random() * 3 * MINUTE
          : 6 * MINUTE + random() * 6 * MINUTE;
  return { setLatencyMs: Math.round(setLatencyMs), failsFirst: index % 12 === 5 };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function summary(values: readonly number[], unit: string): string {
  return `median ${quantile(values, 0.5).toFixed(0)} ${unit}, p95 ${quantile(values, 0.95).toFixed(0)} ${unit}, max ${quantile(values, 1).toFixed(0)} ${unit} (${values.length} codes)`;
}

async function createCodes(
  create: (params: Record<string, unknown>) => Promise<AccessCode>,
  deviceIds: readonly string[],
): Promise<AccessCode[]> {
  const codes: AccessCode[] = [];
  for (let index = 0; index < CODES; index += 1) {
    codes.push(
      await create({ device_id: deviceIds[index % deviceIds.length]!, name: `Stay ${index + 1}` }),
    );
  }
  return codes;
}

function configure(
  control: {
    configureDevice(id: string, behaviour: object): unknown;
    failNextSet(id: string, count?: number): void;
  },
  deviceIds: readonly string[],
): void {
  const random = seeded(20_260_302);
  deviceIds.forEach((deviceId, index) => {
    const { setLatencyMs, failsFirst } = behaviourOf(index, random);
    control.configureDevice(deviceId, { setLatencyMs });
    if (failsFirst) control.failNextSet(deviceId, 1);
  });
}

/** When the sandbox set each code on its lock (virtual epoch ms), by code id. */
function setTimes(harness: Harness): Map<string, number> {
  const times = new Map<string, number>();
  for (const event of harness.sandbox.events()) {
    const id = (event as { access_code_id?: string }).access_code_id;
    if (event.event_type === 'access_code.set_on_device' && id !== undefined && !times.has(id)) {
      times.set(id, Date.parse(event.occurred_at));
    }
  }
  return times;
}

async function virtualRun(label: string, sources: VerifierSources): Promise<void> {
  const { state, deviceIds } = sandboxStateWithLocks(LOCKS);
  const harness = setup({ sandbox: { state, rateLimits: false }, verifier: { sources } });
  configure(harness.sandbox.control, deviceIds);
  const codes = await createCodes((params) => harness.create(params), deviceIds);
  const ids = codes.map((code) => code.access_code_id);
  const activeAt = new Map<string, number>();
  harness.verifier.subscribe((update) => {
    if (update.state?.phase === 'active' && !activeAt.has(update.accessCodeId)) {
      activeAt.set(update.accessCodeId, harness.sandbox.clock.now());
    }
  });
  const began = performance.now();
  const startedAt = harness.sandbox.clock.now();
  for (const code of codes) harness.verifier.watch(code);
  await harness.verifier.ready;
  await harness.advanceUntil(() => activeAt.size === CODES, 2 * 60 * MINUTE, SECOND);
  const wallMs = performance.now() - began;
  const set = setTimes(harness);
  const lags = ids.map((id) => activeAt.get(id)! - set.get(id)!);
  const perTick = new Map<number, number>();
  for (const request of harness.network.requests) {
    perTick.set(request.at, (perTick.get(request.at) ?? 0) + 1);
  }
  const routes = new Map<string, number>();
  for (const request of harness.network.requests) {
    routes.set(request.route, (routes.get(request.route) ?? 0) + 1);
  }
  const routeText = [...routes].map(([route, count]) => `${count} ${route}`).join(', ');
  console.log(
    `core.verify.${label}.requests_until_all_verified_${CODES}_codes_${LOCKS}_locks: ${harness.network.count()} ` +
      `(${routeText}; ${perTick.size} ticks, at most ${Math.max(...perTick.values())} request(s) per tick; ` +
      `last code set ${((Math.max(...set.values()) - startedAt) / MINUTE).toFixed(1)} min in; ` +
      `${wallMs.toFixed(0)} ms of real time)`,
  );
  console.log(`core.verify.${label}.lag_from_set_to_state_change_virtual: ${summary(lags, 'ms')}`);
  await harness.dispose();
}

async function pushRun(): Promise<void> {
  const { state, deviceIds } = sandboxStateWithLocks(LOCKS);
  const emittedAt = new Map<string, number>();
  const world = await startPushWorld({
    state,
    rateLimits: false,
    // Note when the sandbox sends each set_on_device, in real time, as it sends it.
    webhookFetch: (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      const event = JSON.parse(body) as { event_type?: string; access_code_id?: string };
      if (event.event_type === 'access_code.set_on_device' && event.access_code_id !== undefined) {
        if (!emittedAt.has(event.access_code_id))
          emittedAt.set(event.access_code_id, performance.now());
      }
      return fetch(input, init);
    },
  });
  configure(world.sandbox.control, deviceIds);
  const codes = await createCodes((params) => world.create(params), deviceIds);
  const verifier = world.verifier();
  const activeAt = new Map<string, number>();
  verifier.subscribe((update) => {
    if (update.state?.phase === 'active' && !activeAt.has(update.accessCodeId)) {
      activeAt.set(update.accessCodeId, performance.now());
    }
  });
  for (const code of codes) verifier.watch(code);
  await eventually(() => world.relay.relay.stats.subscribers === 1, 10_000, 'the stream opening');
  await eventually(() => world.network.count() >= 1, 10_000, 'the first look');
  await verifier.idle();
  const began = performance.now();
  // Virtual time in one-second steps; each step's webhooks go out as real HTTP requests.
  for (let step = 0; step < 2 * 60 * 60 && activeAt.size < CODES; step += 1) {
    world.sandbox.clock.advance(SECOND);
    await world.sandbox.whenIdle();
    if (step % 60 === 59) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await eventually(() => activeAt.size === CODES, 30_000, 'every code active');
  const wallMs = performance.now() - began;
  const lags = codes.map(
    (code) => activeAt.get(code.access_code_id)! - emittedAt.get(code.access_code_id)!,
  );
  const stats = world.relay.relay.stats;
  console.log(
    `core.verify.push.requests_until_all_verified_${CODES}_codes_${LOCKS}_locks: ${world.network.count()} ` +
      `(to Seam: ${world.network.requests.map((request) => request.route).join(', ')}; ` +
      `${world.tokensMinted.length} relay token(s), ${stats.webhooks.accepted} webhooks relayed, ` +
      `${stats.eventsDelivered} events streamed; ${wallMs.toFixed(0)} ms of real time)`,
  );
  console.log(`core.verify.push.lag_from_set_to_state_change_real: ${summary(lags, 'ms')}`);
  await world.close();
}

await virtualRun('poll', { poll: true });
await virtualRun('events', { events: true });
await pushRun();
