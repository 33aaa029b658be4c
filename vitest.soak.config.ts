/** @module Vitest configuration of the soak run (`npm run test:soak`): the long crash runs in tests/soak/. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/soak/**/*.soak.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
