import { describe, expect, it } from 'vitest';
import { compileKeywords, matchable, matchableWords, suggestByKeywords, suggestSeverity } from './rules.ts';

describe('keyword rules', () => {
  it('splits a text into the words matchable() leaves, surrogate pairs and lone halves included', () => {
    for (const text of [
      "  --Hello, I can't use the  API!!",
      'Ça ne marche pas — 3 fois 𝐀𝐁 \ud835 c++ #tag 😀x',
      'İstanbul ŞEHİR',
      '',
    ])
      expect(matchableWords(text)).toEqual(matchable(text).split(' ').filter(Boolean));
  });

  it('counts a keyword once however often it occurs, and phrases only as consecutive words', () => {
    const sets = compileKeywords([
      { key: 'billing', keywords: ['invoice', 'Charged twice', 'invoice'] },
      { key: 'onboarding', keywords: ['sign up', 'invite'] },
    ]);
    expect(suggestByKeywords(matchableWords('Invoice, invoice: we were charged — twice!'), sets)).toEqual({
      key: 'billing',
      confidence: 0.75,
    });
    expect(suggestByKeywords(matchableWords('sign the form, then up'), sets)).toEqual({
      key: null,
      confidence: 0,
    });
    expect(suggestByKeywords(matchableWords('invoice after sign up'), sets).key).toBe('billing');
    expect(
      suggestSeverity(matchableWords("We can't use it, urgent"), null, ['low', 'medium', 'high']),
    ).toEqual({
      key: 'high',
      confidence: 0.75,
    });
  });
});
