// Remembering the results of a pure one-word (or one-day) function: hot per-token work
// (stems, abuse keys, sound codes) and date arithmetic. The memory is bounded by size:
// keys longer than MAX_KEY are computed but never kept (no real word is that long, and
// hostile input must not fill the heap with them), and past `limit` entries everything
// is forgotten at once, so the cache holds at most limit x MAX_KEY characters of keys.

export const MAX_KEY = 48;

export function memoize<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    if (key.length > MAX_KEY) return compute(key);
    let v = known.get(key);
    if (v === undefined) {
      v = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, v);
    }
    return v;
  };
}

/** Remembering a pure answer about one sentence of a document (weakly keyed by the
 * document, so it goes with it): detectors ask the same of a sentence for every term or
 * target in it, and a hostile post can have thousands. */
export function perSentence<D extends object, V>(compute: (doc: D, sentence: number) => V): (doc: D, sentence: number) => V {
  const byDoc = new WeakMap<D, Map<number, V>>();
  return (doc, sentence) => {
    let known = byDoc.get(doc);
    if (!known) { known = new Map(); byDoc.set(doc, known); }
    if (!known.has(sentence)) known.set(sentence, compute(doc, sentence));
    return known.get(sentence)!;
  };
}
