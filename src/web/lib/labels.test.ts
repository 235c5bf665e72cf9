import { describe, expect, it } from 'vitest';
import { keyWords } from './labels.ts';

describe('keyWords', () => {
  it('says a key without a label in words', () => {
    expect(keyWords('plan_deliverable')).toBe('plan deliverable');
    expect(keyWords('insight_routing')).toBe('insight routing');
    expect(keyWords('person')).toBe('person');
  });
});
