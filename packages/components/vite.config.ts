// The library build: one ES module per published entry point (each element, its define module,
// the package index), with lit, @lit/* and @seam-codes/* left as bare imports for the host's
// bundler to resolve once.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        define: 'src/define.ts',
        'code-creator': 'src/code-creator/index.ts',
        'code-creator/define': 'src/code-creator/define.ts',
        'code-status': 'src/code-status/index.ts',
        'code-status/define': 'src/code-status/define.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit($|\/)/, /^@lit\//, /^@seam-codes\//, /^@seamapi\//],
      // Code shared by several entry points (base element, strings) goes in named chunks.
      output: { chunkFileNames: 'shared-[hash].js' },
    },
  },
});
