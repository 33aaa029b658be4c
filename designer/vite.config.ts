/** @module Vite build of the designer single-page app: `designer/` → `designer/dist`, served by the runtime at `/`. */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vite bundles React's development variant (several times larger and slower: a 200-field form took
 * seconds to render) whenever the building process has NODE_ENV set to anything but "production" —
 * and the test runner, which builds the designer before the browser suites, sets it to "test". A
 * build is always a production build; the caller's NODE_ENV is put back when the build ends, so the
 * tests that run afterwards in the same process still see their own.
 */
function productionBuild(callerNodeEnv: string | undefined): Plugin {
  const restore = () => {
    if (callerNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callerNodeEnv;
  };
  return {
    name: 'closedloop:production-build',
    apply: 'build',
    buildEnd(error) {
      if (error) restore();
    },
    closeBundle: restore,
  };
}

export default defineConfig(({ command }) => {
  const callerNodeEnv = process.env.NODE_ENV;
  // Read by Vite right after this file is loaded, to choose production React and JSX.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    plugins: [react(), productionBuild(callerNodeEnv)],
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
  };
});
