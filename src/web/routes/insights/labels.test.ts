import { describe, expect, it } from 'vitest';
import { correctionWords } from './labels.ts';

describe('correctionWords', () => {
  it('names the area instead of showing its id, and says keys in words', () => {
    const item = { areaName: 'Billing' };
    expect(correctionWords({ areaId: '3d1bee5d-c30f-413a-b569-8e846861199d' }, item)).toBe('area Billing');
    expect(correctionWords({ kind: 'feature_request', severity: 'high_impact' }, item)).toBe(
      'kind feature request, severity high impact',
    );
    expect(correctionWords({ theme: null, areaId: null }, item)).toBe('theme none, area none');
  });
});
