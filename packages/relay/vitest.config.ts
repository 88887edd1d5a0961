import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every test runs real HTTP on loopback and the CLI test builds and spawns dist/cli.js; give
    // them room on a 2-core machine shared with other packages' tests.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
