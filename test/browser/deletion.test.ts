// Issue 9: a deleted review leaves nothing readable in the local files wrangler dev keeps
// (D1's database and WAL, KV's blobs). D1 refuses PRAGMA secure_delete and checkpoints,
// so deleted rows' bytes linger in free pages and the WAL: the test shows that what
// lingers is ciphertext, and that the key that opened it is gone from every file.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const base = inject('checkerUrl');
const state = inject('statePath');
const team = { authorization: `Bearer ${inject('teamToken')}` };

// SQLite's -shm and -journal files come and go while the checker runs: a file listed a
// moment ago may be gone when it is read, and then it holds nothing.
const gone = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    try { return statSync(path).isDirectory() ? files(path) : [path]; } catch (e) { if (gone(e)) return []; throw e; }
  });
}
function contents(path: string): Buffer {
  try { return readFileSync(path); } catch (e) { if (gone(e)) return Buffer.alloc(0); throw e; }
}
/** Every local file that holds `needle` (as UTF-8 bytes). */
const holding = (needle: string) => files(state).filter((f) => contents(f).includes(Buffer.from(needle)));

describe('deleted reviews in the local files', () => {
  it('post text and notes never reach the files in plain; after delete, no file holds the key', async () => {
    const marker = `Zq${crypto.randomUUID().replace(/-/gu, '')}`;
    const blobsBefore = new Set(files(state));
    const made = await fetch(`${base}/v1/reviews`, {
      method: 'POST', headers: { ...team, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Deletion test', reviewer: 'Jo', items: [{ id: 1, text: `${marker}: the closed session agreed the depot sale, keep this between us` }] }),
    });
    expect(made.status).toBe(201);
    const { id } = await made.json() as { id: string };
    const decided = await fetch(`${base}/v1/reviews/${id}/posts/0`, { method: 'PUT', headers: { ...team, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'rejected', note: `note ${marker}`, reviewer: 'Jo' }) });
    expect(decided.status).toBe(200);
    // Readable through the API while the review lives...
    expect(JSON.stringify(await (await fetch(`${base}/v1/reviews/${id}`, { headers: team })).json())).toContain(marker);
    // ...but no file holds the text or the note in plain.
    expect(holding(marker)).toEqual([]);
    // The key is in a KV blob written by this upload.
    const keyFiles = files(state).filter((f) => !blobsBefore.has(f) && f.includes(`${join('kv', 'council-post-check-review-keys')}`));
    expect(keyFiles.length).toBeGreaterThan(0);
    const key = readFileSync(keyFiles[0]!, 'utf8');
    expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/u);

    expect((await fetch(`${base}/v1/reviews/${id}`, { method: 'DELETE', headers: { ...team, 'x-reviewer': 'Jo' } })).status).toBe(204);
    expect((await fetch(`${base}/v1/reviews/${id}`, { headers: team })).status).toBe(404);
    expect(holding(marker)).toEqual([]);
    expect(holding(key)).toEqual([]);
  });
});
