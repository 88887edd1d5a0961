/**
 * Read faults: `/access_codes/list`, `/access_codes/get`, `/events/list` (and the other reads)
 * answer 429 or 503 on demand, by count or until a virtual time, with Seam's error bodies (checked
 * against the schemas by the caller) and `Retry-After`; writes are never faulted; faults clear.
 */
import { describe, expect, it } from 'vitest';
import { SandboxInputError } from '../src/index.js';
import { createCode, minute, setup } from './support/api.js';

describe('read faults', () => {
  it('answer the next `count` reads of the chosen routes with 429 and Retry-After', async () => {
    const { sandbox, api, cst, devices } = setup();
    const { access_code } = await createCode(api, { device_id: devices.builtInKeypad, name: 'A' });
    const fault = sandbox.control.faultReads({
      routes: ['/access_codes/list', '/access_codes/get'],
      status: 429,
      retryAfterS: 30,
      count: 2,
    });
    expect(fault).toMatchObject({ status: 429, retryAfterS: 30, remaining: 2, untilMs: null });
    const first = await cst('/access_codes/list', { device_id: devices.builtInKeypad });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('30');
    expect(first.body).toMatchObject({ error: { type: 'rate_limit_exceeded' }, ok: false });
    // Other routes go through, writes included.
    expect((await cst('/events/list', { since: '2026-03-01T00:00:00Z' })).status).toBe(200);
    const update = await api('/access_codes/update', {
      access_code_id: access_code.access_code_id,
      name: 'B',
    });
    expect(update.status).toBe(200);
    const second = await cst('/access_codes/get', { access_code_id: access_code.access_code_id });
    expect(second.status).toBe(429);
    // Used up: reads are served again.
    expect((await cst('/access_codes/list', { device_id: devices.builtInKeypad })).status).toBe(
      200,
    );
    expect(sandbox.control.readFaults()).toEqual([]);
  });

  it('answer 503 until a virtual time, then recover by themselves', async () => {
    const { sandbox, cst } = setup();
    const until = sandbox.clock.now() + 2 * minute;
    sandbox.control.faultReads({ routes: ['/events/list'], status: 503, untilMs: until });
    const during = await cst('/events/list', { since: '2026-03-01T00:00:00Z' });
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ error: { type: 'service_unavailable' } });
    expect(during.headers.get('retry-after')).toBeNull();
    sandbox.clock.advance(2 * minute - 1);
    expect((await cst('/events/list', { since: '2026-03-01T00:00:00Z' })).status).toBe(503);
    sandbox.clock.advance(1);
    expect((await cst('/events/list', { since: '2026-03-01T00:00:00Z' })).status).toBe(200);
  });

  it('give a 429 a Retry-After of 1 s when none is asked for, and clear on demand', async () => {
    const { sandbox, cst, devices } = setup();
    sandbox.control.faultReads({ routes: ['/access_codes/list'], status: 429, count: 1000 });
    const limited = await cst('/access_codes/list', { device_id: devices.builtInKeypad });
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(sandbox.control.clearReadFaults(['/events/list'])).toBe(0);
    expect(sandbox.control.clearReadFaults()).toBe(1);
    expect((await cst('/access_codes/list', { device_id: devices.builtInKeypad })).status).toBe(
      200,
    );
  });

  it('are refused with a message that says what is wrong', () => {
    const { sandbox } = setup();
    const fault = (options: unknown) => () => sandbox.control.faultReads(options as never);
    expect(fault({ routes: ['/access_codes/create'], status: 429, count: 1 })).toThrow(
      /"\/access_codes\/create" is not a read this sandbox can fault; use one of \/access_codes\/list/,
    );
    expect(fault({ routes: [], status: 429, count: 1 })).toThrow(/routes must name at least one/);
    expect(fault({ routes: ['/events/list'], status: 500, count: 1 })).toThrow(
      /status must be 429 or 503, got 500/,
    );
    expect(fault({ routes: ['/events/list'], status: 429 })).toThrow(
      /exactly one of count .* or untilMs/,
    );
    expect(fault({ routes: ['/events/list'], status: 429, count: 1, untilMs: 1 })).toThrow(
      /exactly one of count/,
    );
    expect(fault({ routes: ['/events/list'], status: 429, count: 0 })).toThrow(
      /count must be a whole number from 1 to 1000, got 0/,
    );
    expect(fault({ routes: ['/events/list'], status: 429, untilMs: sandbox.clock.now() })).toThrow(
      /untilMs must be a virtual time after now/,
    );
    expect(fault({ routes: ['/events/list'], status: 429, count: 1, retryAfterS: -1 })).toThrow(
      /retryAfterS must be a whole number of seconds from 1 to 86400/,
    );
    expect(fault({ routes: ['/events/list'], status: 429, count: 1 })).not.toThrow(
      SandboxInputError,
    );
  });

  it('are set, listed and cleared over /_sandbox/reads/*, and reset clears them', async () => {
    const { sandbox, control, cst, devices } = setup();
    const set = await control('/_sandbox/reads/fault', {
      routes: ['/access_codes/list'],
      status: 429,
      retry_after_s: 5,
      count: 3,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      fault: { routes: ['/access_codes/list'], status: 429, retry_after_s: 5, remaining: 3 },
    });
    const until = await control('/_sandbox/reads/fault', {
      routes: ['/events/list'],
      status: 503,
      until: new Date(sandbox.clock.now() + minute).toISOString(),
    });
    expect(until.body).toMatchObject({ fault: { until: '2026-03-02T15:01:00.000Z' } });
    const limited = await cst('/access_codes/list', { device_id: devices.builtInKeypad });
    expect(limited.headers.get('retry-after')).toBe('5');
    const listed = await control('/_sandbox/reads/faults', {});
    expect(listed.body).toMatchObject({
      faults: [{ remaining: 2 }, { routes: ['/events/list'], remaining: null }],
    });
    const bad = await control('/_sandbox/reads/fault', { routes: ['/x'], status: 429, count: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { type: 'invalid_input' } });
    const cleared = await control('/_sandbox/reads/clear', { routes: ['/events/list'] });
    expect(cleared.body).toMatchObject({ cleared: 1 });
    sandbox.reset();
    expect(sandbox.control.readFaults()).toEqual([]);
  });
});
