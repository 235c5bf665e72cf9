import { describe, expect, it } from 'vitest';
import { markdownBlockHtml } from './markdown-block.tsx';

describe('markdownBlockHtml', () => {
  it('aligns table columns with classes, since the CSP refuses style attributes', () => {
    const html = markdownBlockHtml('| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n');
    expect(html).not.toContain('style=');
    expect(html).toContain('<th class="align-left">a</th>');
    expect(html).toContain('<td class="align-center">2</td>');
    expect(html).toContain('<td class="align-right">3</td>');
  });

  it('shows typed HTML as text', () => {
    expect(markdownBlockHtml('<img src=x onerror=alert(1)>')).toContain('&lt;img');
  });
});
