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
