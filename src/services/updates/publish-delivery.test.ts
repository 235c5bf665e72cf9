import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { startSlackPeer, startSmtpPeer } from '../../../test/peers.ts';
import { deliveryLog } from '../../db/schema/index.ts';
import { SLACK_LIMITS, type SlackBlock } from '../../integrations/slack/blocks.ts';
import { createDeliverers } from '../../jobs/deliverers.ts';
import { relayOnce } from '../../jobs/outbox-relay.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { createChannel } from '../delivery/channels.ts';
import { listInbox } from '../delivery/inbox.ts';
import { createSubscription } from '../delivery/subscriptions.ts';
import { updateSettings } from '../org/settings.ts';
import { publishWeeklyUpdate } from './publish.ts';
import { submitUpdate } from './submissions.ts';

/**
 * The weekly update as each channel receives it, through the real outbox relay: a Slack channel posted with the
 * bot token gets a digest with one reply per area in its thread; a webhook channel, email and the inbox get one
 * message holding every area.
 */
let d: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let slack: Awaited<ReturnType<typeof startSlackPeer>>;
let deliverers: ReturnType<typeof createDeliverers>;
const ops = systemActor('priya@example.com');
const NOW = new Date('2026-11-20T15:00:00Z');
const HOOK = '/hooks/T1/B1/weekly';
let sales: Awaited<ReturnType<typeof makePerson>>;
let channelId: string;

interface Post {
  channel: string;
  text: string;
  blocks: SlackBlock[];
  thread_ts?: string;
}

beforeAll(async () => {
  d = await createTestDb({ now: NOW });
  smtp = await startSmtpPeer();
  slack = await startSlackPeer();
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: NOW,
  });
  deliverers = createDeliverers(d.db, {
    publicUrl: 'http://localhost:3000',
    delivery: {
      maxAttempts: 3,
      backoffMs: 1,
      smtpUrl: smtp.url,
      smtpFrom: 'prodops <prodops@example.com>',
      slackBotToken: 'xoxb-secret-token',
      slackApiUrl: slack.url,
      slackWebhookAnyHost: true,
      webhookAllowPrivate: [],
    },
  });
  const bot = await createChannel({
    db: d.db,
    actor: ops,
    input: { kind: 'slack', name: '#product-updates', slackChannelId: 'C0PRODUCT1' },
    allowAnyWebhookHost: true,
  });
  channelId = bot.id;
  const hook = await createChannel({
    db: d.db,
    actor: ops,
    input: { kind: 'slack', name: '#weekly-hook', webhookUrl: `${slack.url}${HOOK}` },
    allowAnyWebhookHost: true,
  });
  for (const c of [bot, hook]) {
    await createSubscription({ db: d.db, actor: ops, input: { kind: 'weekly_update', channelId: c.id } });
  }
  // Sales reads the weekly update by default: inbox, email and a Slack direct message.
  sales = await makePerson(d.db, { function: 'sales', slackId: 'U0SALES01' });
});
afterAll(async () => {
  deliverers.close();
  await smtp.close();
  await slack.close();
  await d.close();
});

async function drain() {
  const open = async () =>
    (
      (await d.db.execute(
        sql`select count(*)::int as n from outbox where status in ('pending','sending')`,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n;
  for (let i = 0; i < 20 && (await open()) > 0; i++) {
    await relayOnce({ db: d.db, deliverers, instance: 'test', maxAttempts: 3, backoffMs: 1 });
  }
}

/** The decoded text of every MIME part of a raw email (quoted-printable or base64). */
function mailText(raw: string): string {
  return raw
    .split(/\r?\n--[^\r\n]+\r?\n/)
    .map((part) => {
      const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      if (/content-transfer-encoding: base64/i.test(head))
        return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/content-transfer-encoding: quoted-printable/i.test(head)) {
        const bytes = body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
        return Buffer.from(bytes, 'latin1').toString('utf8');
      }
      return body;
    })
    .join('\n');
}

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

async function slackLogOf(ref: string, personId: string | null) {
  const rows = await d.db
    .select()
    .from(deliveryLog)
    .where(and(eq(deliveryLog.ref, ref), eq(deliveryLog.channel, 'slack')));
  return rows.filter((r) => (personId ? r.personId === personId : r.channelId === channelId));
}

describe('the weekly update in Slack: a digest with a thread per area', () => {
  const week = '2026-W48';
  const names = ['Billing', 'Growth', 'Search'];

  it('posts 1 digest + N replies in its thread through the bot; one message through a webhook; every area by email', async () => {
    for (const name of names) {
      const pm = await makePerson(d.db, { roles: ['pm'], name: `${name} PM` });
      const area = await makeArea(d.db, { name, ownerPmId: pm.id });
      await submitUpdate({
        db: d.db,
        actor: ops,
        week,
        areaId: area.id,
        content: {
          wins: [`${name} win one`, `${name} win two`],
          next: [`${name} next`],
          risks: name === 'Billing' ? ['Tax vendor late'] : [],
          metrics: [],
          links: [],
        },
        now: NOW,
      });
    }
    const quietPm = await makePerson(d.db, { roles: ['pm'], name: 'Omar Ortiz' });
    await makeArea(d.db, { name: 'Onboarding', ownerPmId: quietPm.id }); // sends nothing
    const before = slack.received.length;
    const mailsBefore = smtp.messages.length;
    await publishWeeklyUpdate({ db: d.db, actor: ops, week, now: new Date('2026-11-26T21:00:00Z') });
    await drain();
    const received = slack.received.slice(before);

    // The bot channel: the digest, then one reply per area that sent bullets, in the digest's thread.
    const posts = received
      .filter((r) => r.path === '/chat.postMessage')
      .map((r) => r.body as Post)
      .filter((p) => p.channel === 'C0PRODUCT1');
    const [digest, ...replies] = posts;
    expect(digest).toBeDefined();
    expect(digest).not.toHaveProperty('thread_ts');
    const digestText = JSON.stringify(digest!.blocks);
    expect(digestText).toContain('Weekly Product Update — 2026-11-26');
    expect(digestText).toContain('Org-wide highlights (Product Ops)');
    expect(digestText).toContain('Billing (Billing PM): Billing win one (+1 more) · 1 risk or ask');
    expect(digestText).toContain('Onboarding (Omar Ortiz): no update received');
    expect(digestText).toContain('http://localhost:3000/updates/2026-W48');
    expect(digestText).not.toContain('Billing next');
    const [log] = await slackLogOf(`${week}:v1`, null);
    const ts = /ts=(\S+);/.exec(log!.detail)?.[1];
    expect(ts).toMatch(/^1700000000\.\d+$/);
    expect(log).toMatchObject({ result: 'sent' });
    expect(log!.detail).toMatch(/; 3 of 3 replies posted in its thread$/);
    expect(log!.detail).not.toContain('xoxb');
    expect(replies).toHaveLength(names.length);
    expect(replies.map((r) => r.thread_ts)).toEqual(names.map(() => ts));
    expect(replies.map((r) => (r.blocks[0] as { text: { text: string } }).text.text)).toEqual(
      names.map((n) => `${n} — ${n} PM`),
    );
    expect(JSON.stringify(replies[0]!.blocks)).toContain('Billing next');
    for (const p of posts) withinLimits(p.blocks);

    // Sales' direct message: the same thread shape.
    const dm = received.map((r) => r.body as Post).filter((p) => p.channel === 'U0SALES01');
    expect(dm).toHaveLength(1 + names.length);
    const [dmLog] = await slackLogOf(`${week}:v1`, sales.id);
    expect(dm.slice(1).map((p) => p.thread_ts)).toEqual(
      names.map(() => /ts=(\S+);/.exec(dmLog!.detail)?.[1]),
    );

    // The webhook channel: no thread there, so one message with every area.
    const hooked = received.filter((r) => r.path === HOOK);
    expect(hooked).toHaveLength(1);
    const hookText = JSON.stringify((hooked[0]!.body as Post).blocks);
    for (const n of names) expect(hookText).toContain(`${n} next`);
    withinLimits((hooked[0]!.body as Post).blocks);

    // Email: one message, every area in full.
    const mails = smtp.messages.slice(mailsBefore).filter((m) => m.to.includes(sales.email));
    expect(mails).toHaveLength(1);
    const text = mailText(mails[0]!.raw);
    for (const n of names) {
      expect(text).toContain(`${n} — ${n} PM`);
      expect(text).toContain(`${n} win two`);
      expect(text).toContain(`${n} next`);
    }
    expect(text).toContain('Onboarding (Omar Ortiz): no update received');

    // The inbox: the digest, then each area as a section.
    const inbox = await listInbox(d.db, sales.id, { limit: 10, now: NOW });
    const message = inbox.items[0]!.message as { sections: { heading?: string; markdown: string }[] };
    expect(message.sections.map((s) => s.heading)).toEqual([
      undefined,
      ...names.map((n) => `${n} — ${n} PM`),
    ]);
  });

  it('sends a correction the same way, its digest saying what was corrected', async () => {
    const [billing] = (
      (await d.db.execute(sql`select id from areas where name = 'Billing'`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    await submitUpdate({
      db: d.db,
      actor: ops,
      week,
      areaId: billing!.id,
      content: { wins: ['Billing win one, now GA'], next: [], risks: [], metrics: [], links: [] },
      now: new Date('2026-11-26T22:00:00Z'),
    });
    const before = slack.received.length;
    await publishWeeklyUpdate({
      db: d.db,
      actor: ops,
      week,
      now: new Date('2026-11-26T22:30:00Z'),
      note: 'Billing went GA',
    });
    await drain();
    const posts = slack.received
      .slice(before)
      .map((r) => r.body as Post)
      .filter((p) => p.channel === 'C0PRODUCT1');
    expect(posts).toHaveLength(1 + names.length);
    const digest = JSON.stringify(posts[0]!.blocks);
    expect(digest).toContain('Weekly Product Update — 2026-11-26 (correction 2)');
    expect(digest).toContain('What changed: Billing went GA');
    expect(digest).toContain('Billing (Billing PM): Billing win one, now GA');
    const tsOf = async (ref: string) => /ts=(\S+);/.exec((await slackLogOf(ref, null))[0]!.detail)?.[1];
    const [v1, v2] = [await tsOf(`${week}:v1`), await tsOf(`${week}:v2`)];
    expect(v2).not.toBe(v1);
    expect(posts.slice(1).map((p) => p.thread_ts)).toEqual(names.map(() => v2));
  });

  it('keeps Block Kit limits for a big update, in the digest, each reply and the webhook message', async () => {
    const bigWeek = '2026-W49';
    const areasOf = await d.db.execute(sql`select id, name from areas order by name`);
    const areas = (areasOf as unknown as { rows: { id: string; name: string }[] }).rows;
    const item = (n: string, i: number) => `${n} item ${i}: ${'a long sentence about the work '.repeat(60)}`;
    for (const a of areas) {
      const items = Array.from({ length: 20 }, (_, i) => item(a.name, i));
      await submitUpdate({
        db: d.db,
        actor: ops,
        week: bigWeek,
        areaId: a.id,
        content: { wins: items, next: items, risks: [], metrics: items, links: [] },
        now: new Date('2026-11-27T15:00:00Z'),
      });
    }
    const before = slack.received.length;
    await publishWeeklyUpdate({ db: d.db, actor: ops, week: bigWeek, now: new Date('2026-12-03T21:00:00Z') });
    await drain();
    const received = slack.received.slice(before).map((r) => ({ path: r.path, body: r.body as Post }));
    const posts = received.filter((r) => r.body.channel === 'C0PRODUCT1').map((r) => r.body);
    expect(posts).toHaveLength(1 + areas.length);
    for (const p of posts) {
      withinLimits(p.blocks);
      expect(p.text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    }
    // Each area's 60 long bullets outgrow one message: cut at 50 blocks, saying where to read it all.
    const reply = JSON.stringify(posts[1]!.blocks);
    expect(posts[1]!.blocks).toHaveLength(SLACK_LIMITS.blocks);
    expect(reply).toContain('This message was shortened');
    expect(reply).toContain('http://localhost:3000/updates/2026-W49');
    const hooked = received.filter((r) => r.path === HOOK);
    expect(hooked).toHaveLength(1);
    withinLimits(hooked[0]!.body.blocks);
    const [log] = await slackLogOf(`${bigWeek}:v1`, null);
    expect(log!.detail).toMatch(new RegExp(`${areas.length} of ${areas.length} replies posted`));
  });
});
