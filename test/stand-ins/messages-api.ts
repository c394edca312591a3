// A local stand-in for Anthropic's Messages API (POST /v1/messages), for tests: it
// records each request and answers with whatever the test scripts, in the documented
// response shape (a Message: id, type, role, model, content blocks, stop_reason, usage).

import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface Recorded { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown>; raw: string }
export interface Scripted { status?: number; headers?: Record<string, string>; body?: unknown; delayMs?: number }
export type Script = (req: Recorded, n: number) => Scripted;

/** A Message whose one text block is `text` (the structured output's JSON). */
export function message(text: string, o: { model?: string; stop?: string } = {}) {
  return {
    id: `msg_test_${Math.random().toString(36).slice(2, 10)}`,
    type: 'message',
    role: 'assistant',
    model: o.model ?? 'claude-haiku-4-5',
    content: [{ type: 'text', text }],
    stop_reason: o.stop ?? 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 180, output_tokens: 220, cache_creation_input_tokens: 0, cache_read_input_tokens: 5100 },
  };
}

export function opinionJson(risks: Array<{ category: string; verdict: string; quotes?: string[]; reason?: string; clauseIds?: string[] }>, rewrite = 'A rewritten post.') {
  const all = ['officer-criticism', 'confidential', 'electioneering', 'abuse'].map((c) => {
    const r = risks.find((x) => x.category === c);
    return { category: c, verdict: r?.verdict ?? 'ok', quotes: r?.quotes ?? [], reason: r?.reason ?? 'Nothing here.', clauseIds: r?.clauseIds ?? [] };
  });
  return JSON.stringify({ risks: all, rewrite });
}

export interface StandIn { url: string; requests: Recorded[]; script: Script; close(): Promise<void> }

export async function startMessagesStandIn(script: Script = () => ({ body: message(opinionJson([])) })): Promise<StandIn> {
  const state: StandIn = { url: '', requests: [], script, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { raw += chunk; });
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try { body = JSON.parse(raw) as Record<string, unknown>; } catch { /* recorded as is */ }
      // For tests in another process (workerd): what arrived so far.
      if (req.method === 'GET' && req.url === '/__recorded') { res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state.requests.map((r) => r.raw))); return; }
      const rec: Recorded = { path: req.url ?? '', headers: req.headers, body, raw };
      state.requests.push(rec);
      const out = req.url?.startsWith('/v1/messages') ? state.script(rec, state.requests.length) : { status: 404, body: { type: 'error', error: { type: 'not_found_error', message: 'not found' } } };
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(out.status ?? 200, { 'content-type': 'application/json', 'request-id': 'req_test', ...out.headers });
        res.end(typeof out.body === 'string' ? out.body : JSON.stringify(out.body ?? {}));
      };
      if (out.delayMs) setTimeout(send, out.delayMs); else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  server.unref(); // never what keeps a test run alive
  const { port } = server.address() as { port: number };
  state.url = `http://127.0.0.1:${port}`;
  state.close = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
  return state;
}

export const apiError = (status: number, type: string) => ({ status, body: { type: 'error', error: { type, message: type } } });
