import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// A thin set of requests run inside workerd (through miniflare), against the real
// Worker entry point and wrangler.toml: the rest of the suite runs in Node.
export default defineConfig({
  plugins: [cloudflareTest({
    wrangler: { configPath: '../../wrangler.toml' },
    // A test-only admin token (in production: wrangler secret put ADMIN_TOKEN).
    miniflare: { bindings: { ADMIN_TOKEN: 'test-admin-token' } },
  })],
  test: {
    include: ['*.test.ts'],
    testTimeout: 30_000,
  },
});
