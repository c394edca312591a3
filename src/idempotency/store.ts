// Idempotency records (issue 12) in D1, with their sealing keys in KV. One record per
// caller and Idempotency-Key, 24 hours long:
//   claim     reserve the key for this request (atomic INSERT ... ON CONFLICT), or say
//             what the key already holds: the same request's result (replay), a
//             different request (mismatch), a request still running, or a result gone;
//   complete  keep the first response: gzipped, then sealed with AES-256-GCM;
//   release   drop a reservation whose request failed, so a retry runs it again.
//
// What is kept at rest, and why no post text is readable from it: the caller's token and
// the key appear only hashed (`scope`), the request only hashed (`fingerprint`), and the
// response (a batch result quotes the posts' words) only sealed. The AES key is derived
// (HKDF) from random material kept in KV under an expiry just past the record's, plus
// the caller's token and the Idempotency-Key, which are never stored: so D1 alone, KV
// alone, or both together without the caller's token and key open nothing; and after
// 24 hours the material is gone, so what D1 Time Travel still holds stays shut.
// Edge code: the analysis core never imports this.

import { sha256Hex } from '../routes/access.ts';
import { fromBase64, sealBytes, toBase64, unsealBytes } from '../reviews/sealed.ts';

const TTL_MS = 24 * 3600_000;
/** A reservation older than this whose request never finished (the Worker was stopped)
 * may be taken over by a retry. */
export const PENDING_LEASE_MS = 5 * 60_000;
/** The largest sealed response kept (D1 takes values up to 2 MB). A larger one is sent
 * but not kept: the reservation is released and a retry runs again. */
export const MAX_SEALED_CHARS = 1_900_000;
export const IDEMPOTENCY_TTL_MS = TTL_MS;

/** Who is asking and with which key: never stored, only hashed or used to derive keys. */
export interface Caller { token: string; key: string }

export type Claim =
  | { kind: 'claimed'; scope: string; entry: string }
  | { kind: 'replay'; status: number; contentType: string; body: Uint8Array }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' }
  | { kind: 'gone' }
  | { kind: 'key_unavailable' };

const utf8 = new TextEncoder();

/** The record's name: the caller's token and the key, hashed together. */
export const scopeOf = (caller: Caller) => sha256Hex(`council-post-check idempotency scope v1\n${caller.token}\n${caller.key}`);

const kvName = (entry: string) => `idempotency:${entry}`;

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

async function sealingKey(material: Uint8Array, entry: string, caller: Caller): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', material, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8.encode(entry), info: utf8.encode(`council-post-check idempotency v1\n${caller.token}\n${caller.key}`) },
    base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
  );
}

interface Row { fingerprint: string; state: string; entry: string; status: number | null; content_type: string | null; body: string | null }

export function idempotencyStore(db: D1Database, kv: KVNamespace, now: () => Date = () => new Date()) {
  async function claim(caller: Caller, fingerprint: string, again = true): Promise<Claim> {
    const scope = await scopeOf(caller);
    const entry = crypto.randomUUID();
    const at = now();
    // Reserve the key, or take over a record that has expired or whose request died.
    const taken = await db.prepare(`INSERT INTO idempotency_keys (scope, fingerprint, state, entry, created_at, expires_at) VALUES (?1, ?2, 'pending', ?3, ?4, ?5)
      ON CONFLICT (scope) DO UPDATE SET fingerprint = excluded.fingerprint, state = 'pending', entry = excluded.entry, status = NULL, content_type = NULL,
        body = NULL, review_id = NULL, created_at = excluded.created_at, expires_at = excluded.expires_at
      WHERE idempotency_keys.expires_at <= ?4 OR (idempotency_keys.state = 'pending' AND idempotency_keys.created_at <= ?6)
      RETURNING entry`).bind(scope, fingerprint, entry, at.toISOString(), new Date(at.getTime() + TTL_MS).toISOString(), new Date(at.getTime() - PENDING_LEASE_MS).toISOString()).first<{ entry: string }>();
    if (taken?.entry === entry) return { kind: 'claimed', scope, entry };
    const row = await db.prepare('SELECT fingerprint, state, entry, status, content_type, body FROM idempotency_keys WHERE scope = ?').bind(scope).first<Row>();
    if (!row) return again ? claim(caller, fingerprint, false) : { kind: 'in_progress' }; // released meanwhile: try once more
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (row.state === 'pending') return { kind: 'in_progress' };
    if (row.state !== 'done' || row.body === null || row.status === null) return { kind: 'gone' };
    const material = await kv.get(kvName(row.entry));
    // KV is eventually consistent: material written elsewhere a moment ago may not be here yet.
    if (material === null) return { kind: 'key_unavailable' };
    const plain = await unsealBytes(await sealingKey(fromBase64(material), row.entry, caller), row.body, kvName(row.entry));
    return { kind: 'replay', status: row.status, contentType: row.content_type ?? 'application/json', body: await through(plain, new DecompressionStream('gzip')) };
  }

  const release = async (c: { scope: string; entry: string }) => {
    await db.prepare("DELETE FROM idempotency_keys WHERE scope = ? AND entry = ? AND state = 'pending'").bind(c.scope, c.entry).run();
  };

  return {
    claim: (caller: Caller, fingerprint: string) => claim(caller, fingerprint),
    release,

    /** Keep the first response of a claimed key; false (and released) when it is too big. */
    async complete(caller: Caller, c: { scope: string; entry: string }, res: { status: number; contentType: string; body: Uint8Array; reviewId?: string | undefined }): Promise<boolean> {
      const material = crypto.getRandomValues(new Uint8Array(32));
      const body = await sealBytes(await sealingKey(material, c.entry, caller), await through(res.body, new CompressionStream('gzip')), kvName(c.entry));
      if (body.length > MAX_SEALED_CHARS) { await release(c); return false; }
      const ttl = Math.ceil(TTL_MS / 1000) + 300; // a little past the record's own expiry
      await kv.put(kvName(c.entry), toBase64(material), { expirationTtl: ttl });
      await db.prepare(`UPDATE idempotency_keys SET state = 'done', status = ?, content_type = ?, body = ?, review_id = ? WHERE scope = ? AND entry = ? AND state = 'pending'`)
        .bind(res.status, res.contentType, body, res.reviewId ?? null, c.scope, c.entry).run();
      return true;
    },

    /** A deleted review's records: their key material goes first, then their sealed
     * responses; a replay of one is then a 410 (the review is gone). */
    async forgetReview(reviewId: string): Promise<void> {
      const { results } = await db.prepare('SELECT entry FROM idempotency_keys WHERE review_id = ?').bind(reviewId).all<{ entry: string }>();
      for (const r of results) await kv.delete(kvName(r.entry));
      await db.prepare("UPDATE idempotency_keys SET state = 'gone', body = NULL, content_type = NULL WHERE review_id = ?").bind(reviewId).run();
    },

    /** Delete expired records (the daily cron); their key material has expired in KV. */
    async purgeExpired(): Promise<number> {
      const r = await db.prepare('DELETE FROM idempotency_keys WHERE expires_at <= ?').bind(now().toISOString()).run();
      return r.meta.changes ?? 0;
    },
  };
}

export type IdempotencyStore = ReturnType<typeof idempotencyStore>;
