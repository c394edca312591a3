// Forward compatibility (issue 12): a JSON body's unknown TOP-LEVEL fields are set aside
// before validation and reported as warnings, so a client built against a newer API
// (sending a field this Worker does not know yet) still gets its answer. The request
// schemas themselves stay strict objects: unknown values of known fields, and unknown
// keys inside nested objects (context, context.election, a batch item, its meta) are
// still refused with 400 (or, for a batch item, that item's own error), because there a
// misspelt key ("chanel") would silently change how the post is judged.
// Used by every route that reads a JSON body with a top-level schema; this is the only
// place that decides what "unknown" means.

import * as z from 'zod';

export const RequestWarningSchema = z.object({
  code: z.enum(['unknown_field', 'unknown_fields_omitted']),
  /** The unknown field's name (cut at 100 characters); absent for the summary line. */
  field: z.string().optional(),
  message: z.string(),
});
export type RequestWarning = z.infer<typeof RequestWarningSchema>;

/** At most this many unknown fields are named; one more warning counts the rest. */
export const MAX_FIELD_WARNINGS = 20;
const MAX_FIELD_NAME = 100;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body without the top-level fields `schema` does not know, and a warning for each.
 * A body that is not an object is returned as it is (the schema will refuse it). */
export function withoutUnknownFields(schema: z.ZodObject, body: unknown): { body: unknown; warnings: RequestWarning[] } {
  if (!isPlainObject(body)) return { body, warnings: [] };
  const known = new Set(Object.keys(schema.shape));
  const kept: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (known.has(k)) kept[k] = v;
    else unknown.push(k);
  }
  if (unknown.length === 0) return { body, warnings: [] };
  const warnings: RequestWarning[] = unknown.slice(0, MAX_FIELD_WARNINGS).map((k) => {
    const field = k.length > MAX_FIELD_NAME ? `${k.slice(0, MAX_FIELD_NAME)}…` : k;
    return { code: 'unknown_field', field, message: `Unknown field "${field}" was ignored.` };
  });
  if (unknown.length > MAX_FIELD_WARNINGS) {
    const more = unknown.length - MAX_FIELD_WARNINGS;
    warnings.push({ code: 'unknown_fields_omitted', message: `${more} more unknown field${more === 1 ? ' was' : 's were'} ignored.` });
  }
  return { body: kept, warnings };
}

/** `{ warnings }` to spread into a response when there are any, else nothing. */
export const warningsField = (warnings: readonly RequestWarning[]): { warnings?: RequestWarning[] } =>
  (warnings.length > 0 ? { warnings: [...warnings] } : {});
