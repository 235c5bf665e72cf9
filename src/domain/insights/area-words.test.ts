import { describe, expect, it } from 'vitest';
import { distinctiveWords, resolveAreaWords, wordsOfArea } from './area-words.ts';

describe('area words', () => {
  it("splits an area's name and description into meaningful words, both forms, keeping acronyms", () => {
    expect(wordsOfArea('Billing', 'Invoices, payments, tax').sort()).toEqual(
      ['billing', 'billings', 'invoice', 'invoices', 'payment', 'payments', 'tax', 'taxes'].sort(),
    );
    const admin = wordsOfArea('Admin & Security', 'SSO, SCIM provisioning, roles and the audit log');
    expect(admin).toEqual(
      expect.arrayContaining(['sso', 'scim', 'admin', 'security', 'role', 'roles', 'audit']),
    );
    expect(admin).not.toContain('and');
    expect(admin).not.toContain('the');
  });

  it('learns the words of corrected items that one area holds more of than any other', () => {
    const learnt = distinctiveWords(
      [
        { text: 'Okta group rules fail', label: 'admin' },
        { text: 'Invoice total wrong', label: 'billing' },
        { text: 'Group invoice', label: 'billing' },
      ],
      new Set(['fail']),
    );
    expect(learnt.admin?.sort()).toEqual(['okta', 'rules']);
    expect(learnt.billing?.sort()).toEqual(['invoice', 'total', 'wrong']);
  });

  it('gives a word to the areas claiming it most strongly: listed, then learnt, then guessed', () => {
    const words = resolveAreaWords([
      { id: 'billing', explicit: [], learnt: [], guessed: ['invoice', 'tax'] },
      { id: 'finance', explicit: ['invoice'], learnt: [], guessed: [] },
      { id: 'payments', explicit: [], learnt: ['tax'], guessed: [] },
    ]);
    expect(words).toEqual([
      { key: 'billing', keywords: [] },
      { key: 'finance', keywords: ['invoice'] },
      { key: 'payments', keywords: ['tax'] },
    ]);
  });
});
