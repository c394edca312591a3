// Browser tests: build the extension, start the Worker with wrangler dev (workerd) on
// 127.0.0.1:8787 (the extension's default checker address), and serve the test pages
// that imitate social media composers on another localhost port.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const root = join(import.meta.dirname, '../..');
let wrangler: ChildProcess | undefined;
let pages: Server | undefined;
export const TEAM_TOKEN = 'browser-test-team-token-0123456789';

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { if ((await fetch(url)).ok) return; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

export async function setup(project: TestProject) {
  execFileSync(process.execPath, [join(root, 'extension/build.ts')], { cwd: root, stdio: 'inherit' });
  const state = mkdtempSync(join(tmpdir(), 'cpc-state-'));
  const bin = join(root, 'node_modules/.bin/wrangler');
  execFileSync(bin, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { cwd: root, stdio: 'ignore' });
  // A test-only team token for saved reviews (a real deployment sets the TEAM_TOKEN secret).
  wrangler = spawn(bin, ['dev', '--ip', '127.0.0.1', '--port', '8787', '--persist-to', state, '--var', `TEAM_TOKEN:${TEAM_TOKEN}`, '--var', 'LOCAL_OPEN_ACCESS:true'], { cwd: root, stdio: 'ignore', detached: true });
  await waitFor('http://127.0.0.1:8787/v1/health', 90_000);

  pages = createServer((req, res) => {
    const file = join(import.meta.dirname, 'pages', (req.url ?? '/').split('?')[0]!.replace(/^\/+/u, '') || 'textarea.html');
    if (!file.startsWith(join(import.meta.dirname, 'pages')) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => pages!.listen(0, 'localhost', r));
  const { port } = pages.address() as { port: number };
  project.provide('pagesUrl', `http://localhost:${port}`);
  project.provide('checkerUrl', 'http://127.0.0.1:8787');
  project.provide('teamToken', TEAM_TOKEN);
}

export async function teardown() {
  pages?.close();
  if (wrangler?.pid) { try { process.kill(-wrangler.pid, 'SIGTERM'); } catch { /* already gone */ } }
}

declare module 'vitest' {
  export interface ProvidedContext { pagesUrl: string; checkerUrl: string; teamToken: string }
}
