import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { message, opinionJson, startMessagesStandIn } from '../stand-ins/messages-api.ts';

// A thin set of requests run inside workerd (through miniflare), against the real
// Worker entry point and wrangler.toml: the rest of the suite runs in Node. D1 gets the
// repo's migrations (migrations/) applied before the tests, as `wrangler d1 migrations
// apply` would.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(join(import.meta.dirname, '../../migrations'));
  // A stand-in for the Messages API, for the second opinion's SDK running inside workerd:
  // it raises officer criticism on the parking post and finds nothing elsewhere.
  const stand = await startMessagesStandIn((req) => ({
    body: message(req.raw.includes('team in charge of parking')
      ? opinionJson([{ category: 'officer-criticism', verdict: 'block', quotes: ['team in charge of parking'], reason: 'Sarcasm at the parking team.', clauseIds: ['6.1.9'] }])
      : opinionJson([])),
  }));
  return {
    plugins: [cloudflareTest({
      wrangler: { configPath: '../../wrangler.toml' },
      // Test-only tokens (in production: wrangler secret put ADMIN_TOKEN / TEAM_TOKEN), and
      // the local open access that npm run dev gives.
      miniflare: { bindings: { ADMIN_TOKEN: 'test-admin-token-0123456789abcdef', TEAM_TOKEN: 'test-team-token-0123456789abcdefg', LOCAL_OPEN_ACCESS: 'true', TEST_MIGRATIONS: migrations,
        ANTHROPIC_API_KEY: 'sk-ant-workerd-test', ANTHROPIC_BASE_URL: stand.url, SECOND_OPINION_COUNCILS: 'rugby', STAND_IN_URL: stand.url } },
    })],
    test: {
      include: ['*.test.ts'],
      setupFiles: ['./apply-migrations.ts'],
      testTimeout: 30_000,
    },
  };
});
