import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualClock } from '../src/clock.js';

describe('VirtualClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs timers in time order, ties in scheduling order, each at its own time', () => {
    const clock = new VirtualClock({ start: 1_000, speed: 0 });
    const seen: string[] = [];
    clock.schedule('c', 3_000, () => seen.push(`c@${clock.now()}`));
    clock.schedule('a', 2_000, () => seen.push(`a@${clock.now()}`));
    clock.schedule('b', 2_000, () => {
      seen.push(`b@${clock.now()}`);
      // Scheduled during the run and due within the window: runs in the same advance.
      clock.schedule('d', 2_500, () => seen.push(`d@${clock.now()}`));
    });
    clock.advance(5_000);
    expect(seen).toEqual(['a@2000', 'b@2000', 'd@2500', 'c@3000']);
    expect(clock.now()).toBe(6_000);
  });

  it('replaces a timer scheduled again under the same key, and cancels', () => {
    const clock = new VirtualClock({ start: 0, speed: 0 });
    const seen: number[] = [];
    clock.schedule('x', 10, () => seen.push(10));
    clock.schedule('x', 20, () => seen.push(20));
    clock.schedule('y', 15, () => seen.push(15));
    clock.cancel('y');
    clock.advance(100);
    expect(seen).toEqual([20]);
    expect(clock.has('x')).toBe(false);
  });

  it('stands still in manual mode and refuses bad input', () => {
    const clock = new VirtualClock({ start: 0, speed: 0 });
    expect(clock.now()).toBe(0);
    expect(() => clock.advance(-1)).toThrow(/non-negative/);
    expect(() => clock.setSpeed(-2)).toThrow(/speed/);
    expect(() => clock.advanceTo('yesterday')).toThrow(/ISO 8601/);
    clock.advanceTo('1970-01-01T00:00:01Z');
    expect(clock.now()).toBe(1_000);
  });

  it('flows at speed × real time and wakes itself for due timers', () => {
    vi.useFakeTimers();
    let real = 0;
    const clock = new VirtualClock({ start: 0, speed: 60, realNow: () => real });
    const seen: number[] = [];
    clock.schedule('minute', 60_000, () => seen.push(clock.now()));
    real = 500;
    expect(clock.now()).toBe(30_000);
    real = 1_000;
    vi.advanceTimersByTime(1_000);
    expect(seen).toEqual([60_000]);
    clock.setSpeed(0);
    real = 5_000;
    expect(clock.now()).toBe(60_000);
    clock.dispose();
  });
});
