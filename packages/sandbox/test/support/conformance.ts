/**
 * The schema-conformance count: each test file writes how many responses it checked against the
 * latest @seamapi/types (and from which routes) into a directory the global setup made; the
 * teardown prints the total, and which Seam routes no test reached.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';
import { checked } from './api.js';
import { responseSchemas } from './schemas.js';

declare module 'vitest' {
  export interface ProvidedContext {
    conformanceDir: string;
  }
}

/** In each test file (a setup file): report this file's counts when it ends. */
export function reportFromFile(): void {
  afterAll(() => {
    const dir = inject('conformanceDir');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${process.pid}-${Math.random().toString(36).slice(2)}.json`),
      JSON.stringify({ ...checked, routes: [...checked.routes] }),
    );
  });
}

/** In the global setup: a fresh directory, and the printed total at the end. */
export function collect(provide: (dir: string) => void): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'seam-sandbox-conformance-'));
  provide(dir);
  return () => {
    let responses = 0;
    let errors = 0;
    const routes = new Set<string>();
    for (const name of readdirSync(dir)) {
      const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
        responses: number;
        errors: number;
        routes: string[];
      };
      responses += file.responses;
      errors += file.errors;
      for (const route of file.routes) routes.add(route);
    }
    rmSync(dir, { recursive: true, force: true });
    const manifest = new URL('../../node_modules/@seamapi/types/package.json', import.meta.url);
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    const seamRoutes = Object.keys(responseSchemas);
    const missed = seamRoutes.filter((route) => !routes.has(route));
    console.log(
      `[conformance] ${responses} responses (${errors} errors) from ${seamRoutes.length - missed.length} of ${seamRoutes.length} routes parsed strictly under @seamapi/types ${version}` +
        (missed.length > 0 ? `; not reached by these tests: ${missed.join(', ')}` : ''),
    );
  };
}
