import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../message.ts';
import { SLACK_LIMITS, type SlackBlock, toSlackPayload } from './blocks.ts';
import { markdownToMrkdwn, splitMrkdwn } from './mrkdwn.ts';

const base: OutgoingMessage = {
  title: 'Weekly Product Update — 2026-11-19',
  summary: 'Three launches this week, one risk.',
};

const sectionTexts = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));

/** Every text a block carries, to check Slack's per-field limits in one place. */
function assertWithinLimits(blocks: SlackBlock[]) {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (b.type === 'context') {
      for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
      for (const e of b.elements) {
        expect(e.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
        expect(e.url.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonUrl);
      }
    }
  }
}

describe('markdown to mrkdwn', () => {
  it('converts bold, italics, links and lists', () => {
    const out = markdownToMrkdwn(
      '**Shipped** _fast_ [the docs](https://example.com/a?b=1&c=2)\n\n- one\n- two',
    );
    expect(out).toBe('*Shipped* _fast_ <https://example.com/a?b=1&amp;c=2|the docs>\n\n• one\n• two');
  });

  it('escapes &, < and > so text can never become a mention or a link', () => {
    expect(markdownToMrkdwn('a < b && c > d <!channel> <b>x</b>')).toBe(
      'a &lt; b &amp;&amp; c &gt; d &lt;!channel&gt; &lt;b&gt;x&lt;/b&gt;',
    );
  });

  it('keeps code as code and does not turn javascript: into a link', () => {
    expect(markdownToMrkdwn('`**x** <y>`')).toBe('`**x** &lt;y&gt;`');
    expect(markdownToMrkdwn('[x](javascript:alert(1))')).not.toContain('<javascript');
  });
});

describe('splitting', () => {
  it('closes and re-opens a code fence cut in two', () => {
    const chunks = splitMrkdwn(`\`\`\`\n${'line\n'.repeat(1000)}\`\`\``, 3000);
    expect(chunks.length).toBe(2);
    expect(chunks[0]!.endsWith('```')).toBe(true);
    expect(chunks[1]!.startsWith('```\n')).toBe(true);
  });

  it('never cuts inside a link', () => {
    const link = '<https://example.com/a-long-path|label>';
    const chunks = splitMrkdwn(`${'x'.repeat(2980)}${link}${'y'.repeat(100)}`, 3000);
    expect(chunks.some((c) => c.includes(link))).toBe(true);
  });
});

describe('toSlackPayload', () => {
  it('builds header, summary, sections, buttons and footer', () => {
    const payload = toSlackPayload({
      ...base,
      sections: [{ heading: 'Shipped', markdown: '- **Search** v2' }],
      link: { label: 'Open in prodops', url: 'https://prodops.test/updates/1' },
      actions: [{ label: "I'm ready", url: 'https://prodops.test/ready?t=abc' }],
      footer: 'You follow Search.',
    });
    expect(payload.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions', 'context']);
    expect(sectionTexts(payload.blocks)[1]).toBe('*Shipped*\n• *Search* v2');
    const actions = payload.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' && actions.elements.map((e) => [e.text.text, e.style])).toEqual([
      ['Open in prodops', 'primary'],
      ["I'm ready", undefined],
    ]);
    expect(payload.text).toContain('Weekly Product Update — 2026-11-19');
    expect(payload.text).toContain('Open in prodops: <https://prodops.test/updates/1>');
  });

  it('splits a 10,000-character section into blocks of at most 3,000 without losing text', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    expect(words.length).toBeGreaterThan(10_000);
    const payload = toSlackPayload({ ...base, sections: [{ markdown: words }] });
    assertWithinLimits(payload.blocks);
    const body = sectionTexts(payload.blocks).slice(1);
    expect(body.length).toBeGreaterThanOrEqual(4);
    expect(body.join(' ').split(/\s+/)).toEqual(words.split(' '));
  });

  it('caps 80 sections at 50 blocks, marks the cut with … and says so', () => {
    const sections = Array.from({ length: 80 }, (_, i) => ({ heading: `Area ${i}`, markdown: `Notes ${i}` }));
    const payload = toSlackPayload({
      ...base,
      sections,
      link: { label: 'Open in prodops', url: 'https://prodops.test/u/1' },
      footer: 'footer',
    });
    assertWithinLimits(payload.blocks);
    expect(payload.blocks).toHaveLength(50);
    const texts = sectionTexts(payload.blocks);
    expect(texts[texts.length - 1]!.endsWith('…')).toBe(true);
    const notice = payload.blocks.at(-3);
    expect(notice?.type === 'context' && notice.elements[0]!.text).toContain('shortened');
    expect(notice?.type === 'context' && notice.elements[0]!.text).toContain('<https://prodops.test/u/1|');
    expect(payload.blocks.at(-2)?.type).toBe('actions');
  });

  it('truncates a long title to 150 and the fallback text to 40,000', () => {
    const payload = toSlackPayload({
      title: 'T'.repeat(400),
      summary: 's',
      sections: Array.from({ length: 30 }, () => ({ markdown: 'x '.repeat(1500) })),
    });
    const header = payload.blocks[0];
    expect(header?.type === 'header' && header.text.text).toBe(`${'T'.repeat(149)}…`);
    expect(payload.text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    expect(payload.text.endsWith('…')).toBe(true);
  });

  it('escapes <, > and & in title-less text, summary and footer', () => {
    const payload = toSlackPayload({ title: 'A <b> & c', summary: '1 < 2 > 0 & <@U123>', footer: '<!here>' });
    expect(sectionTexts(payload.blocks)).toEqual(['1 &lt; 2 &gt; 0 &amp; &lt;@U123&gt;']);
    const header = payload.blocks[0];
    expect(header?.type === 'header' && header.text.text).toBe('A <b> & c');
    expect(JSON.stringify(payload.blocks.at(-1))).toContain('&lt;!here&gt;');
  });

  it('shortens button labels to 75 and leaves out links Slack would refuse', () => {
    const payload = toSlackPayload({
      ...base,
      actions: [
        { label: 'L'.repeat(100), url: 'https://prodops.test/a' },
        { label: 'too long', url: `https://prodops.test/${'p'.repeat(3000)}` },
        { label: 'script', url: 'javascript:alert(1)' },
        ...Array.from({ length: 6 }, (_, i) => ({ label: `a${i}`, url: `https://prodops.test/${i}` })),
      ],
    });
    assertWithinLimits(payload.blocks);
    const actions = payload.blocks.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' && actions.elements.map((e) => e.text.text)).toEqual([
      `${'L'.repeat(74)}…`,
      'a0',
      'a1',
    ]);
  });
});
