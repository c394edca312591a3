#!/usr/bin/env node
// npm run fuzz -- [count]: random requests over the whole HTTP surface
// (src/cli/fuzz-requests.ts) against `wrangler dev` (workerd, local KV and D1), 8 at a
// time; prints the count of each status and exits 1 if any was 5xx. Default 10,000.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { fuzzRequest, toRequest } from './fuzz-requests.ts';

const root = join(import.meta.dirname, '../..');
const count = Number(process.argv[2] ?? 10_000);
const port = 8797;
const base = `http://127.0.0.1:${port}`;
const tokens = { admin: `fuzz-admin-${'a'.repeat(32)}`, team: `fuzz-team-${'t'.repeat(32)}` };
const state = mkdtempSync(join(tmpdir(), 'cpc-fuzz-'));
const bin = join(root, 'node_modules/.bin/wrangler');
execFileSync(bin, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { cwd: root, stdio: 'ignore' });
const dev = spawn(bin, ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', state,
  '--var', 'LOCAL_OPEN_ACCESS:true', '--var', `ADMIN_TOKEN:${tokens.admin}`, '--var', `TEAM_TOKEN:${tokens.team}`], { cwd: root, stdio: 'ignore', detached: true });

try {
  const until = Date.now() + 90_000;
  for (;;) {
    try { if ((await fetch(`${base}/v1/health`)).ok) break; } catch { /* starting */ }
    if (Date.now() > until) throw new Error('wrangler dev did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
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
        const res = await fetch(toRequest(base, r));
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
  if (dev.pid) { try { process.kill(-dev.pid, 'SIGTERM'); } catch { /* gone */ } }
  rmSync(state, { recursive: true, force: true });
}
