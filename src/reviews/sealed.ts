// A saved review's post text, results and reviewers' notes are sealed (AES-256-GCM) with
// a key of the review's own, and the key is kept outside D1, in the REVIEW_KEYS KV
// namespace. D1 does not let a Worker overwrite freed space (PRAGMA secure_delete and
// wal_checkpoint are refused with SQLITE_AUTH) and keeps every write for Time Travel, so
// a deleted row's bytes can outlive the DELETE; what they outlive as is ciphertext whose
// key was deleted with the review (crypto-shredding). Keys also carry a KV expiry just
// after the review's, so a review is unreadable on time even if the purge never runs.

const ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const PREFIX = 'v1.';

export const toBase64 = (bytes: Uint8Array) => { let s = ''; for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000)); return btoa(s); };
export const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
const utf8 = new TextEncoder();

export interface ReviewKey { readonly raw: string; readonly key: CryptoKey }

export async function newReviewKey(): Promise<ReviewKey> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return { raw: toBase64(bytes), key: await crypto.subtle.importKey('raw', bytes, ALGORITHM, false, ['encrypt', 'decrypt']) };
}

export async function importReviewKey(raw: string): Promise<ReviewKey> {
  return { raw, key: await crypto.subtle.importKey('raw', fromBase64(raw), ALGORITHM, false, ['encrypt', 'decrypt']) };
}

/** Bytes sealed with an AES-GCM key as text (`v1.<iv>.<data>`, base64). `where` names the
 * value's place (review, post, field) and is bound in as associated data, so a sealed
 * value copied to another row or column does not open there. */
export async function sealBytes(key: CryptoKey, plain: Uint8Array, where: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(where) }, key, plain);
  return `${PREFIX}${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`;
}

export async function unsealBytes(key: CryptoKey, sealed: string, where: string): Promise<Uint8Array> {
  if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed value');
  const [iv, data] = sealed.slice(PREFIX.length).split('.');
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv ?? ''), additionalData: utf8.encode(where) }, key, fromBase64(data ?? '')));
}

export const seal = (k: ReviewKey, plain: string, where: string): Promise<string> => sealBytes(k.key, utf8.encode(plain), where);

export const unseal = async (k: ReviewKey, sealed: string, where: string): Promise<string> => new TextDecoder().decode(await unsealBytes(k.key, sealed, where));

/** Where the review keys live: one KV entry per review, named by its id. */
export function reviewKeys(kv: KVNamespace, now: () => Date) {
  const name = (id: string) => `review:${id}`;
  return {
    async create(id: string, expiresAt: Date): Promise<ReviewKey> {
      const k = await newReviewKey();
      // An hour past the review's expiry (reads check expires_at themselves); KV wants at least 60 s.
      const ttl = Math.max(120, Math.ceil((expiresAt.getTime() - now().getTime()) / 1000) + 3600);
      await kv.put(name(id), k.raw, { expirationTtl: ttl });
      return k;
    },
    async get(id: string): Promise<ReviewKey | undefined> {
      const raw = await kv.get(name(id));
      return raw === null ? undefined : importReviewKey(raw);
    },
    async delete(id: string): Promise<void> { await kv.delete(name(id)); },
  };
}

export type ReviewKeys = ReturnType<typeof reviewKeys>;
