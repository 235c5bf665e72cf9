import { describe, expect, it } from 'vitest';
import { extractFeatures, FeatureBuffer, type FeatureOptions, isCharFeature } from './features.ts';

const WORDS: FeatureOptions = { wordMaxN: 2, charMinN: 2, charMaxN: 0, maxChars: 10_000 };
const CHARS: FeatureOptions = { wordMaxN: 1, charMinN: 2, charMaxN: 5, maxChars: 10_000 };

function hashes(text: string, opts: FeatureOptions) {
  const out = new FeatureBuffer();
  extractFeatures(text, opts, out);
  return {
    words: [...out.hashes.subarray(0, out.wordEnd)],
    chars: [...out.hashes.subarray(out.wordEnd, out.length)],
  };
}

describe('features', () => {
  it('makes word unigrams and bigrams over runs of Unicode letters and digits', () => {
    // "café", "naïve", "2", "x": 4 unigrams, 3 bigrams; punctuation and spaces separate tokens.
    const { words, chars } = hashes('Café, naïve — 2 x!', WORDS);
    expect(words).toHaveLength(7);
    expect(chars).toHaveLength(0);
    expect(new Set(words).size).toBe(7);
  });

  it('is case-insensitive and ignores how tokens are separated', () => {
    expect(hashes('Export CSV', WORDS).words).toEqual(hashes('export...csv', WORDS).words);
    expect(hashes('export csv', WORDS).words).not.toEqual(hashes('csv export', WORDS).words);
  });

  it('makes char_wb n-grams of each whitespace-delimited chunk padded with spaces, as scikit-learn does', () => {
    // " ab " (4 chars): 3 bigrams, 2 trigrams, 1 four-gram; " a " (3): 2 bigrams, 1 trigram.
    expect(hashes('ab', CHARS).chars).toHaveLength(6);
    expect(hashes('a', CHARS).chars).toHaveLength(3);
    // "hello" → " hello " (7 chars): 6 + 5 + 4 + 3 n-grams of length 2..5.
    expect(hashes('hello', CHARS).chars).toHaveLength(18);
    // Punctuation stays inside the chunk (it tells questions apart), and chunks never share an n-gram.
    expect(hashes('why?', CHARS).chars).not.toEqual(hashes('why', CHARS).chars);
    expect(hashes('ab ab', CHARS).chars).toEqual([
      ...hashes('ab', CHARS).chars,
      ...hashes('ab', CHARS).chars,
    ]);
  });

  it('tells word features from char features by their hash', () => {
    const { words, chars } = hashes('Where is the invoice?', { ...CHARS, wordMaxN: 2 });
    expect(words.every((h) => !isCharFeature(h) && h !== 0)).toBe(true);
    expect(chars.every((h) => isCharFeature(h))).toBe(true);
  });

  it('reads only the first maxChars characters', () => {
    const short = { ...WORDS, maxChars: 11 };
    expect(hashes('hello world and more words', short).words).toEqual(hashes('hello world', WORDS).words);
  });
});
