import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlackPeer } from '../../../test/peers.ts';
import type { OutgoingMessage } from '../message.ts';
import { SLACK_LIMITS, type SlackBlock } from './blocks.ts';
import { postThread, threadNote, toSlackDigest, toSlackReply } from './thread.ts';

const message: OutgoingMessage = {
  title: 'Weekly Product Update — 2026-11-19',
  summary: "What shipped, what's next and what's at risk, across 2 product areas.",
  sections: [{ markdown: '## Areas\n- Billing (Maya Chen): Invoices v2\n- Search (Bo Chen): Facets' }],
  link: { label: 'Read it in prodops', url: 'https://prodops.example/updates/2026-W47' },
  replies: [
    { title: 'Billing — Maya Chen', sections: [{ markdown: '- Wins / shipped:\n  - **Invoices v2**' }] },
    { title: 'Search — Bo Chen', sections: [{ markdown: '- Wins / shipped:\n  - Facets' }] },
  ],
};

function withinLimits(blocks: SlackBlock[]) {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (b.type === 'context') {
      for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
  }
}

describe('rendering a digest and its replies', () => {
  it('posts the digest without the replies, saying the full text is in its thread', () => {
    const digest = toSlackDigest(message);
    const text = JSON.stringify(digest);
    expect(text).toContain('Billing (Maya Chen): Invoices v2');
    expect(text).not.toContain('Wins / shipped');
    expect(digest.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: threadNote(2) }],
    });
    expect(threadNote(1)).toBe("The full text is in this message's thread (1 reply).");
  });

  it('renders a reply as a header and its body, without the buttons of the digest', () => {
    const reply = toSlackReply(message.replies![0]!, message);
    expect(reply.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Billing — Maya Chen', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '• Wins / shipped:\n   • *Invoices v2*' } },
    ]);
    expect(reply.text).toBe('*Billing — Maya Chen*\n\n• Wins / shipped:\n   • *Invoices v2*');
  });

  it('keeps a huge reply within Block Kit limits, cut with a notice pointing at the full update', () => {
    const bullets = Array.from({ length: 100 }, (_, i) => `  - Item ${i} ${'word '.repeat(400)}`);
    const reply = toSlackReply(
      { title: 'x'.repeat(300), sections: [{ markdown: `- Wins / shipped:\n${bullets.join('\n')}` }] },
      message,
    );
    withinLimits(reply.blocks);
    expect(reply.blocks).toHaveLength(SLACK_LIMITS.blocks);
    expect(reply.text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    const notice = reply.blocks.at(-1)!;
    expect(notice.type).toBe('context');
    expect(JSON.stringify(notice)).toContain('https://prodops.example/updates/2026-W47|Read it in prodops');
  });
});

describe('posting a message with its replies in a thread', () => {
  let slack: Awaited<ReturnType<typeof startSlackPeer>>;
  const api = () => ({ apiUrl: slack.url, token: 'xoxb-secret-token' });
  beforeAll(async () => {
    slack = await startSlackPeer();
  });
  afterAll(() => slack.close());
  beforeEach(() => {
    slack.received.length = 0;
    slack.failPosts(null);
  });
  const posts = () =>
    slack.received.map((r) => r.body as { channel: string; text: string; thread_ts?: string });

  it('posts the digest, then each reply with thread_ts = the digest ts', async () => {
    const result = await postThread({ ...api(), channel: 'C0PRODUCT', message });
    const [digest, ...replies] = posts();
    expect(digest).not.toHaveProperty('thread_ts');
    expect(replies.map((r) => r.text.split('\n')[0])).toEqual([
      '*Billing — Maya Chen*',
      '*Search — Bo Chen*',
    ]);
    expect(replies.map((r) => r.channel)).toEqual(['C0PRODUCT', 'C0PRODUCT']);
    expect(result).toEqual({
      ok: true,
      detail: 'ok channel=C0PRODUCT ts=1700000000.000001; 2 of 2 replies posted in its thread',
    });
    for (const r of replies) expect(r.thread_ts).toBe('1700000000.000001');
  });

  it('replies in the thread the message itself is in', async () => {
    await postThread({ ...api(), channel: 'C0PRODUCT', message: { ...message, slack: { threadTs: '1.5' } } });
    expect(posts().map((p) => p.thread_ts)).toEqual(['1.5', '1.5', '1.5']);
  });

  it('names a reply that failed and stays ok, so the outbox does not post the digest again', async () => {
    slack.failPosts((b) => (String(b.text).startsWith('*Billing') ? 'msg_too_long' : undefined));
    const result = await postThread({ ...api(), channel: 'C0PRODUCT', message });
    expect(posts()).toHaveLength(3); // not retried: Slack will not take it the next time either
    expect(result.ok).toBe(true);
    expect(result.ok && result.detail).toMatch(
      /; 1 of 2 replies posted in its thread; not posted, and not tried again since the message is out: Billing — Maya Chen \(msg_too_long\)$/,
    );
    expect(JSON.stringify(result)).not.toContain('xoxb-secret-token');
  });

  it('tries a reply again after the rate limit, within its time budget', async () => {
    let limited = 1;
    slack.failPosts((b) => (b.thread_ts && limited-- > 0 ? 'ratelimited' : undefined));
    const pauses: number[] = [];
    const sleep = async (ms: number) => {
      pauses.push(ms);
    };
    const result = await postThread({ ...api(), channel: 'C0PRODUCT', message, sleep });
    expect(pauses).toEqual([1000]);
    expect(posts()).toHaveLength(4);
    expect(result.ok && result.detail).toMatch(/2 of 2 replies posted in its thread$/);

    slack.received.length = 0;
    const late = await postThread({ ...api(), channel: 'C0PRODUCT', message, budgetMs: 0 });
    expect(posts()).toHaveLength(1);
    expect(late.ok && late.detail).toMatch(
      /0 of 2 replies posted .*: Billing — Maya Chen \(out of time\), Search — Bo Chen \(out of time\)$/,
    );
  });

  it('posts no reply when the digest fails: the whole message is tried again', async () => {
    slack.failPosts(() => 'ratelimited');
    const result = await postThread({ ...api(), channel: 'C0PRODUCT', message });
    expect(result).toMatchObject({ ok: false, retryable: true, error: 'ratelimited' });
    expect(posts()).toHaveLength(1);
  });
});
