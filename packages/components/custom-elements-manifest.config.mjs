// `cem analyze` reads this file: the manifest lists every attribute, property, event, part,
// custom property and custom state of the public elements, from their class JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts', 'src/internal/strings/**'],
  outdir: '.',
  litelement: true,
};
