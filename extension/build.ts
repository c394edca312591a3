#!/usr/bin/env node
// npm run build:extension: bundles the extension into extension/dist (load it unpacked
// from there) and extension/council-post-check-extension.zip.

import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { build } from 'esbuild';

const here = import.meta.dirname;
const dist = join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const common = { bundle: true, target: 'chrome120', logLevel: 'warning' as const, legalComments: 'none' as const };
await build({ ...common, entryPoints: [join(here, 'src/content.ts')], outfile: join(dist, 'content.js'), format: 'iife' });
await build({ ...common, entryPoints: [join(here, 'src/background.ts')], outfile: join(dist, 'background.js'), format: 'esm' });
await build({ ...common, entryPoints: [join(here, 'src/options.ts')], outfile: join(dist, 'options.js'), format: 'esm' });
copyFileSync(join(here, 'manifest.json'), join(dist, 'manifest.json'));
copyFileSync(join(here, 'options.html'), join(dist, 'options.html'));
copyFileSync(join(here, 'managed-schema.json'), join(dist, 'managed-schema.json'));

// ---- CRC-32, shared by the PNG and ZIP writers ----
const CRC = new Uint32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc32 = (b: Uint8Array) => { let c = 0xffffffff; for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };

/** A square icon: a blue tile with a white tick. */
function icon(size: number): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const u = x / size, v = y / size;
      const tick = (Math.abs(v - (0.55 + (u - 0.25))) < 0.07 && u > 0.22 && u < 0.45) || (Math.abs(v - (0.75 - (u - 0.45) * 1.1)) < 0.07 && u >= 0.42 && u < 0.8);
      rows.push(...(tick ? [255, 255, 255, 255] : [11, 92, 173, 255]));
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0); body.copy(out, 4); out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}
for (const size of [16, 48, 128]) writeFileSync(join(dist, `icon-${size}.png`), icon(size));

/** A zip of the dist folder (deflate), for the Chrome Web Store or sharing. */
function zip(files: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of files) {
    const data = readFileSync(join(dist, name));
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
const files = readdirSync(dist).sort();
writeFileSync(join(here, 'council-post-check-extension.zip'), zip(files));
console.log(`extension built: ${dist} (${files.join(', ')}) and extension/council-post-check-extension.zip`);
