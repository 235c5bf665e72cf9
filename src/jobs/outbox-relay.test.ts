import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../test/db.ts';
import { makePerson } from '../../test/factories.ts';
import { startSlackPeer, startSmtpPeer } from '../../test/peers.ts';
import { type Database, openDatabase, runMigrations } from '../db/client.ts';
import { deliveryLog, inboxItems, outbox } from '../db/schema/index.ts';
import { systemActor } from '../services/actor.ts';
import { createChannel } from '../services/delivery/channels.ts';
import { retryDelivery } from '../services/delivery/deliveries.ts';
import { enqueueMessage } from '../services/delivery/outbox.ts';
import { recipientsForPeople } from '../services/delivery/recipients.ts';
import { ensureOrgDefaults } from '../services/org/defaults.ts';
import { systemClock } from '../shared/clock.ts';
import { createDeliverers } from './deliverers.ts';
import { type Deliverers, relayOnce } from './outbox-relay.ts';

let d: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let slack: Awaited<ReturnType<typeof startSlackPeer>>;
let deliverers: ReturnType<typeof createDeliverers>;
const actor = systemActor('test');
const message = {
  title: 'Weekly Product Update — 2026-11-19',
  summary: 'What shipped this week.',
  sections: [{ heading: 'Billing', markdown: '- Shipped **invoices v2**' }],
};

beforeAll(async () => {
  d = await createTestDb();
  smtp = await startSmtpPeer();
  slack = await startSlackPeer();
  const config = {
    publicUrl: 'http://localhost:3000',
    delivery: {
      maxAttempts: 3,
      backoffMs: 1,
      smtpUrl: smtp.url,
      smtpFrom: 'prodops <prodops@example.com>',
      slackBotToken: 'xoxb-test',
      slackApiUrl: slack.url,
      slackWebhookAnyHost: true,
      webhookAllowPrivate: [],
    },
  };
  deliverers = createDeliverers(d.db, config);
});
afterAll(async () => {
  deliverers.close();
  await smtp.close();
  await slack.close();
  await d.close();
});

const relay = (db = d.db, with_: Deliverers = deliverers) =>
  relayOnce({ db, deliverers: with_, instance: 'test', maxAttempts: 3, backoffMs: 1 });

/** Runs the relay until nothing is due, waiting out (1 ms) backoffs; bounded so a bug cannot spin forever. */
async function drain(db = d.db) {
  const open = async () =>
    (
      (await db.execute(
        sql`select count(*)::int as n from outbox where status in ('pending','sending')`,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n;
  for (let i = 0; i < 50 && (await open()) > 0; i++) await relay(db);
}

async function enqueue(key: string, recipients: Parameters<typeof enqueueMessage>[1]['recipients']) {
  await d.db.transaction((tx) =>
    enqueueMessage(tx, { key, kind: 'weekly_update', ref: key, message, recipients }),
  );
}

async function statusOf(key: string) {
  return d.db
    .select()
    .from(outbox)
    .where(sql`${outbox.idempotencyKey} like ${`${key}|%`}`);
}

describe('the outbox relay against a real SMTP server and a local Slack endpoint', () => {
  it('delivers a message once per recipient, on every channel, and logs it', async () => {
    const person = await makePerson(d.db, { slackId: 'U0ANA1234' });
    const channel = await createChannel({
      db: d.db,
      actor,
      input: { kind: 'slack', name: '#product-updates', webhookUrl: `${slack.url}/hooks/T1/B1/x` },
      allowAnyWebhookHost: true,
    });
    const recipients = [
      ...(await recipientsForPeople(d.db, [person.id])),
      { channel: 'slack' as const, address: channel.name, channelId: channel.id },
    ];
    await enqueue('once', recipients);
    await enqueue('once', recipients); // the same cause again adds nothing
    const mailsBefore = smtp.messages.length;
    const slackBefore = slack.received.length;
    await drain();
    await relay();
    expect(smtp.messages.length - mailsBefore).toBe(1);
    const mail = smtp.messages.at(-1)!;
    expect(mail.to).toEqual([person.email]);
    const headers = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' '); // unfold long headers
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/v1\/unsubscribe\/[\w-]+>/m);
    expect(headers).toMatch(/^Message-ID: <[0-9a-f]{32}@localhost>/m);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    const posts = slack.received.slice(slackBefore);
    expect(posts.map((p) => p.path).sort()).toEqual(['/chat.postMessage', '/hooks/T1/B1/x']);
    expect(posts.find((p) => p.path === '/chat.postMessage')).toMatchObject({
      authorization: 'Bearer xoxb-test',
      body: { channel: 'U0ANA1234' },
    });
    expect(await d.db.select().from(inboxItems).where(eq(inboxItems.personId, person.id))).toHaveLength(1);
    const rows = await statusOf('once');
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const log = await d.db.select().from(deliveryLog).where(eq(deliveryLog.ref, 'once'));
    expect(log.map((l) => l.result).sort()).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(log.map((l) => l.channel).sort()).toEqual(['email', 'inbox', 'slack', 'slack']);
  });

  it('retries while the receiver is down and delivers once when it is back', async () => {
    const channel = await createChannel({
      db: d.db,
      actor,
      input: { kind: 'slack', name: '#launches', webhookUrl: `${slack.url}/hooks/T1/B2/y` },
      allowAnyWebhookHost: true,
    });
    await enqueue('down', [{ channel: 'slack', address: channel.name, channelId: channel.id }]);
    smtp.failNext(1);
    const person = await makePerson(d.db);
    await enqueue('down-mail', await recipientsForPeople(d.db, [person.id]));
    slack.setStatus(503);
    await relay();
    const [failed] = await statusOf('down');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/503/) });
    slack.setStatus(200);
    await drain();
    expect(slack.received.filter((r) => r.path === '/hooks/T1/B2/y')).toHaveLength(1);
    expect((await statusOf('down'))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.messages.filter((m) => m.to.includes(person.email))).toHaveLength(1);
    const mailLog = await d.db.select().from(deliveryLog).where(eq(deliveryLog.ref, 'down-mail'));
    expect(mailLog.filter((l) => l.channel === 'email').map((l) => l.result)).toEqual(['failed', 'sent']);
  });

  it('dead-letters after N failures, keeps it visible, and a retry sends it', async () => {
    const channel = await createChannel({
      db: d.db,
      actor,
      input: { kind: 'slack', name: '#dead', webhookUrl: `${slack.url}/hooks/T1/B3/z` },
      allowAnyWebhookHost: true,
    });
    await enqueue('dead', [{ channel: 'slack', address: channel.name, channelId: channel.id }]);
    slack.setStatus(500);
    await drain();
    const [dead] = await statusOf('dead');
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(
      (await d.db.select().from(deliveryLog).where(eq(deliveryLog.ref, 'dead'))).map((l) => l.result),
    ).toEqual(['failed', 'failed', 'dead']);
    slack.setStatus(200);
    await drain();
    expect(slack.received.filter((r) => r.path === '/hooks/T1/B3/z')).toHaveLength(0); // dead stays dead
    await retryDelivery({ db: d.db, actor, id: dead!.id, now: systemClock.now() });
    await drain();
    expect((await statusOf('dead'))[0]).toMatchObject({ status: 'sent' });
    expect(slack.received.filter((r) => r.path === '/hooks/T1/B3/z')).toHaveLength(1);
  });

  it('takes over a row whose sender died mid-send once its lease runs out', async () => {
    const person = await makePerson(d.db);
    await enqueue('lease', [{ channel: 'email', address: person.email, personId: person.id }]);
    const hanging: Deliverers = { email: () => new Promise(() => {}), slack: () => new Promise(() => {}) };
    void relayOnce({ db: d.db, deliverers: hanging, instance: 'dies', leaseSeconds: 1 });
    await expect.poll(async () => (await statusOf('lease'))[0]?.status).toBe('sending');
    await expect
      .poll(async () => relayOnce({ db: d.db, deliverers, instance: 'survivor', leaseSeconds: 60 }), {
        timeout: 5000,
      })
      .toBe(1);
    expect((await statusOf('lease'))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.messages.filter((m) => m.to.includes(person.email))).toHaveLength(1);
  });
});

describe('a crash between commit and delivery', () => {
  let dir: string;
  const open = async (): Promise<Database> => {
    const target = { kind: 'pglite' as const, dataDir: dir };
    const database = await openDatabase(target);
    await runMigrations(target, database);
    await ensureOrgDefaults(database.db, systemClock.now());
    return database;
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pd-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses nothing: the committed message is delivered once after a restart', async () => {
    const before = await open();
    const person = await makePerson(before.db);
    await before.db.transaction((tx) =>
      enqueueMessage(tx, {
        key: 'crash',
        kind: 'weekly_update',
        ref: 'crash',
        message,
        recipients: [{ channel: 'email', address: person.email, personId: person.id }],
      }),
    );
    await before.close(); // the process dies before its relay ran
    const after = await open();
    const config = {
      publicUrl: 'http://localhost:3000',
      delivery: {
        maxAttempts: 3,
        backoffMs: 1,
        smtpUrl: smtp.url,
        smtpFrom: 'prodops@example.com',
        slackBotToken: undefined,
        slackApiUrl: slack.url,
        slackWebhookAnyHost: true,
        webhookAllowPrivate: [],
      },
    };
    const fresh = createDeliverers(after.db, config);
    await relayOnce({ db: after.db, deliverers: fresh, instance: 'restarted' });
    await relayOnce({ db: after.db, deliverers: fresh, instance: 'restarted' });
    fresh.close();
    expect(smtp.messages.filter((m) => m.to.includes(person.email))).toHaveLength(1);
    await after.close();
  });
});
