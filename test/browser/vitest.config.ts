import { defineConfig } from 'vitest/config';

// Tests in a real Chromium (Debian's, /usr/bin/chromium, driven by playwright-core)
// against wrangler dev: the extension on pages that imitate composers, and the web page.
export default defineConfig({
  test: {
    include: ['*.test.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
