// A set of disjoint half-open spans, kept sorted by start, that answers "does this
// span overlap one already taken?" by binary search: taking n spans costs n log n
// comparisons, not n squared, however many a hostile post produces.

export class DisjointSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Whether [start, end) overlaps a span already taken. */
  overlaps(start: number, end: number): boolean {
    // The last taken span that starts before `end` is the only one that can overlap
    // (the spans are disjoint, so their ends are in the same order as their starts).
    const i = this.lastStartBefore(end);
    return i >= 0 && this.ends[i]! > start;
  }

  /** Take [start, end); the caller has checked that it overlaps nothing. */
  add(start: number, end: number): void {
    const i = this.lastStartBefore(end) + 1;
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }

  /** Take [start, end) unless it overlaps; says whether it was taken. */
  take(start: number, end: number): boolean {
    if (this.overlaps(start, end)) return false;
    this.add(start, end);
    return true;
  }

  private lastStartBefore(end: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < end) lo = mid + 1; else hi = mid;
    }
    return lo - 1;
  }
}
