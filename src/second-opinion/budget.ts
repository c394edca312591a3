// The deployment's daily cap on second-opinion calls. Counted in D1 (one row per UTC day,
// incremented atomically) so every isolate shares it; without a database, per isolate.

import type { CallBudget } from './index.ts';

export const DEFAULT_DAILY_CAP = 1000;

export function dailyCap(v: string | undefined): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && v !== undefined && v !== '' ? n : DEFAULT_DAILY_CAP;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export function d1Budget(db: D1Database, cap: number, now: () => Date = () => new Date()): CallBudget {
  return {
    async take() {
      if (cap === 0) return false;
      try {
        const row = await db.prepare('INSERT INTO second_opinion_usage (day, calls) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET calls = calls + 1 RETURNING calls')
          .bind(today(now())).first<{ calls: number }>();
        return (row?.calls ?? Number.POSITIVE_INFINITY) <= cap;
      } catch {
        return false; // no table, no database: no calls (the cap fails closed)
      }
    },
  };
}

const counts = new Map<string, number>();
export function memoryBudget(cap: number, now: () => Date = () => new Date()): CallBudget {
  return {
    async take() {
      const day = today(now());
      const n = (counts.get(day) ?? 0) + 1;
      counts.clear();
      counts.set(day, n);
      return n <= cap;
    },
  };
}
