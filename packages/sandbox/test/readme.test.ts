import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CATALOGUE, SANDBOX_DEVICE_ROLES } from '../src/index.js';

const readme = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md'),
  'utf8',
);

describe('README', () => {
  it('documents every device of the default catalogue with its id and description', () => {
    for (const role of SANDBOX_DEVICE_ROLES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${role}\``));
      expect(row, role).toBeDefined();
      expect(row).toContain(SANDBOX_CATALOGUE.devices[role]);
      expect(row).toContain(SANDBOX_CATALOGUE.descriptions[role]);
    }
  });

  it('prints the credentials the sandbox really has', () => {
    for (const value of Object.values(SANDBOX_CATALOGUE.credentials)) {
      expect(readme).toContain(value);
    }
  });
});
