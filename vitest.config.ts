import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: [
      'utils/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'cli/**/*.test.ts',
      'entrypoints/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/corpus/**/*.test.ts',
    ],
    setupFiles: ['fake-indexeddb/auto'],
  },
});
