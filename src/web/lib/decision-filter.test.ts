import { describe, expect, it } from 'vitest';
import { filterFromParams, filterKey, isFiltered, paramsFromFilter } from './decision-filter.ts';

describe('the decision log filter in the URL', () => {
  it('reads the API’s names and keeps only values the API accepts', () => {
    const params = new URLSearchParams(
      'q=pricing&ownerId=p1&status=superseded&due=true&from=2026-01-01&to=2026-13&theme=&x=1',
    );
    expect(filterFromParams(params)).toEqual({
      q: 'pricing',
      ownerId: 'p1',
      status: 'superseded',
      due: 'true',
      from: '2026-01-01',
    });
    expect(filterFromParams(new URLSearchParams('status=open&due=false'))).toEqual({});
  });

  it('writes back only what is set, in a stable order, so the list reloads only when the filter changes', () => {
    const params = paramsFromFilter({ to: '2026-02-01', q: ' words ', areaId: '' });
    expect(params.toString()).toBe('q=words&to=2026-02-01');
    expect(filterKey({ to: '2026-02-01', q: 'words' })).toBe(filterKey({ q: 'words', to: '2026-02-01' }));
    expect(isFiltered({ q: '' })).toBe(false);
    expect(isFiltered({ releaseId: 'r1' })).toBe(true);
  });
});
