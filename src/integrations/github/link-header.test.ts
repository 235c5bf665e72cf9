import { describe, expect, it } from 'vitest';
import { nextPageUrl } from './link-header.ts';

describe('nextPageUrl', () => {
  it('reads rel="next" from GitHub’s Link header, wherever it stands', () => {
    const next = 'https://api.github.com/repositories/1300192/issues?page=4';
    expect(
      nextPageUrl(
        `<https://api.github.com/repositories/1300192/issues?page=2>; rel="prev", <${next}>; rel="next", <https://api.github.com/repositories/1300192/issues?page=515>; rel="last"`,
      ),
    ).toBe(next);
    expect(nextPageUrl(`<${next}>; rel=next`)).toBe(next);
    expect(nextPageUrl(`<${next}>; title="a, b"; rel="prefetch next"`)).toBe(next);
  });

  it('is null on the last page or without a header', () => {
    expect(
      nextPageUrl('<https://x/issues?page=1>; rel="first", <https://x/issues?page=4>; rel="prev"'),
    ).toBeNull();
    expect(nextPageUrl(null)).toBeNull();
    expect(nextPageUrl('')).toBeNull();
  });
});
