// `cem analyze` reads this file: the manifest lists every attribute, property, event, part,
// custom property and custom state of the public elements, from their class JSDoc.

/**
 * Keeps the manifest to what the JSDoc declares: the analyzer also guesses events from
 * `dispatchEvent(new SomeEvent(detail))` calls, and a define helper from `customElements.define`
 * with variables; those guesses are wrong here. Definitions are recorded where they happen: each
 * element's `define.ts` (and the package `define.ts`, which imports both).
 */
function seamManifestPlugin() {
  return {
    name: 'seam-manifest',
    packageLinkPhase({ customElementsManifest }) {
      const elements = [];
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) {
            declaration.events = declaration.events.filter(
              (event) => typeof event.name === 'string' && event.name.startsWith('seam-'),
            );
          }
          if (declaration.tagName) elements.push({ declaration, module: module.path });
        }
        module.exports = (module.exports ?? []).filter(
          (entry) => entry.kind !== 'custom-element-definition',
        );
      }
      const definitions = {
        'src/code-creator/define.ts': ['seam-code-creator', 'seam-code-status'],
        'src/code-status/define.ts': ['seam-code-status'],
        'src/define.ts': ['seam-code-creator', 'seam-code-status'],
        'src/seam-components.ts': ['seam-code-creator', 'seam-code-status'],
      };
      for (const module of customElementsManifest.modules) {
        for (const tag of definitions[module.path] ?? []) {
          const element = elements.find((candidate) => candidate.declaration.tagName === tag);
          if (element === undefined) throw new Error(`manifest: no element declares <${tag}>`);
          module.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: element.declaration.name, module: element.module },
          });
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/internal/strings/**'],
  outdir: '.',
  litelement: true,
  plugins: [seamManifestPlugin()],
};
