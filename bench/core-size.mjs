// Size of @seam-codes/core as the components ship it: tree-shaken to the names that
// packages/components imports at run time (type-only imports cost nothing), minified, gzip -9,
// lit excluded. Also the whole public surface, as an upper bound.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSize, kB, printFigure } from './lib/figures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const componentsSrc = join(here, '..', 'packages', 'components', 'src');

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
      yield path;
  }
}

/** Value names imported from '@seam-codes/core' (not `import type`, not `type X` specifiers). */
function coreNamesUsedByComponents() {
  const names = new Set();
  const importPattern = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+['"]@seam-codes\/core['"]/g;
  for (const file of sourceFiles(componentsSrc)) {
    for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
      if (match[1]) continue;
      for (const specifier of match[2].split(',')) {
        const trimmed = specifier.trim();
        if (!trimmed || trimmed.startsWith('type ')) continue;
        names.add(trimmed.split(/\s+as\s+/)[0].trim());
      }
    }
  }
  return [...names].sort();
}

const used = coreNamesUsedByComponents();
const whole = await bundleSize(`export * from '@seam-codes/core';`, { resolveDir: here });
printFigure('core.all_exports.min', kB(whole.minified), 'kB');
printFigure('core.all_exports.gzip', kB(whole.gzip), 'kB');
if (used.length === 0) {
  console.log('core.shipped_by_components: components import nothing from core yet');
} else {
  const shipped = await bundleSize(`export { ${used.join(', ')} } from '@seam-codes/core';`, {
    resolveDir: here,
  });
  printFigure('core.shipped_by_components.names', used.length);
  printFigure('core.shipped_by_components.min', kB(shipped.minified), 'kB');
  printFigure('core.shipped_by_components.gzip', kB(shipped.gzip), 'kB');
}
