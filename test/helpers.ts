// Test helpers: example parsing ([[marked]] spans) and a fixed clock.

import type { Example } from '../src/lexicon/schema.ts';
import type { ContextInput } from '../src/schema/check.ts';

/** A fixed "now" so date-dependent results do not change with the day the tests run. */
export const NOW = new Date('2026-11-22T12:00:00Z');

export interface ParsedExample { text: string; spans: Array<{ start: number; end: number }>; context: ContextInput | undefined }

/** Strip [[...]] markers, returning the text and the marked spans (UTF-16 offsets). */
export function parseExample(example: Example): ParsedExample {
  const raw = typeof example === 'string' ? example : example.text;
  const context = typeof example === 'string' ? undefined : example.context;
  const spans: Array<{ start: number; end: number }> = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    if (raw.startsWith('[[', i)) {
      const close = raw.indexOf(']]', i + 2);
      const inner = raw.slice(i + 2, close);
      spans.push({ start: text.length, end: text.length + inner.length });
      text += inner;
      i = close + 2;
    } else {
      text += raw[i];
      i++;
    }
  }
  return { text, spans, context };
}
