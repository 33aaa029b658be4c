/** @module Vite build of the designer single-page app: `designer/` → `designer/dist`, served by the runtime at `/`. */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Source maps let a failing browser test point at designer source lines.
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite designer` during development: the API of a `npm start` running beside it.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
