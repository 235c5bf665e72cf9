import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson } from '../../../../test/factories.ts';
import { startSlackPeer } from '../../../../test/peers.ts';
import { SLACK_SECRET, slackDeliverers, slackSigned } from '../../../../test/slack.ts';
import {
  auditLog,
  deliveryLog,
  outbox,
  releaseSignOffs,
  slackReadinessMessages,
} from '../../../db/schema/index.ts';
import { toSlackPayload } from '../../../integrations/slack/blocks.ts';
import { withReadinessButtons } from '../../../integrations/slack/readiness.ts';

import { relayOnce } from '../../../jobs/outbox-relay.ts';
import { systemActor } from '../../../services/actor.ts';
import { releaseBundle, saveBundle } from '../../../services/releases/bundle.ts';
import { releaseGate } from '../../../services/releases/gate.ts';
import { withdrawSignOff } from '../../../services/releases/readiness.ts';
import { createRelease } from '../../../services/releases/releases.ts';
import { manualClock } from '../../../shared/clock.ts';

/**
 * "I'm ready" / "Not ready, because…" from a Tier 2 announcement in Slack, against the real app and services and a
 * local server playing Slack (response_url, views.open, chat.update): recorded as the person, once, with its
 * audit entry; the message redrawn through the outbox, in the delivery log.
 */

const SECRET = SLACK_SECRET;
const clock = manualClock('2026-12-01T14:00:00Z');
const ops = systemActor('ops');

let t: TestApp;
let slack: Awaited<ReturnType<typeof startSlackPeer>>;
let deliverers: ReturnType<typeof slackDeliverers>;
let releaseId: string;
const SUPPORT = 'U0SUPPORT1';
const SALES = 'U0SALES001';
const ENG = 'U0ENGINE01';
const CHANNEL = 'C0SUPPORT1';
const TS = '1764597600.000100';

beforeAll(async () => {
  slack = await startSlackPeer();
  t = await createTestApp({
    clock,
    slack: {
      signingSecret: SECRET,
      publicUrl: 'https://prodops.example.com',
      botToken: 'xoxb-test',
      apiUrl: slack.url,
    },
  });
  const db = t.database.db;
  deliverers = slackDeliverers(db, slack.url, { signingSecret: SECRET });
  const maya = await makePerson(db, { roles: ['pm'], name: 'Maya Chen' });
  await makePerson(db, { function: 'support', name: 'Carla Support', slackId: SUPPORT });
  await makePerson(db, { function: 'sales', name: 'Sam Sales', slackId: SALES });
  await makePerson(db, { roles: ['eng_lead'], name: 'Ravi Rao', slackId: ENG });
  const area = await makeArea(db, { name: 'Billing', ownerPmId: maya.id });
  const r = await createRelease({
    db,
    actor: ops,
    now: clock.now(),
    input: {
      title: 'Usage billing',
      areaId: area.id,
      pmOwnerId: maya.id,
      targetDate: '2027-01-15',
      attributes: ['workflow_change'],
      tier: 2,
    },
  });
  releaseId = r.id;
  await saveBundle({
    db,
    actor: ops,
    releaseId,
    now: clock.now(),
    input: { sections: { what_changed: 'Invoices follow metered usage.' } },
  });
  await releaseBundle({ db, actor: ops, releaseId, stage: 'distribution', now: clock.now() });
  await relayOnce({ db, deliverers, instance: 'test', backoffMs: 1 }); // the bundle's own deliveries
});
afterAll(async () => {
  deliverers.close();
  await t.close();
  await slack.close();
});
beforeEach(() => {
  slack.received.length = 0;
  clock.advance(1000);
});

/** The announcement as Slack shows it in the channel: the bundle with the readiness buttons. */
const announcement = () =>
  withReadinessButtons(
    toSlackPayload({
      title: 'Enablement bundle: Usage billing',
      summary: 'Read it and confirm you are ready.',
      link: {
        label: 'Open the release in prodops',
        url: `https://prodops.example.com/releases/${releaseId}`,
      },
    }),
    releaseId,
  );

const signed = (body: string) => slackSigned(body, clock.now());

const post = (payload: object) => {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/slack/interactions',
    headers: signed(body),
    payload: body,
  });
};

/** A block_actions payload as Slack sends it for a button on a channel message (docs.slack.dev, block_actions). */
const click = (actionId: string, user: string) =>
  post({
    type: 'block_actions',
    user: { id: user, team_id: 'T0TEAM001' },
    team: { id: 'T0TEAM001', domain: 'acme' },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    container: { type: 'message', message_ts: TS, channel_id: CHANNEL, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'support' },
    message: { type: 'message', ts: TS, ...announcement() },
    response_url: `${slack.url}/actions/T0TEAM001/7/xyz`,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'prodops_readiness',
        value: releaseId,
        action_ts: '1.2',
      },
    ],
  });

const submit = (reason: string, user = SALES) =>
  post({
    type: 'view_submission',
    user: { id: user, team_id: 'T0TEAM001' },
    team: { id: 'T0TEAM001', domain: 'acme' },
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: 'readiness_not_ready_reason',
      private_metadata: JSON.stringify({ releaseId }),
      state: { values: { reason: { reason: { type: 'plain_text_input', value: reason } } } },
    },
  });

const signOffs = () =>
  t.database.db.select().from(releaseSignOffs).where(eq(releaseSignOffs.releaseId, releaseId));
const audits = (action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, releaseId)));
const updates = () => t.database.db.select().from(outbox).where(eq(outbox.kind, 'slack.readiness_update'));
const relay = () => relayOnce({ db: t.database.db, deliverers, instance: 'test', backoffMs: 1 });
/** The readiness messages the bot posted itself at distribution (kept with the ts chat.postMessage answered). */
const posted = () =>
  t.database.db
    .select()
    .from(slackReadinessMessages)
    .where(and(eq(slackReadinessMessages.releaseId, releaseId), ne(slackReadinessMessages.ts, TS)));
const ephemerals = () =>
  slack.received.filter((r) => r.path.startsWith('/actions/')).map((r) => r.body as { text: string });

describe('readiness from a Slack announcement', () => {
  it("records I'm ready as the person once, even when Slack retries the click, and redraws the message", async () => {
    const first = await click('readiness_ready', SUPPORT);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({});
    expect((await signOffs()).map((s) => [s.kind, s.byLabel, s.ready])).toEqual([
      ['support', 'Carla Support (Slack)', true],
    ]);
    expect(await audits('release.sign_off')).toHaveLength(1);
    // One redraw per message showing the buttons: the one clicked and those the bot posted at distribution.
    const redraws = (await updates()).length;
    expect(redraws).toBe(1 + (await posted()).length);
    await slack.waitFor(1);
    expect(ephemerals().at(-1)!.text).toBe('Thanks: recorded that Support is ready for *Usage billing*.');

    // Slack retries (a new delivery of the same click: new timestamp, new signature).
    clock.advance(2000);
    const retry = await click('readiness_ready', SUPPORT);
    expect(retry.statusCode).toBe(200);
    expect(await signOffs()).toHaveLength(1);
    expect(await audits('release.sign_off')).toHaveLength(1);
    expect(await updates()).toHaveLength(redraws);
    await slack.waitFor(2);
    expect(ephemerals().at(-1)!.text).toBe('Already recorded: Support is ready for *Usage billing*.');

    // The message is updated in place (chat.update of its channel and ts) and the delivery log says so.
    slack.received.length = 0;
    expect(await relay()).toBe(redraws);
    const update = slack.received.find((r) => (r.body as { ts?: string }).ts === TS);
    expect(update!.path).toBe('/chat.update');
    const body = update!.body as {
      channel: string;
      ts: string;
      blocks: { block_id?: string; elements?: { text?: string }[] }[];
    };
    expect([body.channel, body.ts]).toEqual([CHANNEL, TS]);
    const line = body.blocks.find((b) => b.block_id === 'prodops_readiness_status');
    expect(line!.elements![0]!.text).toContain('*Support: ready* — Carla Support (Slack)');
    expect(body.blocks.filter((b) => b.block_id === 'prodops_readiness')).toHaveLength(1);
    const [logged] = await t.database.db
      .select()
      .from(deliveryLog)
      .where(and(eq(deliveryLog.kind, 'slack.readiness_update'), eq(deliveryLog.address, CHANNEL)));
    expect(logged).toMatchObject({ channel: 'slack', address: CHANNEL, ref: releaseId, result: 'sent' });
  });

  it('asks why in a modal, refuses an empty reason naming the field, and records not ready with the reason', async () => {
    const res = await click('readiness_not_ready', SALES);
    expect(res.statusCode).toBe(200);
    const [opened] = await slack.waitFor(1);
    expect(opened!.path).toBe('/views.open');
    expect(opened!.authorization).toBe('Bearer xoxb-test');
    const view = opened!.body as {
      trigger_id: string;
      view: { callback_id: string; private_metadata: string };
    };
    expect(view.trigger_id).toBe('13345224609.738474920.8088930838d88f008e0');
    expect(view.view.callback_id).toBe('readiness_not_ready_reason');
    expect(JSON.parse(view.view.private_metadata)).toEqual({ releaseId });
    expect((await signOffs()).filter((s) => s.kind === 'sales')).toEqual([]);

    const empty = await submit('   ');
    expect(empty.json()).toEqual({
      response_action: 'errors',
      errors: { reason: 'Say what is missing, so the PM can act on it.' },
    });
    const ok = await submit('The pricing sheet is not in the bundle yet.');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({});
    const sales = (await signOffs()).find((s) => s.kind === 'sales');
    expect(sales).toMatchObject({
      ready: false,
      note: 'The pricing sheet is not in the bundle yet.',
      byLabel: 'Sam Sales (Slack)',
    });
    expect(await audits('release.sign_off.not_ready')).toHaveLength(1);
    expect((await releaseGate(t.database.db, releaseId, clock.now())).reasons).toContain(
      'Not ready: Sales readiness (Sam Sales (Slack)): The pricing sheet is not in the bundle yet.',
    );
    // The message people answered from shows both answers.
    slack.received.length = 0;
    await relay();
    const body = slack.received.find((r) => r.path === '/chat.update')!.body as { blocks: object[] };
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('*Sales: not ready* — Sam Sales (Slack)');
    expect(text).toContain('The pricing sheet is not in the bundle yet.');
  });

  it('tells an unlinked Slack user how to link, and someone outside Support and Sales where to sign off; records nothing', async () => {
    const before = (await signOffs()).length;
    await click('readiness_ready', 'U0STRANGER');
    await click('readiness_ready', ENG);
    await slack.waitFor(2);
    const texts = ephemerals().map((m) => m.text);
    expect(texts.some((x) => x.includes('is not linked to anyone in prodops'))).toBe(true);
    expect(texts).toContain(
      'Support and Sales confirm readiness here. Other sign-offs for Usage billing are on its page in prodops.',
    );
    expect(await signOffs()).toHaveLength(before);
    const modal = await submit('Because.', 'U0STRANGER');
    expect(modal.json()).toMatchObject({ response_action: 'errors' });
  });
});

describe('the announcement in Slack', () => {
  const message = () => ({
    title: 'Enablement bundle: Usage billing (launch 2027-01-15)',
    summary: 'Read it and confirm you are ready.',
    link: { label: 'Open the release in prodops', url: `/releases/${releaseId}` },
    actions: [{ label: "I'm ready (Support)", url: '/ready/one-click-token' }],
    slack: { readinessReleaseId: releaseId },
  });
  const row = { channelId: null, address: 'U0SUPPORT1' } as Parameters<typeof deliverers.slack>[0];
  type Sent = {
    blocks: { type: string; elements?: { action_id: string; value?: string; url?: string }[] }[];
  };
  const buttons = (b: Sent) => b.blocks.flatMap((x) => (x.type === 'actions' ? (x.elements ?? []) : []));

  it('carries the two buttons instead of the one-click link when the Slack app can be called back', async () => {
    expect(await deliverers.slack(row, message())).toMatchObject({ ok: true });
    const sent = slack.received.at(-1)!.body as Sent;
    expect(buttons(sent).map((b) => [b.action_id, b.value ?? b.url])).toEqual([
      ['readiness_ready', releaseId],
      ['readiness_not_ready', releaseId],
      ['prodops_link_0', `https://prodops.example.com/releases/${releaseId}`],
    ]);
  });

  it('keeps the one-click link without the Slack app (no signing secret)', async () => {
    const plain = slackDeliverers(t.database.db, slack.url);
    await plain.slack(row, message());
    const sent = slack.received.at(-1)!.body as Sent;
    expect(buttons(sent).map((b) => b.url)).toEqual([
      `https://prodops.example.com/releases/${releaseId}`,
      'https://prodops.example.com/ready/one-click-token',
    ]);
    plain.close();
  });
});

describe('an answer changed on the release page', () => {
  it('redraws every Slack message showing the buttons: the one answered from and those nobody clicked', async () => {
    await withdrawSignOff({ db: t.database.db, actor: ops, releaseId, kind: 'support', now: clock.now() });
    slack.received.length = 0;
    await relay();
    const redrawn = slack.received.filter((r) => r.path === '/chat.update');
    const sent = await posted();
    expect(sent.length).toBeGreaterThan(0);
    expect(redrawn.map((r) => (r.body as { ts: string }).ts).sort()).toEqual(
      [TS, ...sent.map((m) => m.ts)].sort(),
    );
    for (const update of redrawn) {
      const text = JSON.stringify((update.body as { blocks: object[] }).blocks);
      expect(text).not.toContain('Support: ready');
      expect(text).toContain('*Sales: not ready*');
    }
  });
});
