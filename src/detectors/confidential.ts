// Confidential information (Southend-on-Sea 5.7, 9.3.5, 9.1.15, 9.2.14, 8.3.4):
// exempt or closed-session business, Schedule 12A content, officers' advice to a
// political group, Chief Officer candidates, and personal data about residents
// (phone numbers, emails, NI and NHS numbers, addresses, a named person with health,
// benefits, case or crime details). compromise runs only on a sentence that already
// holds a sensitive term, to find the person it is about. Pure.

import { lexicons } from '../lexicon/index.ts';
import type { PostDocument } from '../pipeline/document.ts';
import { longestMatches, PhraseMatcher, type Match } from '../pipeline/matcher.ts';
import { DisjointSpans } from '../pipeline/spans.ts';
import type { CheckContext, Evidence } from '../pipeline/types.ts';
import { findPeople } from '../nlp/people.ts';
import type { Detector } from './types.ts';
import { confidenceOf, severityOf } from './shared.ts';

const lex = lexicons.confidential;
type Marker = (typeof lex.markers)[number];
type Sensitive = (typeof lex.sensitive)[number];

const markerMatcher = new PhraseMatcher<Marker>(lex.markers.map((m) => ({ phrases: m.phrases, value: m })), undefined, lex.lists);
const disclosureMatcher = new PhraseMatcher<true>(lex.disclosure.map((e) => ({ phrases: e.phrases, value: true as const })));
const benignMatcher = new PhraseMatcher<string>(lex.benign.map((e) => ({ phrases: e.phrases, value: e.id })));
const sensitiveMatcher = new PhraseMatcher<Sensitive>(lex.sensitive.map((s) => ({ phrases: s.phrases, value: s })));
const contentMatcher = new PhraseMatcher<true>([{ phrases: lex.lists['content-words'] ?? ['agreed'], value: true }]);
const staffMatcher = new PhraseMatcher<true>([{ phrases: lex.lists['staff'] ?? ['officer'], value: true }]);

/** Benign entries whose effect reaches the whole sentence ("... has now been published"). */
const SENTENCE_WIDE_BENIGN = 'already-public';

const MONEY = /£\s?\d|\d\s?(?:k|m|bn|million|billion)\b|\d{1,3}(?:,\d{3})+/iu;

// --- personal data patterns (run on the original text, so offsets need no mapping) ---
const PHONE = /(?<![\d+])(?:\+44\s?\(?0?\)?\s?|\(?0)(?:7\d{3}\)?\s?\d{3}\s?\d{3}|[1-3]\d{2,4}\)?\s?\d{3,4}\s?\d{3,4})(?!\d)/gu;
const SERVICE_NUMBER = /^(?:\+44\s?|0)(?:800|808|300|330|333|345|370|371|845|870)/u;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const NINO = /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/giu;
const NHS = /(?<![\d£.])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])/gu;
const POSTCODE = /\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b/gu;
const HOUSE_ADDRESS = /\b\d{1,4}[A-Za-z]?,? (?:[A-Z][\p{L}']+ ){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Close|Lane|Drive|Way|Crescent|Gardens|Court|Place|Terrace|Grove|Rise|Hill|Walk|Mews|Row|Square|Parade|Chase|Green|Park|Estate|House|Flats)\b/gu;
const PUBLIC_CONTACT = /(?:call|ring|phone|contact|text|email|e-mail|write to|message|reach|whatsapp)\s+(?:us|me|the council|our|my office|the team|the office)|helpline|hotline|customer services|enquiries|switchboard|my (?:number|mobile|office|email)|surgery|office on|(?:phone|tel|email|e-mail)\s*:|promoted by|on behalf of|printed by|published by|(?:^|[\s:;-])(?:call|ring|phone|text|contact)(?:\s+(?:us\s+)?on)?[\s:]*$/iu;
const ELECTED_TITLE = /\b(?:cllr|councillor|mp|minister|mayor|leader|dr)\.?\s*$/iu;
/** Characters before a name searched for ELECTED_TITLE ("Councillor " is 11). */
const TITLE_REACH = 40;
const FAMILY = /\bthe [A-Z][\p{L}'-]+ family\b/gu;
/** A street named as where someone lives, without a house number ("lives alone on Willow Close"). */
const ON_STREET = /\b(?:on|in|of|from) (?:[A-Z][\p{L}']+ ){1,3}(?:Road|Street|Avenue|Close|Lane|Drive|Crescent|Gardens|Court|Terrace|Grove|Rise|Mews|Row|Walk)\b/gu;

export function validNhsNumber(digits: string): boolean {
  const d = digits.replace(/\D/gu, '');
  if (d.length !== 10 || /^(\d)\1{9}$/u.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(d[9]);
}

function publicContextBefore(text: string, at: number): boolean {
  return PUBLIC_CONTACT.test(text.slice(Math.max(0, at - 48), at));
}

function personalData(start: number, end: number, weight: number, message: string, suggestion: string, replacement: string): Evidence {
  return {
    replacement,
    ruleId: 'confidential.personal-data',
    category: 'confidential',
    severity: severityOf(weight),
    confidence: confidenceOf(weight + 0.1),
    start,
    end,
    message,
    suggestion,
  };
}

function personalDataPatterns(text: string): Evidence[] {
  const out: Evidence[] = [];
  const add = (start: number, end: number, weight: number, what: string) => out.push(personalData(start, end, weight,
    `This looks like ${what}. Personal information given to you as a councillor must not be disclosed without authorisation.`,
    'Remove the personal details. If you need to help this person, contact them privately or pass the details to the service by email.',
    '[details removed]'));
  const taken = new DisjointSpans();
  const free = (s: number, e: number) => !taken.overlaps(s, e);
  const hasDigits = /\d/u.test(text);
  for (const m of hasDigits ? text.matchAll(NINO) : []) { add(m.index, m.index + m[0].length, 0.9, 'a National Insurance number'); taken.add(m.index, m.index + m[0].length); }
  for (const m of hasDigits ? text.matchAll(NHS) : []) {
    if (!validNhsNumber(m[0]) || !free(m.index, m.index + m[0].length)) continue;
    add(m.index, m.index + m[0].length, 0.9, 'an NHS number');
    taken.add(m.index, m.index + m[0].length);
  }
  for (const m of hasDigits ? text.matchAll(PHONE) : []) {
    const s = m.index; const e = s + m[0].length;
    if (!free(s, e) || SERVICE_NUMBER.test(m[0]) || publicContextBefore(text, s)) continue;
    add(s, e, 0.7, "a private person's phone number");
    taken.add(s, e);
  }
  for (const m of text.includes('@') ? text.matchAll(EMAIL) : []) {
    const domain = m[0].split('@')[1]!.toLowerCase();
    if (domain.endsWith('.gov.uk') || domain.endsWith('.nhs.uk') || domain.endsWith('.police.uk') || publicContextBefore(text, m.index)) continue;
    add(m.index, m.index + m[0].length, 0.65, "a private person's email address");
  }
  if (!hasDigits) return out;
  const postcodes = [...text.matchAll(POSTCODE)];
  for (const a of text.matchAll(HOUSE_ADDRESS)) {
    const end = a.index + a[0].length;
    const pc = postcodes.find((p) => p.index >= end && p.index - end <= 40);
    if (pc && !publicContextBefore(text, a.index)) add(a.index, pc.index + pc[0].length, 0.65, 'a home address with its postcode');
  }
  return out;
}

/** A named person or home address next to a health, benefits, case or crime detail. */
function namedSensitiveDetails(doc: PostDocument): Evidence[] {
  const hits = longestMatches(sensitiveMatcher.matchAll(doc));
  if (hits.length === 0) return [];
  const out: Evidence[] = [];
  const bySentence = new Map<number, Match<Sensitive>>();
  for (const h of hits) {
    const s = doc.tokens[h.from]!.sentence;
    const prev = bySentence.get(s);
    if (!prev || prev.value.weight < h.value.weight) bySentence.set(s, h);
  }
  for (const [s, hit] of bySentence) {
    const sentence = doc.sentences[s]!;
    const sText = doc.text.slice(sentence.start, sentence.end);
    const subjects: Array<{ start: number; end: number }> = [];
    for (const p of findPeople(sText)) {
      // Only the words just before the name: the title is anchored at its end, and testing
      // the whole sentence before each name was quadratic in a sentence of many names.
      if (ELECTED_TITLE.test(sText.slice(Math.max(0, p.start - TITLE_REACH), p.start))) continue;
      subjects.push({ start: sentence.start + p.start, end: sentence.start + p.end });
    }
    for (const m of sText.matchAll(HOUSE_ADDRESS)) subjects.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    for (const m of sText.matchAll(FAMILY)) subjects.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    for (const m of sText.matchAll(ON_STREET)) subjects.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    if (subjects.length === 0) continue;
    // Span every subject close to the detail ("Mrs Okafor at 12 Elm Road has dementia").
    const near = subjects.filter((x) => Math.abs(x.start - hit.start) <= 160);
    const subject = (near.length > 0 ? near : subjects).reduce((a, b) => (a.start <= b.start ? a : b));
    const start = Math.min(hit.start, ...near.map((x) => x.start), subject.start);
    const end = Math.max(hit.end, ...near.map((x) => x.end), subject.end);
    out.push(personalData(start, end, hit.value.weight,
      `This ties an identifiable person ("${doc.text.slice(subject.start, subject.end)}") to ${hit.value.kind} details ("${doc.text.slice(hit.start, hit.end)}"). Personal information must not be disclosed without authorisation.`,
      'Leave out the name and address; describe the issue in general terms ("a resident in my ward"), and take the case up privately with the service.',
      'a resident in my ward'));
  }
  return out;
}

const MARKER_TEXT: Record<Marker['kind'], string> = {
  exempt: 'exempt or confidential council business',
  'private-session': 'what happened in a private session',
  embargo: 'embargoed or not-yet-public information',
  'in-confidence': 'something told in confidence',
  'group-advice': 'advice officers gave a political group',
  candidates: 'candidates for a Chief Officer post',
  'legal-advice': "the council's legal advice",
  discipline: 'a staff disciplinary or employment matter',
  commercial: 'commercially sensitive terms (sums, bids, settlements)',
  'crime-prevention': 'an operation to prevent or detect crime',
};

function markerEvidence(doc: PostDocument): Evidence[] {
  const markers = longestMatches(markerMatcher.matchAll(doc));
  if (markers.length === 0) return [];
  const benign = benignMatcher.matchAll(doc);
  const sentenceOf = (m: { from: number }) => doc.tokens[m.from]!.sentence;
  const disclosureSentences = new Set(disclosureMatcher.matchAll(doc).map(sentenceOf));
  const contentSentences = new Set(contentMatcher.matchAll(doc).map(sentenceOf));
  const mentionsStaff = staffMatcher.matchAll(doc).length > 0;
  const out: Evidence[] = [];
  for (const m of markers) {
    const s = sentenceOf(m);
    if (benign.some((b) => (b.from < m.to && m.from < b.to) || (b.value === SENTENCE_WIDE_BENIGN && sentenceOf(b) === s))) continue;
    const sentence = doc.sentences[s]!;
    const sText = doc.text.slice(sentence.start, sentence.end);
    const money = MONEY.test(sText);
    const disclosing = disclosureSentences.has(s) || (doc.sentences.length <= 2 && disclosureSentences.size > 0);
    let w = m.value.weight;
    switch (m.value.kind) {
      case 'private-session':
        if (money || contentSentences.has(s)) w += 0.3;
        if (disclosing) w += 0.35;
        break;
      case 'commercial':
        w = money ? w + 0.25 : Math.min(w, 0.3);
        break;
      case 'discipline':
        if (!mentionsStaff) continue;
        break;
      case 'exempt':
        if (money || contentSentences.has(s)) w += 0.3;
        if (disclosing) w += 0.35;
        break;
      default:
        if (disclosing) w += 0.15;
    }
    if (severityOf(w) === 'info') continue;
    const ruleId = m.value.kind === 'group-advice' ? 'confidential.group-advice'
      : m.value.kind === 'candidates' ? 'confidential.candidates' : `confidential.${m.value.id}`;
    out.push({
      ruleId,
      category: 'confidential',
      severity: severityOf(w),
      confidence: confidenceOf(w),
      start: m.start,
      end: m.end,
      message: `This appears to disclose ${MARKER_TEXT[m.value.kind]}. Confidential or exempt information given to you as a councillor must not be disclosed without authorisation.`,
      suggestion: m.value.kind === 'group-advice'
        ? "Don't refer in public to what officers told a political group; make the point from published figures instead."
        : 'Say only what is already public (the published agenda, report or decision), or ask the Monitoring Officer before posting.',
    });
  }
  return out;
}

function detect(doc: PostDocument, _ctx: CheckContext): Evidence[] {
  if (doc.tokens.length === 0) return [];
  return [...markerEvidence(doc), ...personalDataPatterns(doc.text), ...namedSensitiveDetails(doc)];
}

export const confidential: Detector = {
  id: 'confidential',
  category: 'confidential',
  detect,
  examples: {
    flag: [
      'Spoke to a resident today - her NI number is [[JK 12 34 56 C]] if anyone from DWP is reading.',
      'Please ring Mrs Patel on [[07700 900123]], she needs help with her fence.',
      'His NHS number is [[943 476 5919]].',
      'Bins missed again at [[14 Elm Road, Southend SS1 2AB]].',
    ],
    pass: [
      'Call the council on 01702 215000 or email council@southend.gov.uk.',
      'Full Council meets on Thursday at 7pm; the agenda is published online.',
      'My surgery is on Saturday 10am-12pm at the library, or call my office on 01702 555123.',
    ],
  },
};
