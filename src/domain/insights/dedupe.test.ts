import { describe, expect, it } from 'vitest';
import { duplicateKey, normalizeForDuplicates } from './dedupe.ts';

describe('near-duplicate keys', () => {
  it('sets aside case, numbers, links, emails and punctuation', () => {
    expect(
      normalizeForDuplicates('Invoice #4411 is WRONG!! see https://x.test/a?b=1 or mail ops@acme.io'),
    ).toBe('invoice is wrong see or mail');
    expect(normalizeForDuplicates('Ça ne marche pas — 3 fois')).toBe('ça ne marche pas fois');
  });

  it('gives copies of one complaint one key, and different complaints different keys', () => {
    const a = duplicateKey('Invoice wrong', 'Order 4411 was charged twice.');
    expect(duplicateKey('invoice WRONG', 'order 5120 was charged twice!')).toBe(a);
    expect(duplicateKey('Invoice wrong', 'Order 4411 was charged once.')).not.toBe(a);
    expect(BigInt(a)).toBeGreaterThanOrEqual(-(2n ** 63n));
    expect(BigInt(a)).toBeLessThan(2n ** 63n);
  });
});
