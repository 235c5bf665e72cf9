/**
 * 10,000 notifications through the transactional outbox to a local SMTP server and a local Slack-webhook
 * endpoint: throughput, and proof that none is lost or doubled, printed next to a baseline of sending the
 * same messages directly (no outbox) in the same run. Loopback only. Run: npm run bench:outbox
 */
import { sql } from 'drizzle-orm';
import { openDatabase, runMigrations } from '../src/db/client.ts';
import { createMailer } from '../src/integrations/email/mailer.ts';
import { renderEmail } from '../src/integrations/email/render.ts';
import type { OutgoingMessage } from '../src/integrations/message.ts';
import { toSlackPayload } from '../src/integrations/slack/blocks.ts';
import { postWebhook } from '../src/integrations/slack/client.ts';
import { createDeliverers, messageIdFor } from '../src/jobs/deliverers.ts';
import { startOutboxRelay } from '../src/jobs/outbox-relay.ts';
import { systemActor } from '../src/services/actor.ts';
import { createChannel } from '../src/services/delivery/channels.ts';
import { enqueueMessage } from '../src/services/delivery/outbox.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { systemClock } from '../src/shared/clock.ts';
import { startSlackPeer, startSmtpPeer } from '../test/peers.ts';

const TOTAL = Number(process.env.BENCH_MESSAGES ?? 10_000);
const message = (i: number): OutgoingMessage => ({
  title: `Notification #${i}`,
  summary: `Message ${i} of the benchmark.`,
  sections: [{ markdown: `Body of **${i}**` }],
});
const indexOfMail = (raw: string) => Number(/Message (\d+) of the benchmark/.exec(raw)?.[1]);
const indexOfPost = (body: unknown) =>
  Number(/Message (\d+) of the benchmark/.exec(JSON.stringify(body))?.[1]);

function tally(indices: number[], expected: number[]) {
  const seen = new Map<number, number>();
  for (const i of indices) seen.set(i, (seen.get(i) ?? 0) + 1);
  return {
    lost: expected.filter((i) => !seen.has(i)).length,
    doubled: [...seen.values()].filter((n) => n > 1).length,
  };
}

async function pool<T>(items: T[], concurrency: number, fn: (t: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const emails = Array.from({ length: TOTAL / 2 }, (_, i) => i);
const posts = Array.from({ length: TOTAL / 2 }, (_, i) => TOTAL / 2 + i);

// Baseline: the same messages sent straight to the peers, rendered the same way, 50 at a time.
const smtpA = await startSmtpPeer();
const slackA = await startSlackPeer();
const mailerA = createMailer({ smtpUrl: smtpA.url, from: 'bench@example.com' });
let t0 = performance.now();
await pool(
  [...emails.map((i) => ['mail', i] as const), ...posts.map((i) => ['post', i] as const)],
  50,
  async ([kind, i]) => {
    const m = message(i);
    const result =
      kind === 'mail'
        ? await mailerA.send({
            to: `p${i}@example.com`,
            ...renderEmail(m, { unsubscribeUrl: 'http://localhost/u', orgName: 'Bench' }),
            messageId: messageIdFor(`bench-${i}`, 'http://localhost'),
            unsubscribeUrl: 'http://localhost/u',
          })
        : await postWebhook(`${slackA.url}/hooks/bench`, toSlackPayload(m));
    if (!result.ok) throw new Error(result.error);
  },
);
const baselineSeconds = (performance.now() - t0) / 1000;
const baselineTally = tally(
  [...smtpA.messages.map((m) => indexOfMail(m.raw)), ...slackA.received.map((r) => indexOfPost(r.body))],
  [...emails, ...posts],
);
mailerA.close();
await smtpA.close();
await slackA.close();

// The outbox: enqueue in transactions (as causes would), then one relay delivers; count what arrived.
const smtpB = await startSmtpPeer();
const slackB = await startSlackPeer();
const target = process.env.DATABASE_URL
  ? { kind: 'postgres' as const, url: process.env.DATABASE_URL }
  : { kind: 'pglite' as const, dataDir: null };
const database = await openDatabase(target);
await runMigrations(target, database);
await ensureOrgDefaults(database.db, systemClock.now());
const { db } = database;
const channel = await createChannel({
  db,
  actor: systemActor('bench'),
  input: { kind: 'slack', name: `#bench-${Date.now()}`, webhookUrl: `${slackB.url}/hooks/bench` },
  allowAnyWebhookHost: true,
});
t0 = performance.now();
for (let start = 0; start < TOTAL; start += 500) {
  await db.transaction(async (tx) => {
    for (let i = start; i < Math.min(TOTAL, start + 500); i++) {
      const recipient =
        i < TOTAL / 2
          ? { channel: 'email' as const, address: `p${i}@example.com` }
          : { channel: 'slack' as const, address: channel.name, channelId: channel.id };
      await enqueueMessage(tx, {
        key: `bench-${Date.now()}-${i}`,
        kind: 'bench',
        ref: String(i),
        message: message(i),
        recipients: [recipient],
      });
    }
  });
}
const enqueueSeconds = (performance.now() - t0) / 1000;
const config = {
  publicUrl: 'http://localhost',
  delivery: {
    maxAttempts: 8,
    backoffMs: 50,
    smtpUrl: smtpB.url,
    smtpFrom: 'bench@example.com',
    slackBotToken: undefined,
    slackApiUrl: slackB.url,
    slackWebhookAnyHost: true,
    webhookAllowPrivate: [],
  },
};
const deliverers = createDeliverers(db, config);
t0 = performance.now();
const relay = startOutboxRelay({
  db,
  deliverers,
  instance: 'bench',
  batchSize: 100,
  idleMs: 20,
  backoffMs: 50,
});
const remaining = async () =>
  Number(
    (
      (await db.execute(
        sql`select count(*)::int as n from outbox where kind = 'bench' and status <> 'sent'`,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n,
  );
const deadline = Date.now() + 15 * 60_000;
while ((await remaining()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
const deliverSeconds = (performance.now() - t0) / 1000;
await relay.stop();
deliverers.close();
const outboxTally = tally(
  [...smtpB.messages.map((m) => indexOfMail(m.raw)), ...slackB.received.map((r) => indexOfPost(r.body))],
  [...emails, ...posts],
);
const logged = Number(
  (
    (await db.execute(
      sql`select count(*)::int as n from delivery_log where kind = 'bench' and result = 'sent'`,
    )) as unknown as { rows: { n: number }[] }
  ).rows[0]!.n,
);
await smtpB.close();
await slackB.close();
await database.close();

const rate = (n: number, s: number) => `${Math.round(n / s)}/s`;
console.log(
  `${TOTAL} notifications (${TOTAL / 2} email to local SMTP, ${TOTAL / 2} Slack webhook to a local endpoint), ${target.kind}`,
);
console.log(
  `baseline, sent directly (50 concurrent):  ${baselineSeconds.toFixed(1)} s  ${rate(TOTAL, baselineSeconds).padStart(7)}  lost ${baselineTally.lost}  doubled ${baselineTally.doubled}`,
);
console.log(
  `outbox: enqueue in transactions of 500:   ${enqueueSeconds.toFixed(1)} s  ${rate(TOTAL, enqueueSeconds).padStart(7)}`,
);
console.log(
  `outbox: relay delivery (batches of 100):  ${deliverSeconds.toFixed(1)} s  ${rate(TOTAL, deliverSeconds).padStart(7)}  lost ${outboxTally.lost}  doubled ${outboxTally.doubled}  delivery-log rows ${logged}`,
);
if (outboxTally.lost || outboxTally.doubled || logged !== TOTAL) process.exitCode = 1;
