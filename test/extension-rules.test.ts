// The extension's pure rules, checked in Node: which boxes are direct messages, which
// boxes send on Enter (the Post guard holds that Enter back), and which checker addresses
// and test origins it accepts.

import { describe, expect, it } from 'vitest';
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
