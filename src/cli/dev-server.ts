// `wrangler dev` (workerd, local KV and D1) started for a script or a test suite on
// 127.0.0.1: apply the D1 migrations into its own state directory, pass --var values,
// wait until /v1/health answers, and stop the whole process group afterwards. Used by
// the bench, `npm run fuzz` and the browser tests' global setup.

import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
// Run by the same Node as this script (wrangler needs >= 22; the shell's may be older).
export const WRANGLER = join(root, 'node_modules/wrangler/bin/wrangler.js');

export interface DevServer {
  readonly base: string;
  stop(): void;
}

export async function startDevServer(options: { port: number; persistTo: string; vars?: Record<string, string>; migrate?: boolean }): Promise<DevServer> {
  const { port, persistTo, vars = {}, migrate = false } = options;
  if (migrate) execFileSync(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], { cwd: root, stdio: 'ignore' });
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo, ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])];
  const dev = spawn(process.execPath, [WRANGLER, ...args], { cwd: root, stdio: 'ignore', detached: true });
  const stop = () => { if (dev.pid) { try { process.kill(-dev.pid, 'SIGTERM'); } catch { /* already gone */ } } };
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    try { if ((await fetch(`${base}/v1/health`)).ok) return { base, stop }; } catch { /* starting */ }
    if (Date.now() > until) { stop(); throw new Error(`wrangler dev did not answer on ${base} within 90 s`); }
    await new Promise((r) => setTimeout(r, 300));
  }
}
