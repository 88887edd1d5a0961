import { schemas } from '@seamapi/types/connect';
import { describe, expect, it } from 'vitest';
import { ALL_FIXTURES } from './fixtures.js';

describe('device fixtures', () => {
  it.each(Object.entries(ALL_FIXTURES))(
    '%s is a valid Device of @seamapi/types 1.977.0',
    (_, make) => {
      const device = make();
      // Undefined keys are how a fixture removes a base field; the API would omit them.
      const wire = JSON.parse(JSON.stringify(device));
      expect(() => schemas.device.parse(wire)).not.toThrow();
    },
  );
});

describe('the fixture check itself', () => {
  it('rejects a device that lacks a required field', () => {
    const wire = JSON.parse(JSON.stringify(ALL_FIXTURES.schlage?.()));
    delete wire.properties.model;
    expect(() => schemas.device.parse(wire)).toThrow();
  });
});
