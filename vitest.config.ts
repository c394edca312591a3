import { defineConfig } from 'vitest/config';

// Node tests of the pure core and the Hono app (app.request()). The thin set of
// requests inside workerd has its own config: test/workerd/vitest.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/workerd/**', 'node_modules/**'],
    testTimeout: 20_000,
  },
});
