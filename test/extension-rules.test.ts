// The extension's pure rules, checked in Node: which boxes are direct messages, which
// boxes send on Enter (the Post guard holds that Enter back), and which checker addresses
// and test origins it accepts, and what it takes from council IT's policy.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANAGED_KEYS, managedValues } from '../extension/src/managed-policy.ts';
import { checkerAddressProblem, testOriginProblem } from '../extension/src/checker-address.ts';
import { EXAMPLES, isDirectMessage } from '../extension/src/direct-messages.ts';
import { SENDS_ON_ENTER_EXAMPLES, sendsOnEnter } from '../extension/src/send-on-enter.ts';

describe('direct-message boxes', () => {
  for (const { box, dm } of EXAMPLES) {
    it(`${dm ? 'skips' : 'checks'} ${box.path} ${JSON.stringify(box.labels)} ${JSON.stringify(box.marks)}`, () => {
      expect(isDirectMessage(box)).toBe(dm);
    });
  }
});

describe('boxes that send on Enter', () => {
  for (const { box, sends } of SENDS_ON_ENTER_EXAMPLES) {
    it(`${JSON.stringify(box.label)} (aria-multiline ${box.multiline}) ${sends ? 'sends' : 'starts a new line'} on Enter`, () => {
      expect(sendsOnEnter(box)).toBe(sends);
    });
  }
});

describe('checker addresses', () => {
  it.each(['https://checker.example.gov.uk', 'https://x.workers.dev/', 'http://127.0.0.1:8787', 'http://localhost:9000'])('accepts %s', (a) => {
    expect(checkerAddressProblem(a)).toBeUndefined();
  });
  it.each(['http://checker.example.org', 'http://192.168.1.10:8787', 'http://localhost.evil.example', 'ftp://x', 'javascript:alert(1)', 'not a url', ''])('refuses %s', (a) => {
    expect(checkerAddressProblem(a)).toMatch(/https:\/\/|web address/u);
  });
  it('takes a test origin without a path, or none', () => {
    expect(testOriginProblem('')).toBeUndefined();
    expect(testOriginProblem('http://localhost:5173')).toBeUndefined();
    expect(testOriginProblem('http://localhost:5173/')).toBeUndefined();
    expect(testOriginProblem('http://localhost:5173/page.html')).toMatch(/origin only/u);
    expect(testOriginProblem('http://staging.example.org')).toMatch(/test page must use https/u);
  });
});

describe('settings pushed by council IT (chrome.storage.managed)', () => {
  it('takes the well-formed values of the policy and ignores the rest', () => {
    expect(managedValues({ apiBase: ' https://checker.rugby.gov.uk ', token: 'cpc_x', profile: 'rugby', authorRole: 'council_account', channel: 'official', guardReview: true, checkDirectMessages: false }))
      .toEqual({ apiBase: 'https://checker.rugby.gov.uk', token: 'cpc_x', profile: 'rugby', authorRole: 'council_account', channel: 'official', guardReview: true, checkDirectMessages: false });
    // A typo in a policy cannot switch the checker off or set a role that does not exist.
    expect(managedValues({ apiBase: '', authorRole: 'mayor', channel: 'tiktok', guardReview: 'yes', testOrigin: 'http://localhost:1', checkWhileTyping: false })).toEqual({});
    expect(Object.keys(managedValues({ profile: 'tendring' }))).toEqual(['profile']);
  });

  it('the schema the manifest names offers exactly the keys the extension reads', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../extension/managed-schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../extension/manifest.json'), 'utf8')) as { storage?: { managed_schema?: string } };
    expect(manifest.storage?.managed_schema).toBe('managed-schema.json');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
  });
});
