import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// e2e: real Chromium with the built extension (.output/chrome-mv3; `npm run build` first).
// One file at a time: each file launches its own browser and the machine has two cores.
export default defineConfig({
  // The plugin gives the same `@/` resolution as the unit tests, for the Node-side parse.
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
