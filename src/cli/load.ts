#!/usr/bin/env node
// npm run load -- [seconds]: measured load against `wrangler dev` on 127.0.0.1 (never
// another host): autocannon on /v1/health (the ceiling: routing, no analysis) and on
// /v1/check with a typical post, at 10 and 50 connections, each for `seconds` (default
// 10, at most 60). Prints req/s, p50/p99 latency, errors and non-2xx answers, and the
// check's share of the health ceiling; exits 1 on any error or non-2xx.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startDevServer } from './dev-server.ts';

const seconds = Math.min(60, Math.max(1, Number(process.argv[2] ?? 10) || 10));
const CONNECTIONS = [10, 50];
/** A typical draft: about 280 characters, one finding. */
const POST = 'Huge thanks to everyone who came to the Elm Road consultation on Saturday. '
  + 'Frankly the Head of Planning has made a complete mess of this application and residents deserve better. '
  + 'I will keep pushing for a proper answer on the parking and the trees. #Southend';

interface Row { route: string; connections: number; rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

async function measure(base: string, route: string, connections: number): Promise<Row> {
  const check = route === '/v1/check';
  const result = await autocannon({
    url: `${base}${route}`,
    connections,
    duration: seconds,
    pipelining: 1,
    ...(check ? { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: POST, profile: 'southend-on-sea' }) } : {}),
  });
  return { route, connections, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts, non2xx: result.non2xx, requests: result.requests.total };
}

const state = mkdtempSync(join(tmpdir(), 'cpc-load-'));
const dev = await startDevServer({ port: 8799, persistTo: state, vars: { LOCAL_OPEN_ACCESS: 'true' } });
const rows: Row[] = [];
try {
  // Warm the isolate (lexicons, scorer) before measuring.
  for (let i = 0; i < 50; i++) await (await fetch(`${dev.base}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: POST }) })).arrayBuffer();
  for (const connections of CONNECTIONS) {
    for (const route of ['/v1/health', '/v1/check']) rows.push(await measure(dev.base, route, connections));
  }
} finally {
  dev.stop();
  rmSync(state, { recursive: true, force: true });
}

console.log(`load against wrangler dev (workerd) on 127.0.0.1, ${seconds} s per run, a ${POST.length}-character post for /v1/check`);
console.log('route        conns   req/s   p50 ms  p99 ms  errors  non-2xx  requests');
for (const r of rows) {
  console.log(`${r.route.padEnd(12)} ${String(r.connections).padStart(5)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)} ${String(r.requests).padStart(9)}`);
}
for (const connections of CONNECTIONS) {
  const [health, check] = ['/v1/health', '/v1/check'].map((route) => rows.find((r) => r.route === route && r.connections === connections)!);
  console.log(`${connections} connections: /v1/check at ${((check!.rps / health!.rps) * 100).toFixed(0)}% of the /v1/health ceiling (target >= 80%)`);
}
const bad = rows.reduce((n, r) => n + r.errors + r.non2xx, 0);
console.log(`errors and non-2xx: ${bad}`);
process.exit(bad > 0 ? 1 : 0);
