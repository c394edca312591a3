#!/usr/bin/env node
// npm run fuzz -- [count]: random requests over the whole HTTP surface
// (src/cli/fuzz-requests.ts) against `wrangler dev` (workerd, local KV and D1), 8 at a
// time; prints the count of each status and exits 1 if any was 5xx. Default 10,000.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { startDevServer } from './dev-server.ts';
import { fuzzRequest, toRequest } from './fuzz-requests.ts';

const count = Number(process.argv[2] ?? 10_000);
const tokens = { admin: `fuzz-admin-${'a'.repeat(32)}`, team: `fuzz-team-${'t'.repeat(32)}` };
const state = mkdtempSync(join(tmpdir(), 'cpc-fuzz-'));
const dev = await startDevServer({ port: 8797, persistTo: state, migrate: true, vars: { LOCAL_OPEN_ACCESS: 'true', ADMIN_TOKEN: tokens.admin, TEAM_TOKEN: tokens.team } });

try {
  const requests = fc.sample(fuzzRequest(tokens), { numRuns: count, seed: 9 });
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < requests.length) {
      const r = requests[next++]!;
      let status: number;
      try {
        const res = await fetch(toRequest(dev.base, r));
        await res.arrayBuffer();
        status = res.status;
      } catch { status = 0; }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if ((status >= 500 || status === 0) && failures.length < 10) failures.push(`${r.method} ${r.path.slice(0, 120)} -> ${status}`);
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  const bad = [...statuses].filter(([s]) => s >= 500 || s === 0).reduce((n, [, k]) => n + k, 0);
  console.log(`${count.toLocaleString('en-GB')} fuzzed requests in ${seconds.toFixed(1)} s against wrangler dev: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([s, k]) => `${s === 0 ? 'no answer' : s} x${k}`).join(', ')}`);
  console.log(`5xx or no answer: ${bad}`);
  for (const f of failures) console.log(`  ${f}`);
  process.exitCode = bad > 0 ? 1 : 0;
} finally {
  dev.stop();
  rmSync(state, { recursive: true, force: true });
}
