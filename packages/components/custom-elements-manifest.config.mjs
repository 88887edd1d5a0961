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

/** Modules whose exports are the package's public API (what `.` and the element entries export). */
const PUBLIC_ENTRIES = ['src/index.ts', 'src/code-creator/index.ts', 'src/code-status/index.ts'];

/** `src/a/b.ts` -> `dist/a/b.js`: the file that ships (tsconfig.build.json mirrors src in dist). */
function shippedPath(path) {
  return typeof path === 'string' ? path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js') : path;
}

/**
 * Makes the manifest describe what is published:
 * - an event class's `detail` has the type its `SeamDetailEvent<...>` names;
 * - every event has a type: its event class, the one whose `static eventName` is the event's
 *   name (so a missing or loose `@fires {Type} name` tag still gives the right type), or else
 *   the `{Type}` of its tag;
 * - members that are not API (private, `#private`) are left out, and so is everything under
 *   `src/internal/` that the package does not export (`@internal` members are dropped by the
 *   analyzer itself);
 * - module paths point at the shipped `dist/*.js`, not at `src/*.ts`.
 */
function publishedManifestPlugin() {
  // Event class -> the type argument of its `extends SeamDetailEvent<...>`: the analyzer types
  // the inherited `detail` as the base's parameter, which tells a reader nothing.
  const detailTypes = new Map();
  return {
    name: 'seam-published-manifest',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || node.name === undefined) return;
      for (const clause of node.heritageClauses ?? []) {
        for (const type of clause.types) {
          if (type.expression.getText() === 'SeamDetailEvent' && type.typeArguments?.length === 1) {
            detailTypes.set(
              node.name.getText(),
              type.typeArguments[0].getText().replace(/\s+/g, ' '),
            );
          }
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const eventClasses = new Map();
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          const eventName = declaration.members?.find(
            (member) => member.static && member.name === 'eventName',
          );
          const name = /^'([^']+)'$/.exec(eventName?.default ?? '')?.[1];
          if (name !== undefined) eventClasses.set(name, declaration.name);
        }
      }
      const eventClassNames = new Set(eventClasses.values());
      const publicNames = new Set(
        modules
          .filter((module) => PUBLIC_ENTRIES.includes(module.path))
          .flatMap((module) => module.exports ?? [])
          .map((entry) => entry.name),
      );
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            // The event's type is its class. A tag naming something else (the detail type, or
            // CustomEvent<...>) is replaced by the class when there is one for that name.
            if (eventClassNames.has(event.type?.text)) continue;
            const type = eventClasses.get(event.name);
            if (type === undefined && event.type?.text) continue;
            if (type === undefined) {
              throw new Error(
                `manifest: <${declaration.tagName}> fires ${event.name}, but neither its @fires tag ` +
                  `nor an event class (static eventName = '${event.name}') gives its type`,
              );
            }
            event.type = { text: type };
          }
          const detailType = detailTypes.get(declaration.name);
          const detail = declaration.members?.find((member) => member.name === 'detail');
          if (detailType !== undefined && detail !== undefined) detail.type = { text: detailType };
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) => member.privacy !== 'private' && !member.name.startsWith('#'),
            );
          }
        }
        if (module.path.startsWith('src/internal/')) {
          module.declarations = (module.declarations ?? []).filter((d) => publicNames.has(d.name));
          module.exports = (module.exports ?? []).filter((entry) => publicNames.has(entry.name));
        }
      }
      customElementsManifest.modules = modules.filter(
        (module) => !module.path.startsWith('src/internal/') || module.declarations.length > 0,
      );
      for (const module of customElementsManifest.modules) {
        module.path = shippedPath(module.path);
        for (const declaration of module.declarations ?? []) {
          for (const reference of [
            declaration.superclass,
            ...(declaration.members ?? []).map((member) => member.inheritedFrom),
            ...(declaration.attributes ?? []).map((attribute) => attribute.inheritedFrom),
            ...(declaration.events ?? []).map((event) => event.inheritedFrom),
          ]) {
            if (reference?.module) reference.module = shippedPath(reference.module);
          }
        }
        for (const entry of module.exports ?? []) {
          if (entry.declaration?.module)
            entry.declaration.module = shippedPath(entry.declaration.module);
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
  plugins: [seamManifestPlugin(), publishedManifestPlugin()],
};
