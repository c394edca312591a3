// Remembering the results of a pure one-word (or one-day) function: hot per-token work
// (stems, abuse keys, sound codes) and date arithmetic. The memory is bounded: past
// `limit` entries it is forgotten all at once, so odd input cannot make it grow.

export function memoize<V>(compute: (key: string) => V, limit: number): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    let v = known.get(key);
    if (v === undefined) {
      v = compute(key);
      if (known.size >= limit) known.clear();
      known.set(key, v);
    }
    return v;
  };
}
