// Checking one item of a batch (a JSON item, a JSONL line or a CSV row): validate, find
// its council profile, analyse. Never throws: a bad item becomes its own error entry so
// the rest of the batch carries on.

import { analyzeDetailed, withSafeReplacements, type Detailed } from '../pipeline/analyze.ts';
import { getProfile, profileIds } from '../profiles/index.ts';
import type { Profile } from '../profiles/schema.ts';
import { BatchItemSchema, type BatchItem, type ItemMeta } from '../schema/batch.ts';
import type { CheckResponse } from '../schema/check.ts';

export interface ItemError {
  code: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
  known?: string[];
}

/** Where the item came from: its index in a JSON array, its line or its CSV row. */
export interface Where { index?: number; line?: number; row?: number }

export type ItemResult =
  | ({ id: string | number } & Where & CheckResponse & { meta?: ItemMeta; warnings?: string[] })
  | ({ id: string | number | null } & Where & { error: ItemError });

export const isError = (r: ItemResult): r is Extract<ItemResult, { error: ItemError }> => 'error' in r;

export interface ProfileLookup {
  get(id: string | undefined): Profile | undefined;
  known(): string[];
}

/** The bundled profiles, `defaultId` for items that name none. */
export const profileLookup = (defaultId: string): ProfileLookup => ({ get: (id) => getProfile(id ?? defaultId), known: profileIds });

/** An item's post text, '' when it has none (for a review to keep, or the report to show). */
export const textOf = (raw: unknown): string => {
  const t = (raw as { text?: unknown } | null)?.text;
  return typeof t === 'string' ? t : '';
};

const place = (w: Where) => (w.row !== undefined ? `row ${w.row}` : w.line !== undefined ? `line ${w.line}` : `item ${w.index ?? '?'}`);

/** Check an already-parsed item (unknown shape) with its warnings from parsing. */
export function checkItem(raw: unknown, where: Where, profiles: ProfileLookup, warnings: string[] = [], now?: Date): ItemResult {
  return checkItemDetailed(raw, where, profiles, warnings, now).result;
}

/** A checked item, and (when it could be checked) what a second opinion needs. */
export type ItemHead = { id: string | number; meta?: ItemMeta; warnings?: string[] } & Where;
export interface CheckedItem { result: ItemResult; head?: ItemHead; detailed?: Detailed; text?: string; profile?: Profile }

/** `suggestions`: also offer the replacements that are safe to apply (as /v1/check does;
 * an analysis per suggestion, so the CLI's batches leave them out). */
export function checkItemDetailed(raw: unknown, where: Where, profiles: ProfileLookup, warnings: string[] = [], now?: Date, suggestions = false): CheckedItem {
  const rawId = (raw as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  const parsed = BatchItemSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const said = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return { result: { id, ...where, error: { code: 'invalid_item', message: `${place(where)} cannot be checked (${said})`, issues } } };
  }
  const item: BatchItem = parsed.data;
  const profile = profiles.get(item.profile);
  if (!profile) return { result: { id: item.id, ...where, error: { code: 'unknown_profile', message: `${place(where)} names an unknown profile "${item.profile}"`, known: profiles.known() } } };
  let detailed: Detailed;
  try {
    const options = { profile, context: item.context, ...(now ? { now } : {}) };
    detailed = analyzeDetailed(item.text, options);
    if (suggestions) detailed = withSafeReplacements(item.text, detailed, options);
  } catch (e) {
    // A defect, not the item's fault: this item says so and the batch carries on.
    return { result: { id: item.id, ...where, error: { code: 'analysis_failed', message: `${place(where)} could not be checked (${e instanceof Error ? e.name : 'error'}); the rest of the batch was` } } };
  }
  const head: ItemHead = { id: item.id, ...where, ...(item.meta ? { meta: item.meta } : {}), ...(warnings.length ? { warnings } : {}) };
  return { result: withResponse(head, detailed.response), head, detailed, text: item.text, profile };
}

/** An item's result with its /v1/check response (replaced, e.g. after a second opinion). */
export function withResponse(head: ItemHead, response: CheckResponse): ItemResult {
  const { meta, warnings, ...where } = head;
  return { ...where, ...response, ...(meta ? { meta } : {}), ...(warnings ? { warnings } : {}) };
}

/** Check one JSONL line; `raw` is the parsed line (undefined when it is not JSON). */
export function checkJsonLine(line: string, lineNo: number, profiles: ProfileLookup): { result: ItemResult; raw: unknown } {
  let raw: unknown;
  try { raw = JSON.parse(line); } catch { return { result: { id: null, line: lineNo, error: { code: 'invalid_json', message: `line ${lineNo} is not valid JSON` } }, raw: undefined }; }
  return { result: checkItem(raw, { line: lineNo }, profiles), raw };
}
