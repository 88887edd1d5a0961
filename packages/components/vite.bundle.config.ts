// dist/seam-components.js: one self-contained ES module (lit and @seam-codes/core inlined, fully
// minified) that defines both elements, so a plain HTML page needs a single
// <script type="module" src=".../seam-components.js">.
import { defineConfig } from 'vite';
import { minifyTemplatesPlugin } from './tools/minify-templates.mjs';

export default defineConfig({
  plugins: [minifyTemplatesPlugin()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    lib: {
      entry: 'src/seam-components.ts',
      formats: ['es'],
      fileName: () => 'seam-components.js',
    },
    rolldownOptions: {
      // Vite's lib mode keeps whitespace for the 'es' format even with minify: true; Rolldown's
      // own minifier gives the real size (toolchain notes, §5).
      // inlineDynamicImports: the lazily loaded parts (verifier sources, other languages) stay in
      // this one file, for those who want one file.
      output: { minify: true, inlineDynamicImports: true },
    },
  },
});
