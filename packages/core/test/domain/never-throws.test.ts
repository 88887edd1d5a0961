import type { Device } from '@seamapi/types/connect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeCapabilities,
  suggestCode,
  validateCodeDraft,
  type DraftField,
} from '../../src/domain/index.js';
import { ALL_FIXTURES } from './fixtures.js';

const FIELDS: readonly DraftField[] = [
  'device',
  'name',
  'code',
  'starts_at',
  'ends_at',
  'preferred_code_length',
];

/** Any value at all, including null-prototype objects, Maps, typed arrays and boxed values. */
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** Drafts whose known fields hold anything, so every field's type check is reached. */
const draftLike = fc.record(
  {
    name: anything,
    code: fc.oneof(anything, fc.stringMatching(/^[0-9]{1,10}$/)),
    starts_at: fc.oneof(
      anything,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    ),
    ends_at: fc.oneof(
      anything,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    ),
    preferred_code_length: fc.oneof(anything, fc.integer({ min: 0, max: 12 })),
    prefer_native_scheduling: anything,
    is_offline_access_code: anything,
    is_one_time_use: anything,
    use_backup_access_code_pool: anything,
    max_time_rounding: fc.oneof(anything, fc.constantFrom('1hour', '1day', '1h', '1d')),
  },
  { requiredKeys: [] },
);

const fixtureNames = Object.keys(ALL_FIXTURES);
const device = (name: string) => (ALL_FIXTURES[name] as () => Device)();

describe('never throws', () => {
  it('validateCodeDraft, on any draft at all', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtureNames),
        fc.oneof(anything, draftLike),
        (name, draft) => {
          const result = validateCodeDraft(draft, {
            device: device(name),
            now: Date.UTC(2026, 11, 1),
          });
          expect(result.ok).toBe(result.errors.length === 0);
          // The last-resort catch is for hostile objects only; plain data must never reach it.
          expect(result.errors.map((issue) => issue.code)).not.toContain('draft_unreadable');
          for (const issue of [...result.errors, ...result.warnings]) {
            expect(FIELDS).toContain(issue.field);
            expect(issue.code).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
            expect(issue.message.length).toBeGreaterThan(10);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('validateCodeDraft, with anything as the rest of the context too', () => {
    fc.assert(
      fc.property(
        anything,
        anything,
        anything,
        anything,
        anything,
        (draft, codes, now, margin, id) => {
          const result = validateCodeDraft(draft, {
            device: device('kwikset'),
            existingCodes: codes as never,
            now: now as never,
            startDateMarginMs: margin as never,
            ignoreAccessCodeId: id as never,
          });
          expect(result.errors.map((issue) => issue.code)).not.toContain('draft_unreadable');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('describeCapabilities and suggestCode, on anything posing as a device', () => {
    fc.assert(
      fc.property(anything, anything, (candidate, codes) => {
        const caps = describeCapabilities(candidate as Device, { existingCodes: codes as never });
        expect(typeof caps.canTakeOnlineCodes).toBe('boolean');
        const pin = suggestCode(candidate as Device, codes as never, () => 0.5);
        expect(pin === null || /^[0-9]+$/.test(pin)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
