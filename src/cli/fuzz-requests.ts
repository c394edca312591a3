// Random requests over the whole HTTP surface, for the "no 5xx for any input" property
// (issue 9): /v1/check, /v1/batch (JSON and CSV), /v1/reviews (upload, read, decide,
// export, delete), /v1/profiles (read, upload, delete) and stray paths, with odd text
// (any Unicode, lone surrogates, huge or tiny numbers), odd dates, odd ids and odd
// content types, and shared or malformed Idempotency-Keys. Used by test/workerd/fuzz.test.ts (a few hundred, in the suite) and by
// `npm run fuzz` (as many as asked, against wrangler dev).

import fc from 'fast-check';
import southend from '../../lexicons/profiles/southend-on-sea.json' with { type: 'json' };

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('The Head of Planning is useless.', 'Vote Labour on Thursday! 🌹', 'between us, the exempt report says', 'f u c k', '⒈'.repeat(500), '\ud800', 'a\u200b'.repeat(300), '', ' ', '\u202e'),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => s.repeat(300)),
);
const oddDate = fc.oneof(
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid' : d.toISOString())),
  fc.integer({ min: -1, max: 100_000 }).map((y) => `${String(y).padStart(4, '0')}-05-01T10:00:00Z`),
  fc.integer({ min: 0, max: 99_999 }).map((y) => `${String(y).padStart(4, '0')}-02-29`),
  fc.constantFrom('2026-02-30', '2026-13-01', '+010000-01-01T00:00:00Z', '0000-01-01', '1899-12-31', '2200-12-31T23:59:59+14:00', '04/30/2027 10:00 AM', '01/05/2026', '1 May 2026 09:00', ''),
  fc.string({ maxLength: 30 }),
);
const oddValue: fc.Arbitrary<unknown> = fc.oneof(oddText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }));
const oddId = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]{1,80}$/u),
  fc.constantFrom('southend-on-sea', 'rugby', 'x'.repeat(600), '%ED%A0%80', '%F0%9F%98%80', '..', '%2F', 'a%00b', '%', '%zz'),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => [...s].map((ch) => (/[\w-]/u.test(ch) ? ch : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))).join('')),
);
const context = fc.record({
  authorRole: fc.oneof(fc.constantFrom('councillor', 'cabinet_member', 'officer', 'council_account'), oddValue),
  channel: fc.oneof(fc.constantFrom('personal', 'official', 'campaign'), oddValue),
  postedAt: oddDate,
  sharing: oddValue,
  election: fc.oneof(fc.record({ pollingDay: oddDate, periodStart: oddDate }, { requiredKeys: ['pollingDay'] }), oddValue),
}, { requiredKeys: [] });
const checkBody = fc.record({ text: fc.oneof(oddText, oddValue), profile: fc.oneof(oddId, oddValue), context: fc.oneof(context, oddValue), secondOpinion: fc.oneof(fc.constantFrom('auto', 'always', 'off'), oddValue) }, { requiredKeys: ['text'] });
const item = fc.record({ id: fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), oddValue), text: oddText, profile: oddId, context, meta: fc.oneof(fc.record({ network: fc.string(), date: oddDate }), oddValue) }, { requiredKeys: ['id', 'text'] });
const csvCell = fc.oneof(oddText, oddDate, fc.constantFrom('=HYPERLINK("x")', '+1', '@SUM(A1)', '"', '""', '\r\n', ','));
const csvBody = fc.tuple(
  fc.oneof(fc.constant(['Post ID', 'Message', 'Scheduled', 'Network']), fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 5 })),
  fc.array(fc.array(csvCell, { minLength: 0, maxLength: 5 }), { maxLength: 8 }),
  fc.constantFrom('\n', '\r\n'),
).map(([header, rows, newline]) => [header, ...rows].map((r) => r.map((c) => `"${String(c).replace(/"/gu, '""')}"`).join(',')).join(newline));
const jsonOf = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 8, arbitrary: a.map((v) => JSON.stringify(v) ?? 'null') }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) });
const contentType = fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/csv', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', '', 'application/vnd.api+json') });
const profileBody = fc.tuple(fc.constantFrom('name', 'clauses', 'rules', 'people', 'elections', 'protocol', 'id', 'extra'), oddValue, fc.boolean())
  .map(([key, value, whole]) => (whole ? value : { ...(southend as Record<string, unknown>), [key]: value }));

/** The arbitrary for one request; `admin` and `team` are the tokens to use (or not). */
export function fuzzRequest(tokens: { admin: string; team: string }): fc.Arbitrary<FuzzRequest> {
  const auth = (token: string): fc.Arbitrary<Record<string, string>> => fc.oneof({ weight: 5, arbitrary: fc.constant({ authorization: `Bearer ${token}` }) }, { weight: 1, arbitrary: fc.constantFrom<Record<string, string>>({}, { authorization: 'Bearer wrong' }, { authorization: 'Basic x' }) });
  const query = fc.oneof(fc.constant(''), oddId.map((v) => `?profile=${v}`), oddId.map((v) => `?name=${v}&reviewer=${v}`));
  // Names travel percent-encoded in headers: odd ones, and malformed encodings.
  const headerName = fc.oneof(oddId.map((v) => { try { return encodeURIComponent(v); } catch { return '%E0%A4%A'; } }), fc.constantFrom('%', '%ZZ', 'Jo', ''));
  const names = fc.record({ 'x-reviewer': headerName, 'x-review-name': headerName }, { requiredKeys: [] });
  // A few shared keys, so repeats, reuses and replays happen; and malformed ones.
  const idempotencyKey = fc.record({ 'idempotency-key': fc.constantFrom('k1', 'k2', '', ' ', 'x'.repeat(300)) }, { requiredKeys: [] });
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ method: fc.constant('POST'), path: fc.constant('/v1/check'), headers: contentType.map((t) => ({ 'content-type': t })), body: jsonOf(checkBody) }) },
    { weight: 3, arbitrary: fc.record({ method: fc.constant('POST'), path: query.map((q) => `/v1/batch${q}`), headers: idempotencyKey.map((k) => ({ 'content-type': 'application/json', ...k })), body: jsonOf(fc.record({ profile: oddId, items: fc.array(fc.oneof(item, oddValue), { maxLength: 6 }) }, { requiredKeys: ['items'] })) }) },
    { weight: 2, arbitrary: fc.record({ method: fc.constant('POST'), path: query.map((q) => `/v1/batch${q}`), headers: idempotencyKey.map((k) => ({ 'content-type': 'text/csv', ...k })), body: csvBody }) },
    { weight: 2, arbitrary: fc.tuple(auth(tokens.team), names, idempotencyKey, query, fc.boolean(), csvBody, jsonOf(fc.record({ name: oddValue, reviewer: oddValue, items: fc.array(item, { maxLength: 4 }) }))).map(([h, n, k, q, csv, c, j]) => ({ method: 'POST', path: `/v1/reviews${q}`, headers: { ...h, ...n, ...k, 'content-type': csv ? 'text/csv' : 'application/json' }, body: csv ? c : j })) },
    { weight: 2, arbitrary: fc.tuple(auth(tokens.team), names, fc.constantFrom('GET', 'DELETE', 'HEAD'), oddId, fc.constantFrom('', '/audit', '/export')).map(([h, n, m, id, tail]) => ({ method: m, path: `/v1/reviews/${id}${m === 'DELETE' ? '' : tail}`, headers: { ...h, ...n } })) },
    { weight: 1, arbitrary: fc.tuple(auth(tokens.team), oddId, oddId, jsonOf(fc.record({ decision: fc.oneof(fc.constantFrom('approved', 'needs_edit', 'rejected'), oddValue), note: oddValue, reviewer: oddValue }, { requiredKeys: [] }))).map(([h, id, pos, body]) => ({ method: 'PUT', path: `/v1/reviews/${id}/posts/${pos}`, headers: { ...h, 'content-type': 'application/json' }, body })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('GET', 'HEAD'), oddId, fc.constantFrom('', '/clauses')).map(([m, id, tail]) => ({ method: m, path: `/v1/profiles/${id}${tail}`, headers: {} })) },
    { weight: 2, arbitrary: fc.tuple(auth(tokens.admin), oddId, jsonOf(profileBody)).map(([h, id, body]) => ({ method: 'PUT', path: `/v1/profiles/${id}`, headers: { ...h, 'content-type': 'application/json' }, body })) },
    { weight: 1, arbitrary: fc.tuple(auth(tokens.admin), oddId).map(([h, id]) => ({ method: 'DELETE', path: `/v1/profiles/${id}`, headers: h })) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('GET', 'POST', 'PATCH', 'OPTIONS'), oddId).map(([m, p]) => ({ method: m, path: `/${p}`, headers: {} })) },
  );
}

/** A Request for `base` (e.g. http://127.0.0.1:8787); paths are already percent-encoded. */
export function toRequest(base: string, r: FuzzRequest): Request {
  return new Request(base + r.path, { method: r.method, headers: r.headers, ...(r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD' ? { body: r.body } : {}) });
}
