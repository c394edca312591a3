import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// A thin set of requests run inside workerd (through miniflare), against the real
// Worker entry point and wrangler.toml: the rest of the suite runs in Node. D1 gets the
// repo's migrations (migrations/) applied before the tests, as `wrangler d1 migrations
// apply` would.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(join(import.meta.dirname, '../../migrations'));
  return {
    plugins: [cloudflareTest({
      wrangler: { configPath: '../../wrangler.toml' },
      // Test-only tokens (in production: wrangler secret put ADMIN_TOKEN / TEAM_TOKEN), and
      // the local open access that npm run dev gives.
      miniflare: { bindings: { ADMIN_TOKEN: 'test-admin-token-0123456789abcdef', TEAM_TOKEN: 'test-team-token-0123456789abcdefg', LOCAL_OPEN_ACCESS: 'true', TEST_MIGRATIONS: migrations } },
    })],
    test: {
      include: ['*.test.ts'],
      setupFiles: ['./apply-migrations.ts'],
      testTimeout: 30_000,
    },
  };
});
