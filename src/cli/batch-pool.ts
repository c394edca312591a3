// The CLI's batch on several cores: posts are checked by worker threads (batch-worker.ts)
// in chunks, and come back in the order they were read. At most a few chunks per worker
// are in flight, so memory stays flat however long the input. The answers are the same
// as checking in one thread (checkItem on each item; the batch tests compare the two).

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkItem, type ItemResult, type ProfileLookup, type Where } from '../batch/items.ts';

/** An item read from the input, waiting to be checked, or already answered (a line that
 * is not JSON). `text` is what the writer shows with the result. */
export type Pending =
  | { readonly raw: unknown; readonly where: Where; readonly warnings: string[]; readonly text: string }
  | { readonly result: ItemResult; readonly text: string };

export interface Done { readonly result: ItemResult; readonly text: string }

/** What a worker is sent and sends back. */
export interface ChunkRequest { readonly seq: number; readonly items: ReadonlyArray<{ raw: unknown; where: Where; warnings: string[] }> }
export interface ChunkReply { readonly seq: number; readonly results: ItemResult[] }

const WORKER = join(import.meta.dirname, 'batch-worker.ts');

/** Posts a chunk: big enough that messaging costs little next to ~1 ms of analysis a post. */
const CHUNK = 64;
/** Chunks in flight per worker: one being checked, one waiting, so no worker idles. */
const AHEAD = 2;

/** Check in this thread, one item at a time. */
export async function* checkHere(items: AsyncIterable<Pending>, profiles: ProfileLookup): AsyncGenerator<Done> {
  for await (const p of items) yield 'result' in p ? p : { result: checkItem(p.raw, p.where, profiles, p.warnings), text: p.text };
}

/** Check on `workers` worker threads, `defaultProfile` for items that name none. */
export async function* checkOnWorkers(items: AsyncIterable<Pending>, defaultProfile: string, workers: number): AsyncGenerator<Done> {
  const pool = Array.from({ length: workers }, () => new Worker(WORKER, { workerData: { defaultProfile } }));
  const waiting = new Map<number, { resolve: (r: ItemResult[]) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  let closing = false;
  const fail = (e: Error) => { if (closing) return; failure ??= e; for (const w of waiting.values()) w.reject(e); waiting.clear(); };
  for (const w of pool) {
    w.on('message', (m: ChunkReply) => { const p = waiting.get(m.seq); waiting.delete(m.seq); p?.resolve(m.results); });
    w.on('error', (e) => fail(new Error(`a batch worker failed: ${e.message}`)));
    w.on('exit', (code) => { if (code !== 0) fail(new Error(`a batch worker stopped (exit code ${code})`)); });
  }
  // Chunks in reading order: each is its items and the promise of its workers' answers.
  const queue: Array<{ chunk: Pending[]; answers: Promise<ItemResult[]> }> = [];
  let seq = 0;
  const send = (chunk: Pending[]) => {
    const jobs = chunk.flatMap((p) => ('result' in p ? [] : [{ raw: p.raw, where: p.where, warnings: p.warnings }]));
    const mine = seq++;
    const answers = jobs.length === 0 ? Promise.resolve([]) : new Promise<ItemResult[]>((resolve, reject) => {
      if (failure) { reject(failure); return; }
      waiting.set(mine, { resolve, reject });
      pool[mine % pool.length]!.postMessage({ seq: mine, items: jobs } satisfies ChunkRequest);
    });
    answers.catch(() => undefined); // awaited in order below; a failure surfaces there
    queue.push({ chunk, answers });
  };
  async function* takeFirst(): AsyncGenerator<Done> {
    const { chunk, answers } = queue.shift()!;
    const results = await answers;
    let k = 0;
    for (const p of chunk) yield 'result' in p ? p : { result: results[k++]!, text: p.text };
  }
  try {
    let chunk: Pending[] = [];
    for await (const p of items) {
      chunk.push(p);
      if (chunk.length < CHUNK) continue;
      send(chunk);
      chunk = [];
      if (queue.length >= workers * AHEAD) yield* takeFirst();
    }
    if (chunk.length > 0) send(chunk);
    while (queue.length > 0) yield* takeFirst();
  } finally {
    closing = true;
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
