import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';

// What a page that shows one element loads first, as Vite builds it for an integrator: the
// modules that only later steps need (following a code, creating one, explaining a problem)
// must be in chunks of their own, fetched when that step comes.
const src = fileURLToPath(new URL('../../src/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'seam-chunks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The modules of the entry chunk of a page importing `entry`, as paths under packages/. */
async function firstLoad(entry: string): Promise<string[]> {
  const dir = mkdtempSync(join(work, 'page-'));
  writeFileSync(join(dir, 'main.js'), `import ${JSON.stringify(join(src, entry))};`);
  writeFileSync(join(dir, 'index.html'), '<script type="module" src="./main.js"></script>');
  const result = (await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    build: { write: false, minify: false, modulePreload: false },
  })) as Rollup.RollupOutput;
  const entryChunk = result.output.find(
    (item): item is Rollup.OutputChunk => item.type === 'chunk' && item.isEntry,
  );
  if (entryChunk === undefined) throw new Error(`no entry chunk for ${entry}`);
  return Object.keys(entryChunk.modules)
    .filter((id) => entryChunk.modules[id]!.renderedLength > 0)
    .map((id) => id.replace(/^.*\/packages\//, ''));
}

const LATER = {
  verifier: 'core/src/verify/verifier.ts',
  lifecycle: 'core/src/lifecycle/transition.ts',
  guidanceTexts: 'core/src/lifecycle/guidance.ts',
  guidanceCodes: 'core/src/lifecycle/guidance-codes.ts',
  createSteps: 'core/src/codes/create-access-code.ts',
  statusElement: 'components/src/code-status/code-status.ts',
  german: 'components/src/internal/strings/de.ts',
};

describe('first load of a page with one element', () => {
  it('a creator loads its form, not the verifier, the create steps, the status or guidance texts', async () => {
    const modules = await firstLoad('code-creator/define.ts');
    expect(modules).toContain('components/src/code-creator/code-creator.ts');
    expect(modules).toContain('core/src/domain/validate-draft.ts');
    for (const later of Object.values(LATER)) expect(modules).not.toContain(later);
  });

  it('a status loads the element, not the create steps, the lock rules or guidance texts', async () => {
    const modules = await firstLoad('code-status/define.ts');
    expect(modules).toContain('components/src/code-status/code-status.ts');
    for (const later of [
      LATER.guidanceTexts,
      LATER.createSteps,
      LATER.german,
      LATER.verifier,
      'core/src/domain/capabilities.ts',
    ]) {
      expect(modules).not.toContain(later);
    }
  });
});
