// One batch result as a CSV row (the CLI's --format csv and a saved review's export).

import { CATEGORIES } from '../pipeline/types.ts';
import { isError, type ItemResult } from './items.ts';

export const CSV_HEADER = ['id', 'row', 'verdict', 'score', ...CATEGORIES, 'findings', 'risky words', 'clauses', 'reason', 'suggestion', 'network', 'account', 'author', 'date', 'link', 'error'];

export function csvRow(r: ItemResult): unknown[] {
  const where = r.row ?? r.line ?? r.index ?? '';
  if (isError(r)) return [r.id ?? '', where, 'error', '', ...CATEGORIES.map(() => ''), 0, '', '', '', '', '', '', '', '', '', r.error.message];
  const shown = r.findings.filter((f) => f.severity !== 'info');
  const top = shown[0];
  return [
    r.id, where, r.verdict, r.score, ...CATEGORIES.map((c) => r.categories[c].verdict), shown.length,
    shown.map((f) => f.actual).join(' | '),
    [...new Set(shown.flatMap((f) => f.clauses.map((c) => c.id)))].join(', '),
    top?.message ?? '', top?.suggestion ?? '',
    r.meta?.network ?? '', r.meta?.account ?? '', r.meta?.author ?? '', r.meta?.date ?? '', r.meta?.link ?? '', '',
  ];
}
