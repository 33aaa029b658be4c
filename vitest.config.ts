/** @module Vitest configuration: every suite under tests/, run in one process pool. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // The PostgreSQL and Chromium smoke suites start real servers; give them room.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
