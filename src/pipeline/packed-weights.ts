// The scorer's weights as the committed file keeps them: the feature names in order, and
// for each model one string of every feature's weight (whole numbers, in steps of
// 1/scale) as zigzag varints in base64. About a sixth smaller than a JSON array per
// feature once gzipped, which is what the Worker's bundle pays for. Pure.
//
//   packWeights(['w:a', 'w:b'], { 'w:a': [3, -1], 'w:b': [0, 200] }, 2)
//     -> { features: ['w:a', 'w:b'], weights: ['BgA=', 'AZAD'] }   (and back with unpackWeights)

/** -1 -> 1, 1 -> 2, -2 -> 3...: small numbers of either sign stay one byte. */
const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export interface PackedWeights { readonly features: string[]; readonly weights: string[] }

export function packWeights(features: readonly string[], weights: Readonly<Record<string, readonly number[]>>, models: number): PackedWeights {
  const packed: string[] = [];
  for (let m = 0; m < models; m++) {
    const bytes: number[] = [];
    for (const name of features) {
      const w = weights[name]?.[m];
      if (w === undefined || !Number.isInteger(w)) throw new Error(`weight ${m} of "${name}" is not a whole number`);
      let z = zigzag(w);
      while (z >= 0x80) { bytes.push((z % 0x80) | 0x80); z = Math.floor(z / 0x80); }
      bytes.push(z);
    }
    packed.push(toBase64(Uint8Array.from(bytes)));
  }
  return { features: [...features], weights: packed };
}

/** The weights back, feature by feature; throws when a string holds too few or too many. */
export function unpackWeights(p: PackedWeights): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const name of p.features) out[name] = [];
  p.weights.forEach((text, m) => {
    const bytes = fromBase64(text);
    let at = 0;
    for (const name of p.features) {
      let z = 0;
      let scale = 1;
      for (;;) {
        if (at >= bytes.length) throw new Error(`model ${m}'s weights end before feature "${name}"`);
        const b = bytes[at++]!;
        z += (b & 0x7f) * scale;
        if (b < 0x80) break;
        scale *= 0x80;
      }
      out[name]![m] = unzigzag(z);
    }
    if (at !== bytes.length) throw new Error(`model ${m}'s weights hold more than ${p.features.length} features`);
  });
  return out;
}
