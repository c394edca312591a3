import { defineConfig } from 'vitest/config';

// Node tests of the pure core and the Hono app (app.request()). The thin set of
// requests inside workerd has its own config (test/workerd/vitest.config.ts), and so do
// the tests in a real Chromium (test/browser/vitest.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/workerd/**', 'test/browser/**', 'node_modules/**'],
    testTimeout: 20_000,
  },
});
