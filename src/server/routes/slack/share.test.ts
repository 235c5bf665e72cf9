import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson } from '../../../../test/factories.ts';
import { startSlackPeer } from '../../../../test/peers.ts';
import { SLACK_SECRET, slackDeliverers, slackSigned } from '../../../../test/slack.ts';
import { outbox, slackStatusShares } from '../../../db/schema/index.ts';
import { runDueActions } from '../../../jobs/actions.ts';

import { ACTION_HANDLERS } from '../../../jobs/index.ts';
import { relayOnce } from '../../../jobs/outbox-relay.ts';
import { systemActor } from '../../../services/actor.ts';
import { recordDecision } from '../../../services/releases/readiness.ts';
import { createRelease, updateRelease } from '../../../services/releases/releases.ts';
import { manualClock } from '../../../shared/clock.ts';

/**
 * A /status answer shared in a channel, then the release changes: the thread of the shared message hears each
 * change a stakeholder may read, once, and never what they may not (a Tier 2 launch date not yet announced).
 * Real app, real answer service, the bot and the channel played by a local Slack server.
 */

const SECRET = SLACK_SECRET;
const clock = manualClock('2026-12-01T14:00:00Z');
const ops = systemActor('ops');
const USER = 'U0SHARER01';
const CHANNEL = 'C0LAUNCHES';

let t: TestApp;
let slack: Awaited<ReturnType<typeof startSlackPeer>>;
let deliverers: ReturnType<typeof slackDeliverers>;
let releaseId: string;

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
  deliverers = slackDeliverers(db, slack.url);
  const maya = await makePerson(db, { roles: ['pm'], name: 'Maya Chen' });
  await makePerson(db, { function: 'sales', name: 'Sam Sales', slackId: USER });
  const area = await makeArea(db, { name: 'Billing', ownerPmId: maya.id });
  releaseId = (
    await createRelease({
      db,
      actor: ops,
      now: clock.now(),
      input: {
        title: 'Usage billing',
        areaId: area.id,
        pmOwnerId: maya.id,
        targetDate: '2027-01-20',
        attributes: ['workflow_change'],
        tier: 2,
      },
    })
  ).id;
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

function share() {
  const payload = JSON.stringify({
    type: 'block_actions',
    user: { id: USER, team_id: 'T0TEAM001' },
    team: { id: 'T0TEAM001', domain: 'acme' },
    container: { type: 'message', channel_id: CHANNEL, is_ephemeral: true },
    channel: { id: CHANNEL, name: 'launches' },
    response_url: `${slack.url}/actions/T0TEAM001/3/share`,
    actions: [
      {
        type: 'button',
        action_id: 'status_share',
        value: JSON.stringify({ q: 'usage billing', subject: 'release', id: releaseId }),
        action_ts: '1.2',
      },
    ],
  });
  const body = new URLSearchParams({ payload }).toString();
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/slack/interactions',
    headers: slackSigned(body, clock.now()),
    payload: body,
  });
}

/** The scheduled follow-up runs and the outbox delivers: what the thread received. */
async function thread(): Promise<{ thread_ts?: string; text: string }[]> {
  await runDueActions({ db: t.database.db, handlers: ACTION_HANDLERS, clock, instance: 'test' });
  slack.received.length = 0;
  await relayOnce({ db: t.database.db, deliverers, instance: 'test', backoffMs: 1 });
  return slack.received
    .filter((r) => r.path === '/chat.postMessage')
    .map((r) => r.body as { thread_ts?: string; text: string });
}

const move = (targetDate: string) =>
  updateRelease({ db: t.database.db, actor: ops, id: releaseId, patch: { targetDate }, now: clock.now() });

describe('a shared status answer follows its release in the thread', () => {
  let shareTs: string;

  it('posts the shared answer as the bot in the channel and keeps it', async () => {
    expect((await share()).statusCode).toBe(200);
    const got = await slack.waitFor(2);
    const posted = got.find((r) => r.path === '/chat.postMessage')!;
    expect((posted.body as { channel: string }).channel).toBe(CHANNEL);
    expect(got.some((r) => (r.body as { delete_original?: boolean }).delete_original)).toBe(true);
    const [kept] = await t.database.db.select().from(slackStatusShares);
    expect(kept).toMatchObject({ subject: 'release', subjectId: releaseId, channelId: CHANNEL });
    expect(kept!.told.status).toBe('Planned');
    shareTs = kept!.ts;
  });

  it('says nothing when only the unannounced Tier 2 launch date moved within what stakeholders read', async () => {
    await move('2027-01-15'); // still "Mid Jan 2027" to a stakeholder
    expect(await thread()).toEqual([]);
  });

  it('replies once in the thread when what a stakeholder reads changes, without the internal date', async () => {
    await move('2027-03-10');
    const replies = await thread();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.thread_ts).toBe(shareTs);
    expect(replies[0]!.text).toContain('When: Early Mar 2027 (was Mid Jan 2027).');
    expect(JSON.stringify(replies)).not.toMatch(/2027-03-10|10 Mar/);
    expect(await thread()).toEqual([]);
  });

  it('replies when the launch is put on hold', async () => {
    await recordDecision({
      db: t.database.db,
      actor: ops,
      releaseId,
      input: { decision: 'hold', reason: 'Waiting on the tax vendor contract' },
      now: clock.now(),
    });
    const replies = await thread();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.thread_ts).toBe(shareTs);
    expect(replies[0]!.text).toMatch(/Now On hold \(was Planned\)/);
    expect(JSON.stringify(replies)).not.toContain('tax vendor');
    const rows = await t.database.db.select().from(outbox).where(eq(outbox.kind, 'slack.status_thread'));
    expect(rows).toHaveLength(2);
  });
});
