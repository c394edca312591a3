// Browser tests: build the extension, start the Worker with wrangler dev (workerd) on a
// free port of 127.0.0.1 (never 8787, so a developer's running `npm run dev` is neither
// tested nor disturbed; launchExtension points the extension at it), and serve the test pages
// that imitate social media composers on another localhost port. The local state
// directory (D1 and KV files) is shared with the tests that look inside it.

import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from '../../src/cli/dev-server.ts';
import { SHOTS } from './shots.ts';
import { message, opinionJson, startMessagesStandIn, type StandIn } from '../stand-ins/messages-api.ts';

const root = join(import.meta.dirname, '../..');
let wrangler: DevServer | undefined;
let pages: Server | undefined;
let stand: StandIn | undefined;
export const TEAM_TOKEN = 'browser-test-team-token-0123456789';

export async function setup(project: TestProject) {
  execFileSync(process.execPath, [join(root, 'extension/build.ts')], { cwd: root, stdio: 'inherit' });
  mkdirSync(SHOTS, { recursive: true });
  const state = mkdtempSync(join(tmpdir(), 'cpc-state-'));
  // A test-only team token for saved reviews (a real deployment sets the TEAM_TOKEN secret).
  // A stand-in for the Messages API: the second opinion is on for Rugby only, and finds
  // sarcasm about parking decisions (the other councils keep the rules' own results).
  stand = await startMessagesStandIn((req) => ({
    body: message(req.raw.includes('fine decision on parking')
      ? opinionJson([{ category: 'officer-criticism', verdict: 'block', quotes: ['fine decision on parking'], reason: 'Sarcasm at the parking team.', clauseIds: ['2. Pillars - Mutual respect'] }], 'Parking decisions: I have asked the Cabinet Member to explain this one.')
      : req.raw.includes('anobeithiol')
        ? opinionJson([{ category: 'officer-criticism', verdict: 'block', quotes: ['Pennaeth Cynllunio yn hollol anobeithiol'], reason: 'It ridicules the Head of Planning in public.', clauseIds: ['2. Pillars - Mutual respect'] }], "Byddaf yn gofyn i'r Aelod Cabinet esbonio'r penderfyniad hwn.")
        : opinionJson([])),
  }));
  const port = await freePort();
  wrangler = await startDevServer({ port, persistTo: state, migrate: true, vars: {
    TEAM_TOKEN, LOCAL_OPEN_ACCESS: 'true', ANTHROPIC_API_KEY: 'sk-ant-browser-test', ANTHROPIC_BASE_URL: stand.url, SECOND_OPINION_COUNCILS: 'rugby',
  } });

  pages = createServer((req, res) => {
    const file = join(import.meta.dirname, 'pages', (req.url ?? '/').split('?')[0]!.replace(/^\/+/u, '') || 'textarea.html');
    if (!file.startsWith(join(import.meta.dirname, 'pages')) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => pages!.listen(0, 'localhost', r));
  project.provide('pagesUrl', `http://localhost:${(pages.address() as AddressInfo).port}`);
  project.provide('checkerUrl', wrangler.base);
  project.provide('teamToken', TEAM_TOKEN);
  project.provide('statePath', state);
}

/** A port of 127.0.0.1 nothing listens on now (the system picks it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

export async function teardown() {
  pages?.close();
  wrangler?.stop();
  await stand?.close();
}

declare module 'vitest' {
  export interface ProvidedContext { pagesUrl: string; checkerUrl: string; teamToken: string; statePath: string }
}
