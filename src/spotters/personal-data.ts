// Personal-data patterns in a post: UK phone numbers in any written format (through
// libphonenumber-js, the one importer of it, with its metadata cut to +44 numbers:
// npm run build:phone-metadata), email addresses, National Insurance and NHS numbers,
// postcodes and house-number addresses. Each spot is a half-open span of the text it
// was given. Pure.

import { searchPhoneNumbersInText, type MetadataJson } from 'libphonenumber-js/core';
import metadataData from '../../lexicons/phone-metadata-gb.json' with { type: 'json' };

const metadata = metadataData as unknown as MetadataJson;

export type PersonalDataKind = 'phone-mobile' | 'phone-landline' | 'phone-public' | 'email' | 'ni-number' | 'nhs-number' | 'postcode' | 'address';

export interface PersonalDataSpot { readonly kind: PersonalDataKind; readonly start: number; readonly end: number }

const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})+/gu;
const NI_NUMBER = /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gu;
const NHS_NUMBER = /\b[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}\b/gu;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/gu;
const ADDRESS = /\b\d{1,4}[a-z]?,? (?:[A-Z][\p{L}'-]+ ){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Ln|Drive|Dr|Way|Crescent|Gardens|Court|Ct|Place|Terrace|Grove|Rise|Walk|Hill|Mews|Parade|Row|Square|View|Green|Chase|Park)\b/gu;
/** Bounds on libphonenumber's work per text, whose parsing costs ~50 microseconds a
 * candidate: a hostile 20,000-character paste of "07700 900123 " repeated took ~170 ms
 * over 3,224 candidates without finding one. Its own `maxTries` (invalid candidates
 * before it gives up on the text; the fixture post with the most used 47) and a cap on
 * the numbers listed (a post gives one or two; past 40 the post is flagged already). */
const MAX_PHONE_TRIES = 200;
export const MAX_PHONE_NUMBERS = 40;
// 'POSSIBLE' leniency (documented, missing from the types) also finds numbers in the
// ranges set aside for drama and examples, as people type them.
const LENIENT = { defaultCountry: 'GB', v2: true, leniency: 'POSSIBLE', maxTries: MAX_PHONE_TRIES } as unknown as { defaultCountry: 'GB'; v2: true };
const PUBLIC_PREFIX = /^(?:0800|0808|0300|0330|0343|0345|0370|0845|0870|111|999|101)/u;

/** The mod-11 check digit of an NHS number. */
function validNhs(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(digits[9]) && check !== 10;
}

function phoneKind(raw: string): PersonalDataKind | undefined {
  const digits = raw.replace(/\D/gu, '');
  const national = digits.startsWith('44') && raw.trimStart().startsWith('+') ? `0${digits.slice(2)}` : digits;
  if (!national.startsWith('0') || national.length < 10 || national.length > 11) return undefined;
  if (PUBLIC_PREFIX.test(national)) return 'phone-public';
  return national.startsWith('07') ? 'phone-mobile' : 'phone-landline';
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) n++; }
  return n;
}

export function findPersonalData(text: string): PersonalDataSpot[] {
  const out: PersonalDataSpot[] = [];
  // Cheap gate: phone and NHS numbers need ten digits or more.
  if (/\d{3}/u.test(text) && digitCount(text) >= 10) {
    let seen = 0;
    for (const m of searchPhoneNumbersInText(text, LENIENT, metadata)) {
      const kind = phoneKind(text.slice(m.startsAt, m.endsAt));
      if (kind) out.push({ kind, start: m.startsAt, end: m.endsAt });
      if (++seen >= MAX_PHONE_NUMBERS) break;
    }
    for (const m of text.matchAll(NHS_NUMBER)) {
      if (validNhs(m[0].replace(/\D/gu, '')) && !out.some((o) => o.start <= m.index && m.index < o.end)) out.push({ kind: 'nhs-number', start: m.index, end: m.index + m[0].length });
    }
  }
  if (/\d/u.test(text)) for (const m of text.matchAll(ADDRESS)) out.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) out.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(NI_NUMBER)) out.push({ kind: 'ni-number', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(POSTCODE)) out.push({ kind: 'postcode', start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start - b.start);
}
