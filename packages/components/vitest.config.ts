import { defineConfig } from 'vitest/config';

// Node tests of the pure parts (the creator's form model); the elements run in Chromium (wtr).
export default defineConfig({
  test: {
    include: ['test/node/**/*.spec.ts'],
    testTimeout: 20_000,
  },
});
