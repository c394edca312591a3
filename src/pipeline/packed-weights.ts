// The scorer's weights as the committed file keeps them: the feature names in order, and
// for each model one string of every feature's weight (whole numbers, in steps of
// 1/scale), one printable ASCII character per weight for the 99% that are small and a
// few more for the rest. Written as characters rather than base64 bytes, the string
// gzips about a sixth smaller (base64 cuts bytes across characters, hiding repeats from
// gzip), and gzip is what the Worker's bundle pays for. Pure.
//
//   packWeights(['w:a', 'w:b'], { 'w:a': [3, -1], 'w:b': [0, 200] }, 2)
//     -> { features: ['w:a', 'w:b'], weights: ['(!', '#{{;'] }   (and back with unpackWeights)

/** -1 -> 1, 1 -> 2, -2 -> 3...: small numbers of either sign stay one character. */
const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** The 92 printable ASCII characters that JSON and JavaScript strings hold unescaped
 * ("!" to "~" without the double quote and the backslash). */
const DIGITS = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter((c) => c !== '"' && c !== '\\').join('');
/** A character's digit by its code (-1: not a digit). */
const VALUE_OF = Int8Array.from({ length: 128 }, (_, code) => DIGITS.indexOf(String.fromCharCode(code)));
/** A number below FINAL is one character; larger ones are written low part first, each
 * character before the last carrying FINAL + (a digit below CARRY). */
const FINAL = 88;
const CARRY = DIGITS.length - FINAL;

function writeNumber(z: number): string {
  let s = '';
  while (z >= FINAL) { s += DIGITS[FINAL + (z % CARRY)]; z = Math.floor(z / CARRY); }
  return s + DIGITS[z];
}

export interface PackedWeights { readonly features: string[]; readonly weights: string[] }

export function packWeights(features: readonly string[], weights: Readonly<Record<string, readonly number[]>>, models: number): PackedWeights {
  const packed: string[] = [];
  for (let m = 0; m < models; m++) {
    let text = '';
    for (const name of features) {
      const w = weights[name]?.[m];
      if (w === undefined || !Number.isInteger(w)) throw new Error(`weight ${m} of "${name}" is not a whole number`);
      text += writeNumber(zigzag(w));
    }
    packed.push(text);
  }
  return { features: [...features], weights: packed };
}

/** Each weight of the packed strings, in order: put(feature index, model, weight).
 * Throws when a string holds too few or too many, or a character that is no digit. */
export function decodeWeights(p: PackedWeights, put: (feature: number, model: number, weight: number) => void): void {
  const count = p.features.length;
  p.weights.forEach((text, m) => {
    let at = 0;
    for (let j = 0; j < count; j++) {
      let z = 0;
      let scale = 1;
      for (;;) {
        if (at >= text.length) throw new Error(`model ${m}'s weights end before feature "${p.features[j]}"`);
        const d = VALUE_OF[text.charCodeAt(at++)] ?? -1;
        if (d < 0) throw new Error(`model ${m}'s weights hold "${text[at - 1]}", which is not a digit of the packing`);
        if (d < FINAL) { z += d * scale; break; }
        z += (d - FINAL) * scale;
        scale *= CARRY;
      }
      put(j, m, unzigzag(z));
    }
    if (at !== text.length) throw new Error(`model ${m}'s weights hold more than ${count} features`);
  });
}

/** The weights back, feature by feature; throws as decodeWeights does. */
export function unpackWeights(p: PackedWeights): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const rows = p.features.map((name) => (out[name] = [] as number[]));
  decodeWeights(p, (j, m, w) => { rows[j]![m] = w; });
  return out;
}
