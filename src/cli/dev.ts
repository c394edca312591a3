#!/usr/bin/env node
// npm run dev [-- --port N]: apply the local D1 migrations and start the Worker in workerd
// through wrangler dev on 127.0.0.1, open to local requests (LOCAL_OPEN_ACCESS). The port
// is --port N, else $PORT, else 8787 (the extension's default checker address). Any other
// arguments go to wrangler dev as they are.

import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { WRANGLER as wrangler } from './dev-server.ts';

const root = join(import.meta.dirname, '../..');

export function devPort(args: readonly string[], env: NodeJS.ProcessEnv): { port: number; rest: string[] } {
  const rest: string[] = [];
  let raw = env['PORT'] ?? '8787';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--port') { raw = args[++i] ?? ''; continue; }
    if (a.startsWith('--port=')) { raw = a.slice(7); continue; }
    rest.push(a);
  }
  const port = Number(raw);
  if (!/^\d+$/u.test(raw) || port < 1 || port > 65535) throw new Error(`the port must be a whole number from 1 to 65535 (got "${raw}")`);
  return { port, rest };
}

if (import.meta.main) {
  let chosen: { port: number; rest: string[] };
  try { chosen = devPort(process.argv.slice(2), process.env); } catch (e) { console.error(`npm run dev: ${(e as Error).message}`); process.exit(2); }
  execFileSync(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local'], { cwd: root, stdio: 'inherit' });
  const dev = spawn(process.execPath, [wrangler, 'dev', '--ip', '127.0.0.1', '--port', String(chosen.port), '--var', 'LOCAL_OPEN_ACCESS:true', ...chosen.rest], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
  dev.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
