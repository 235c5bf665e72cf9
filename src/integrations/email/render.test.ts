import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../message.ts';
import { renderEmail } from './render.ts';

const msg: OutgoingMessage = {
  title: 'Weekly Product Update — 2026-11-19',
  summary: 'Three launches this week; one risk needs an owner.',
  sections: [
    { heading: 'Shipped', markdown: '- **Search v2** ([spec](https://prodops.test/s?a=1&b=2))\n- Billing' },
    {
      heading: 'Risks',
      markdown: '## Payments\n\nVendor <script>alert(1)</script> & [bad](javascript:alert(1))',
    },
  ],
  link: { label: 'Open in prodops', url: 'https://prodops.test/updates/7' },
  actions: [
    { label: "I'm ready", url: 'https://prodops.test/ready?t=abc' },
    { label: 'Evil', url: 'javascript:alert(1)' },
  ],
  footer: 'You follow Search & Billing.',
};
const opts = { unsubscribeUrl: 'https://prodops.test/unsub?t=xyz&l=weekly', orgName: 'Acme & Co' };

describe('renderEmail', () => {
  const email = renderEmail(msg, opts);

  it('uses the title as a one-line subject', () => {
    expect(email.subject).toBe('Weekly Product Update — 2026-11-19');
    expect(renderEmail({ ...msg, title: 'A\r\nBcc: x@evil.test' }, opts).subject).toBe('A Bcc: x@evil.test');
  });

  it('writes accessible HTML: lang, title, preheader, headings in order', () => {
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(email.html).toContain('<title>Weekly Product Update — 2026-11-19</title>');
    expect(email.html).toMatch(/<div style="display:none;[^"]*">Three launches this week; one risk/);
    expect(email.html).toMatch(/<h1 [^>]*>Weekly Product Update/);
    expect(email.html).toMatch(/<h2 [^>]*>Shipped<\/h2>/);
    expect(email.html).toMatch(/<h3 [^>]*>Payments<\/h3>/);
    expect(email.html).toMatch(/<strong>Search v2<\/strong>/);
    expect(email.html).toContain('<a href="https://prodops.test/s?a=1&amp;b=2" style=');
  });

  it('escapes raw HTML and drops unsafe links', () => {
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    expect(email.html).not.toMatch(/href="javascript:/i);
    expect(email.html).not.toContain('>Evil</a>');
    expect(email.html).toContain('Acme &amp; Co');
  });

  it('puts buttons and the unsubscribe link in the HTML', () => {
    expect(email.html).toMatch(/<a href="https:\/\/prodops.test\/updates\/7"[^>]*>Open in prodops<\/a>/);
    expect(email.html).toMatch(/<a href="https:\/\/prodops.test\/ready\?t=abc"[^>]*>I'm ready<\/a>/);
    expect(email.html).toMatch(
      /<a href="https:\/\/prodops.test\/unsub\?t=xyz&amp;l=weekly"[^>]*>Unsubscribe<\/a>/,
    );
  });

  it('writes a plain-text part that reads on its own', () => {
    expect(email.text).toBe(
      [
        'Weekly Product Update — 2026-11-19',
        '==================================',
        '',
        'Three launches this week; one risk needs an owner.',
        '',
        'Shipped',
        '-------',
        '',
        '• Search v2 (spec (https://prodops.test/s?a=1&b=2))',
        '• Billing',
        '',
        'Risks',
        '-----',
        '',
        'Payments',
        '--------',
        '',
        'Vendor <script>alert(1)</script> & [bad](javascript:alert(1))',
        '',
        'Open in prodops: https://prodops.test/updates/7',
        "I'm ready: https://prodops.test/ready?t=abc",
        '',
        '-- ',
        'You follow Search & Billing.',
        'Sent by Acme & Co with prodops.',
        'Unsubscribe: https://prodops.test/unsub?t=xyz&l=weekly',
        '',
      ].join('\n'),
    );
  });

  it('refuses an unsubscribe URL a recipient could not open', () => {
    expect(() => renderEmail(msg, { ...opts, unsubscribeUrl: '/unsub' })).toThrow('unsubscribeUrl');
  });
});

describe('renderEmail with replies', () => {
  it('puts each reply after the message, under its title: an email has no thread', () => {
    const email = renderEmail(
      {
        ...msg,
        replies: [
          { title: 'Billing — Maya Chen', sections: [{ markdown: '- Wins / shipped:\n  - Invoices v2' }] },
          { title: 'Search — Bo Chen', sections: [{ heading: 'Highlights', markdown: '- Facets' }] },
        ],
      },
      opts,
    );
    const order = ['Risks', 'Billing — Maya Chen', 'Invoices v2', 'Search — Bo Chen', 'Highlights', 'Facets'];
    const at = (text: string) => order.map((s) => text.indexOf(s));
    for (const part of [email.html, email.text]) {
      const positions = at(part);
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
    expect(email.html).toMatch(/<h2 [^>]*>Billing — Maya Chen<\/h2>/);
    expect(email.text).toContain('Billing — Maya Chen\n-------------------');
  });
});
