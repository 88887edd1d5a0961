// Unit tests of withoutPins: every place a PIN sits in what Seam returns (issue 10, finding 2).
import { describe, expect, it } from 'vitest';
import { PIN_WITHHELD, isPinWithheld, withoutPins } from '../../src/verify/pin-free.js';

describe('withoutPins', () => {
  it('withholds the PIN of codes, pending mutations, code changes and events, and nothing else', () => {
    const state = {
      accessCodeId: 'a1',
      issues: [{ code: 'failed_to_set_on_device', message: 'x' }],
      snapshot: {
        accessCode: {
          access_code_id: 'a1',
          code: '4827',
          name: 'Guest',
          pending_mutations: [
            { mutation_code: 'updating_code', from: { code: '4827' }, to: { code: '9913' } },
          ],
          errors: [
            {
              error_code: 'conflicting_external_modification',
              modified_fields: [{ field: 'code', from: '4827', to: '5555' }],
            },
          ],
        },
      },
      event: {
        access_code_id: 'a1',
        event_type: 'access_code.changed',
        code: 'A7B9',
        changed_properties: [{ property: 'code', from: '4827', to: '9913' }],
      },
    };
    const stripped = withoutPins(state);
    const text = JSON.stringify(stripped);
    for (const pin of ['4827', '9913', '5555', 'A7B9']) expect(text).not.toContain(pin);
    expect(stripped.snapshot.accessCode.code).toBe(PIN_WITHHELD);
    expect(isPinWithheld(stripped.snapshot.accessCode.code)).toBe(true);
    // Issue codes are not PINs; the original is not touched.
    expect(stripped.issues[0]!.code).toBe('failed_to_set_on_device');
    expect(state.snapshot.accessCode.code).toBe('4827');
    // Nothing to strip: the same object back.
    const plain = { accessCodeId: 'a1', phase: 'active' };
    expect(withoutPins(plain)).toBe(plain);
    expect(withoutPins({ access_code_id: 'a1', code: null }).code).toBeNull();
  });
});
