import { defineConfig } from 'vite';

// The client bundle (what the browser hydrates with); `vite build --ssr server.tsx` makes the
// server's, which imports the packages from node_modules as a Next.js server does.
export default defineConfig({
  build: {
    outDir: 'dist/client',
    rolldownOptions: {
      input: 'client.tsx',
      output: { entryFileNames: '[name].js' },
    },
  },
});
