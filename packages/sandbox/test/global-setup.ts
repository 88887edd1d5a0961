// Tests that spawn the CLI need dist/cli.js: build it once per run (about half a second). The
// schema-conformance count is collected across test files and printed at the end.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { collect } from './support/conformance.js';

export default function setup(project: TestProject): () => void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  return collect((dir) => project.provide('conformanceDir', dir));
}
