import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/cli.js for the tests that spawn the CLI.
    globalSetup: ['test/global-setup.ts'],
    // Each test file reports how many responses it checked against @seamapi/types.
    setupFiles: ['test/support/conformance-setup.ts'],
    // The fake Seam server and the sandbox start in-process; give them room on a 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
