import { describe, expect, it } from 'vitest';
import type { TStatusAnswer, TStatusCard } from '../../shared/status.ts';
import { SLACK_LIMITS } from './blocks.ts';
import {
  MAX_CHOICES,
  parseStatusAction,
  SLACK_BUTTON_LIMITS,
  type StatusBlock,
  statusMessage,
} from './status-card.ts';

const BASE = 'https://prodops.example.com';

const card: TStatusCard = {
  subject: 'release',
  id: '6f1c2d9e-1111-4a5b-9c3d-000000000001',
  title: 'Usage-based invoices',
  areaName: 'Billing',
  path: '/releases/6f1c2d9e-1111-4a5b-9c3d-000000000001',
  subjectLabel: 'Release',
  summary: 'Invoices follow metered usage.',
  area: { id: '6f1c2d9e-1111-4a5b-9c3d-0000000000a1', name: 'Billing' },
  owner: { id: '6f1c2d9e-1111-4a5b-9c3d-0000000000b1', name: 'Maya Chen' },
  status: 'In readiness',
  when: { exact: true, text: 'Tue 15 Dec 2026' },
  tier: 3,
  readiness: { ready: false, missing: ['Support sign-off', 'Training held'] },
  bundlePath: '/releases/6f1c2d9e-1111-4a5b-9c3d-000000000001#bundle',
  updates: [{ week: '2026-W47', areaName: 'Billing', text: 'Invoices **beta** with 3 customers' }],
  decisions: [
    {
      id: '6f1c2d9e-1111-4a5b-9c3d-0000000000d1',
      number: 12,
      title: 'Ship metered first',
      decidedOn: '2026-10-01',
    },
  ],
  asOf: '2026-11-20T09:30:00.000Z',
};

const answer = (over: Partial<TStatusAnswer> = {}): TStatusAnswer => ({
  query: 'usage invoices',
  outcome: 'answer',
  card,
  choices: [],
  askInstead: null,
  message: 'Usage-based invoices: In readiness, launching Tue 15 Dec 2026.',
  ...over,
});

/** Every text of every block against Slack's documented limits. */
function assertWithinLimits(blocks: StatusBlock[]) {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const b of blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (b.type === 'context')
      for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
      for (const e of b.elements) {
        expect(e.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
        expect(e.action_id.length).toBeLessThanOrEqual(SLACK_BUTTON_LIMITS.actionId);
        expect(e.value.length).toBeLessThanOrEqual(SLACK_BUTTON_LIMITS.value);
      }
    }
  }
}

const texts = (blocks: StatusBlock[] = []) =>
  blocks.flatMap((b) =>
    b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [],
  );

describe('the status card in Slack', () => {
  it('shows the card: linked title, area, owner, when, tier, readiness, bundle, update, decision, as of', () => {
    const msg = statusMessage(answer(), { baseUrl: BASE });
    expect(msg.response_type).toBe('ephemeral');
    expect(msg.blocks?.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'section',
      'context',
      'actions',
    ]);
    const all = texts(msg.blocks).join('\n');
    expect(all).toContain(`*<${BASE}${card.path}|Usage-based invoices>*`);
    expect(all).toContain('*Area:* Billing');
    expect(all).toContain('*Owner:* Maya Chen');
    expect(all).toContain('*When:* Tue 15 Dec 2026');
    expect(all).toContain('*Tier:* 3');
    expect(all).toContain('*Readiness:* not ready — missing: Support sign-off; Training held');
    expect(all).toContain(`<${BASE}${card.bundlePath}|open the bundle>`);
    expect(all).toContain('• Invoices *beta* with 3 customers _(Billing, 2026-W47)_');
    expect(all).toContain(`<${BASE}/decisions/${card.decisions[0]!.id}|#12 Ship metered first>`);
    expect(all).toContain('as of <!date^1795167000^{date_short_pretty} at {time}|2026-11-20T09:30:00.000Z>');
    expect(msg.text).toBe(answer().message);
  });

  it('offers "Share in channel" carrying the card; the shared message has no button and names who shared', () => {
    const msg = statusMessage(answer(), { baseUrl: BASE });
    const actions = msg.blocks?.find((b) => b.type === 'actions');
    expect(actions?.type === 'actions' && actions.elements).toEqual([
      expect.objectContaining({
        action_id: 'status_share',
        text: expect.objectContaining({ text: 'Share in channel' }),
      }),
    ]);
    const share = actions?.type === 'actions' ? actions.elements[0]! : null;
    expect(parseStatusAction(share!.action_id, share!.value)).toEqual({
      kind: 'share',
      q: 'usage invoices',
      subject: 'release',
      id: card.id,
    });
    const shared = statusMessage(answer(), {
      baseUrl: BASE,
      responseType: 'in_channel',
      sharedBy: 'U024BE7LH',
    });
    expect(shared.response_type).toBe('in_channel');
    expect(shared.blocks?.some((b) => b.type === 'actions')).toBe(false);
    expect(texts(shared.blocks).join('\n')).toContain('shared by <@U024BE7LH>');
  });

  it('says a range is a range, and a ready release is ready', () => {
    const msg = statusMessage(
      answer({
        card: {
          ...card,
          when: { exact: false, text: 'Early Dec 2026' },
          readiness: { ready: true, missing: [] },
        },
      }),
      { baseUrl: BASE },
    );
    const all = texts(msg.blocks).join('\n');
    expect(all).toContain('*When:* Early Dec 2026 _(range)_');
    expect(all).toContain('*Readiness:* ready');
  });

  it('escapes <, > and & in every user text so nothing becomes a mention, a broadcast or a link', () => {
    const evil = '<!channel> & <@U123> <https://evil.example|click>';
    const msg = statusMessage(
      answer({
        message: evil,
        card: {
          ...card,
          title: evil,
          summary: evil,
          status: evil,
          owner: { id: card.owner!.id, name: evil },
          area: { id: card.area!.id, name: evil },
          readiness: { ready: false, missing: [evil] },
          updates: [{ week: '2026-W47', areaName: evil, text: evil }],
          decisions: [{ ...card.decisions[0]!, title: evil }],
          asOf: evil,
        },
      }),
      { baseUrl: BASE },
    );
    const all = [...texts(msg.blocks), msg.text].join('\n');
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U123>');
    // Update bullets are markdown, where a link is a link (shown with its URL); everywhere else it is text.
    expect(all.split('\n').filter((l) => l.includes('<https://evil'))).toEqual([
      expect.stringMatching(/^• &lt;!channel&gt; &amp; &lt;@U123&gt; <https:\/\/evil\.example%7Cclick\|/),
    ]);
    expect(all).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    // The header is plain text: Slack shows it as typed, nothing in it is a control sequence.
    const header = msg.blocks?.[0];
    expect(header?.type === 'header' && header.text.type).toBe('plain_text');
  });

  it('stays within the limits with very long texts and many updates and decisions', () => {
    const long = 'word '.repeat(3000);
    const msg = statusMessage(
      answer({
        message: long,
        card: {
          ...card,
          title: long,
          summary: long,
          status: long,
          subjectLabel: long,
          readiness: {
            ready: false,
            missing: Array.from({ length: 200 }, (_, i) => `missing ${i} ${long.slice(0, 200)}`),
          },
          updates: Array.from({ length: 100 }, (_, i) => ({
            week: '2026-W47',
            areaName: 'Billing',
            text: `${i} ${long}`,
          })),
          decisions: Array.from({ length: 100 }, (_, i) => ({
            ...card.decisions[0]!,
            number: i,
            title: long,
          })),
        },
      }),
      { baseUrl: BASE },
    );
    assertWithinLimits(msg.blocks!);
    expect(msg.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(texts(msg.blocks).join('\n')).toMatch(/…and \d+ more/);
  });

  it('links only under the base URL, and not at all without one', () => {
    const msg = statusMessage(
      answer({ card: { ...card, path: 'https://evil.example/x', bundlePath: 'javascript:alert(1)' } }),
      {
        baseUrl: BASE,
      },
    );
    const all = texts(msg.blocks).join('\n');
    expect(all).not.toContain('evil.example');
    expect(all).not.toContain('javascript:');
    expect(all).toContain('*Usage-based invoices*');
    const sneaky = statusMessage(
      answer({ card: { ...card, path: '//prodops.example.com.evil.example/x' } }),
      {
        baseUrl: BASE,
      },
    );
    expect(texts(sneaky.blocks).join('\n')).not.toContain('evil.example');
    const none = texts(statusMessage(answer(), { baseUrl: undefined }).blocks).join('\n');
    expect(none).not.toContain('<https://');
    expect(none).toContain('*Usage-based invoices*');
  });
});

describe('choices and no answer', () => {
  const match = (i: number) => ({
    subject: 'roadmap_item' as const,
    id: `6f1c2d9e-2222-4a5b-9c3d-00000000000${i}`,
    title: `Search v${i} <b>`,
    areaName: 'Search',
    path: `/roadmap/items/6f1c2d9e-2222-4a5b-9c3d-00000000000${i}`,
  });

  it('offers at most three buttons, each carrying the subject and id, with the query as value', () => {
    const msg = statusMessage(
      answer({
        outcome: 'choose',
        card: null,
        choices: [1, 2, 3, 4].map(match),
        message: 'Three things match “search”: which one?',
        query: 'search',
      }),
      { baseUrl: BASE },
    );
    assertWithinLimits(msg.blocks!);
    const actions = msg.blocks?.find((b) => b.type === 'actions');
    const buttons = actions?.type === 'actions' ? actions.elements : [];
    expect(buttons).toHaveLength(MAX_CHOICES);
    expect(buttons.map((b) => b.text.text)).toEqual([
      'Search v1 <b> · Search',
      'Search v2 <b> · Search',
      'Search v3 <b> · Search',
    ]);
    expect(buttons.map((b) => parseStatusAction(b.action_id, b.value))).toEqual(
      [1, 2, 3].map((i) => ({ kind: 'pick', q: 'search', subject: 'roadmap_item', id: match(i).id })),
    );
    expect(texts(msg.blocks).join('\n')).toContain(
      `<${BASE}${match(1).path}|Search v1 &lt;b&gt;> — Roadmap item, Search`,
    );
  });

  it('says who to ask when nothing matched, escaped', () => {
    const msg = statusMessage(
      answer({
        outcome: 'none',
        card: null,
        message: 'Nothing matches “x < y”.',
        askInstead: { areaName: 'Billing & Tax', ownerName: 'Maya <Chen>' },
      }),
      { baseUrl: BASE },
    );
    expect(texts(msg.blocks)).toEqual([
      'Nothing matches “x &lt; y”.',
      'Ask *Maya &lt;Chen&gt;*, who owns Billing &amp; Tax.',
    ]);
    expect(msg.blocks?.some((b) => b.type === 'actions')).toBe(false);
  });

  it('reads back only its own, well-formed buttons', () => {
    expect(parseStatusAction('status_pick:release:abc', 'q')).toEqual({
      kind: 'pick',
      q: 'q',
      subject: 'release',
      id: 'abc',
    });
    expect(parseStatusAction('status_pick:planet:abc', 'q')).toBeNull();
    expect(parseStatusAction('status_pick:release:', 'q')).toBeNull();
    expect(parseStatusAction('status_share', '{not json')).toBeNull();
    expect(
      parseStatusAction('status_share', JSON.stringify({ q: 'x', subject: 'moon', id: '1' })),
    ).toBeNull();
    expect(parseStatusAction('prodops_link_0', undefined)).toBeNull();
  });
});
