import { describe, expect, it } from 'vitest';
import { bodyText, MAX_BODY, optionalText, plainText, tagList, tidy, titleText } from './clean.ts';

describe('plain text', () => {
  it('converts HTML with a real parser: entities, blocks, lists, links without their targets', () => {
    const html =
      '<div><p>The <b>export</b>&nbsp;fails &amp; <a href="https://x.example/a">this link</a> 404s.</p>' +
      '<ul><li>Chrome</li><li>Firefox</li></ul><img src="x.png"><script>alert(1)</script></div>';
    expect(plainText(html)).toBe('The export fails & this link 404s.\n\n* Chrome\n* Firefox');
  });

  it('leaves plain text with a "<" alone', () => {
    expect(plainText('load time < 2s and 3 > 1')).toBe('load time < 2s and 3 > 1');
    expect(plainText('press <Enter> to save, <3')).toBe('press <Enter> to save, <3');
  });

  it('treats text with only entities as HTML', () => {
    expect(plainText('AT&amp;T &lt;support&gt;')).toBe('AT&T <support>');
  });

  it('tidies whitespace: CRLF, runs of spaces, blank lines, control characters and NUL', () => {
    expect(tidy('  a \t b\r\n\r\n\r\n\r\nc\u0000d\u0007 \n e  ')).toBe('a b\n\ncd\ne');
  });

  it('truncates a long body to 20,000 characters instead of failing', () => {
    const body = bodyText('x'.repeat(50_000));
    expect(body).toHaveLength(MAX_BODY);
    expect(body.endsWith('…')).toBe(true);
  });

  it('joins the parts of a body with a blank line, skipping empty ones', () => {
    expect(bodyText(['<p>one</p>', null, '', 'two'])).toBe('one\n\ntwo');
  });

  it('keeps titles on one line', () => {
    expect(titleText('Export\nbroken  again')).toBe('Export broken again');
  });

  it('turns blank optional values into null and numbers into text', () => {
    expect(optionalText('   ')).toBeNull();
    expect(optionalText(undefined)).toBeNull();
    expect(optionalText({ name: 'x' })).toBeNull();
    expect(optionalText(42)).toBe('42');
  });
});

describe('tags', () => {
  it('splits a cell on commas and semicolons, trimmed and deduplicated', () => {
    expect(tagList('export; billing,export ,, ')).toEqual(['export', 'billing']);
  });

  it('reads lists of strings or of {name}', () => {
    expect(tagList(['a', { name: 'b' }, 3, null])).toEqual(['a', 'b', '3']);
  });

  it('has none when the value is missing', () => {
    expect(tagList(undefined)).toEqual([]);
  });
});
