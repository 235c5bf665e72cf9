import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './markdown.ts';

describe('markdownToPlainText', () => {
  it('keeps structure readable: numbered and nested lists, quotes, code, tables', () => {
    const md = [
      '3. third',
      '4. fourth',
      '   - nested',
      '',
      '> quoted **words**',
      '',
      '```',
      'npm run gate',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
    ].join('\n');
    expect(markdownToPlainText(md)).toBe(
      [
        '3. third',
        '4. fourth',
        '   • nested',
        '',
        '> quoted words',
        '',
        '    npm run gate',
        '',
        'a | b',
        '1 | 2',
      ].join('\n'),
    );
  });

  it('writes links once when the text is the address, and with the address otherwise', () => {
    expect(markdownToPlainText('<https://a.test/x> and [docs](https://a.test/d)')).toBe(
      'https://a.test/x and docs (https://a.test/d)',
    );
  });
});
