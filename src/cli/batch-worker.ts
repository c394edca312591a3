// A worker thread of the CLI's batch (batch-pool.ts): checks each chunk it is sent, in
// order, and sends back the results.

import { parentPort, workerData } from 'node:worker_threads';
import { checkItem, profileLookup } from '../batch/items.ts';
import type { ChunkReply, ChunkRequest } from './batch-pool.ts';

const { defaultProfile } = workerData as { defaultProfile: string };
const profiles = profileLookup(defaultProfile);

parentPort!.on('message', (m: ChunkRequest) => {
  const results = m.items.map((i) => checkItem(i.raw, i.where, profiles, i.warnings));
  parentPort!.postMessage({ seq: m.seq, results } satisfies ChunkReply);
});
