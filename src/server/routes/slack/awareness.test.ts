import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson } from '../../../../test/factories.ts';
import { startSlackPeer } from '../../../../test/peers.ts';
import { SLACK_SECRET, slackDeliverers, slackSigned } from '../../../../test/slack.ts';
import { auditLog, awarenessAnswers, outbox, surveyRequests } from '../../../db/schema/index.ts';
import { relayOnce } from '../../../jobs/outbox-relay.ts';
import { systemActor } from '../../../services/actor.ts';
import { createContext } from '../../../services/context.ts';
import { windowOf } from '../../../services/metrics/build.ts';
import { surpriseMetric } from '../../../services/metrics/success.ts';
import { createRelease } from '../../../services/releases/releases.ts';
import { sendAwarenessSurvey } from '../../../services/surveys/awareness.ts';
import { manualClock } from '../../../shared/clock.ts';

/**
 * The launch-awareness question answered with a Slack button, against the real app and services and a local
 * server playing Slack (chat.postMessage for the question, response_url for the answer): recorded once as the
 * person it was sent to, through the survey service the web page uses, and counted in the surprise score.
 */

const clock = manualClock('2026-11-30T14:00:00Z'); // Day 3 of a launch on Thursday 2026-11-26
const ops = systemActor('ops');
const CARLA = 'U0SUPPORT1';
const SAM = 'U0SALES001';
const TEAM = 'T0TEAM001';

let t: TestApp;
let slack: Awaited<ReturnType<typeof startSlackPeer>>;
let deliverers: ReturnType<typeof slackDeliverers>;
let releaseId: string;
let carlaId: string;
/** The question as the bot posted it to each person's Slack user id. */
const posted = new Map<string, { text: string; blocks: object[] }>();

type Button = { action_id: string; value?: string; url?: string; text: { text: string } };
const buttonsOf = (m: { blocks: object[] }) =>
  m.blocks.flatMap((b) =>
    (b as { type: string }).type === 'actions' ? (b as { elements: Button[] }).elements : [],
  );

beforeAll(async () => {
  slack = await startSlackPeer();
  t = await createTestApp({
    clock,
    slack: { signingSecret: SLACK_SECRET, publicUrl: 'https://prodops.example.com', apiUrl: slack.url },
  });
  const db = t.database.db;
  deliverers = slackDeliverers(db, slack.url, { signingSecret: SLACK_SECRET });
  carlaId = (await makePerson(db, { function: 'support', name: 'Carla Support', slackId: CARLA })).id;
  await makePerson(db, { function: 'sales', name: 'Sam Sales', slackId: SAM });
  const area = await makeArea(db, { name: 'Billing' });
  const r = await createRelease({
    db,
    actor: ops,
    now: new Date('2026-11-26T15:00:00Z'),
    input: { title: 'Usage billing', areaId: area.id, targetDate: '2026-11-26', tier: 2, status: 'launched' },
  });
  releaseId = r.id;
  expect(await db.transaction((tx) => sendAwarenessSurvey(tx, releaseId, clock.now()))).toBe(2);
  await relayOnce({ db, deliverers, instance: 'test', backoffMs: 1 });
  for (const m of slack.received.filter((x) => x.path === '/chat.postMessage')) {
    const b = m.body as { channel: string; text: string; blocks: object[] };
    posted.set(b.channel, { text: b.text, blocks: b.blocks });
  }
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

const requestOf = async (personId: string) =>
  (
    await t.database.db
      .select()
      .from(surveyRequests)
      .where(and(eq(surveyRequests.personId, personId), eq(surveyRequests.subject, releaseId)))
  )[0]!;
const answers = () => t.database.db.select().from(awarenessAnswers);
const audits = () =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'survey.answer'), eq(auditLog.entityId, releaseId)));

const post = (payload: object, headers = (body: string) => slackSigned(body, clock.now())) => {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/slack/interactions',
    headers: headers(body),
    payload: body,
  });
};

/** A block_actions payload as Slack sends it for a button in a direct message (docs.slack.dev, block_actions). */
const payload = (o: { user: string; actionId: string; value: string; on?: string; responseUrl?: string }) => {
  const message = posted.get(o.on ?? o.user)!;
  return {
    type: 'block_actions',
    user: { id: o.user, username: 'someone', team_id: TEAM },
    api_app_id: 'A0PRODOPS1',
    token: 'legacy-verification-token',
    team: { id: TEAM, domain: 'acme' },
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
    container: {
      type: 'message',
      message_ts: '1700000000.000001',
      channel_id: 'D0DIRECT01',
      is_ephemeral: false,
    },
    channel: { id: 'D0DIRECT01', name: 'directmessage' },
    message: { type: 'message', ts: '1700000000.000001', user: 'U0PRODOPS1', ...message },
    response_url: o.responseUrl ?? `${slack.url}/actions/${TEAM}/7/xyz`,
    actions: [
      {
        type: 'button',
        action_id: o.actionId,
        block_id: 'prodops_awareness',
        text: { type: 'plain_text', text: 'No, it surprised me', emoji: true },
        value: o.value,
        action_ts: '1764511200.000200',
      },
    ],
  };
};
const responses = () =>
  slack.received.filter((r) => r.path.startsWith('/actions/')).map((r) => r.body as Record<string, unknown>);

describe('the awareness question in Slack', () => {
  it('carries the two answer buttons (the request id, never the token) and the page link for a comment', async () => {
    const req = await requestOf(carlaId);
    const buttons = buttonsOf(posted.get(CARLA)!);
    expect(buttons.map((b) => [b.text.text, b.action_id, b.value ?? null])).toEqual([
      ['Yes, I knew', 'survey_aware_yes', req.id],
      ['No, it surprised me', 'survey_aware_no', req.id],
      ['Answer with a comment', 'prodops_link_0', null],
    ]);
    expect(buttons[2]!.url).toMatch(/^https:\/\/prodops\.example\.com\/surveys\/[A-Za-z0-9_-]{16,64}$/);
    // The e-mail keeps its one-click links.
    const [email] = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'survey.launch_awareness'), eq(outbox.personId, carlaId)));
    const actions = (email!.message as { actions: { url: string }[] }).actions.map((a) => a.url);
    expect(actions.filter((u) => u.includes('?answer='))).toHaveLength(2);
  });

  it('keeps the one-click links without the Slack app (no signing secret)', async () => {
    const [row] = await t.database.db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'survey.launch_awareness'),
          eq(outbox.personId, carlaId),
          eq(outbox.channel, 'slack'),
        ),
      );
    const plain = slackDeliverers(t.database.db, slack.url);
    expect(await plain.slack({ ...row!, unsubscribeToken: null }, row!.message as never)).toMatchObject({
      ok: true,
    });
    plain.close();
    const sent = slack.received.at(-1)!.body as { blocks: object[] };
    expect(
      buttonsOf(sent).map((b) => [
        b.text.text,
        b.value ?? null,
        b.url!.replace(/\/surveys\/[^?]+/, '/surveys/…'),
      ]),
    ).toEqual([
      ['Yes, I knew', null, 'https://prodops.example.com/surveys/…?answer=yes'],
      ['No, it surprised me', null, 'https://prodops.example.com/surveys/…?answer=no'],
      ['Answer with a comment', null, 'https://prodops.example.com/surveys/…'],
    ]);
  });
});

describe('answering with a Slack button', () => {
  it('records the answer once as the person, even when Slack retries the click, and updates the message', async () => {
    const req = await requestOf(carlaId);
    const click = () => post(payload({ user: CARLA, actionId: 'survey_aware_no', value: req.id }));
    const first = await click();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({});
    expect((await answers()).map((a) => [a.requestId, a.aware])).toEqual([[req.id, false]]);
    expect((await requestOf(carlaId)).answeredAt!.toISOString()).toBe(clock.now().toISOString());
    const audited = await audits();
    expect(audited.map((a) => a.actorLabel)).toEqual(['Carla Support (Slack)']);
    await slack.waitFor(1);
    const update = responses()[0]!;
    expect(update.replace_original).toBe(true);
    expect(update.text).toContain('Thanks — recorded: it surprised you.');
    const link = buttonsOf(posted.get(CARLA)!)[2]!.url!;
    expect(update.text).toContain(`<${link}|Add a comment>`);

    // Slack retries (a new delivery of the same click: new timestamp, new signature); then "Yes" is clicked.
    clock.advance(2000);
    const retry = await click();
    clock.advance(2000);
    const yes = await post(payload({ user: CARLA, actionId: 'survey_aware_yes', value: req.id }));
    expect([retry.statusCode, yes.statusCode]).toEqual([200, 200]);
    expect((await answers()).map((a) => a.aware)).toEqual([false]);
    expect(await audits()).toHaveLength(1);
    await slack.waitFor(3);
    expect(
      responses()
        .slice(1)
        .map((r) => r.text),
    ).toEqual([
      expect.stringContaining('Already recorded: it surprised you.'),
      expect.stringContaining('Already recorded: it surprised you.'),
    ]);
  });

  it('takes a comment on the page the message links to, and counts once in the surprise score', async () => {
    const token = buttonsOf(posted.get(CARLA)!)[2]!.url!.split('/surveys/')[1]!;
    const web = await t.app.inject({
      method: 'POST',
      url: `/api/v1/surveys/answer/${token}`,
      payload: { aware: false, comment: 'Heard it from a customer' },
    });
    expect(web.statusCode).toBe(200);
    expect((await answers()).map((a) => [a.aware, a.comment])).toEqual([[false, 'Heard it from a customer']]);
    const ctx = createContext({ db: t.database.db, actor: ops, now: clock.now() });
    const { records } = await surpriseMetric(ctx, await windowOf(ctx, 4));
    const record = records.find((r) => r.href === `/releases/${releaseId}`)!;
    expect(record.counted).toBe(true);
    expect(record.detail).toContain(
      'Asked (a surprise): 1 of 2 answered, 1 not aware (Carla Support: “Heard it from a customer”)',
    );
  });

  it("refuses someone else's click politely and records nothing", async () => {
    const before = (await answers()).length;
    const samsRequest = (await t.database.db.select().from(surveyRequests)).find(
      (r) => r.personId !== carlaId,
    )!;
    // Carla clicks on a copy of Sam's question (forwarded, or a crafted value).
    const res = await post(
      payload({ user: CARLA, actionId: 'survey_aware_yes', value: samsRequest.id, on: SAM }),
    );
    expect(res.statusCode).toBe(200);
    await slack.waitFor(1);
    expect(responses().at(-1)).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'This question was sent to someone else, so your click was not recorded.',
    });
    expect(await answers()).toHaveLength(before);
    expect((await requestOf(samsRequest.personId)).answeredAt).toBeNull();
  });

  it('answers an unknown survey request politely, an unlinked user with how to link; records nothing', async () => {
    const before = (await answers()).length;
    const gone = await post(
      payload({ user: SAM, actionId: 'survey_aware_yes', value: '00000000-0000-4000-8000-000000000000' }),
    );
    const stranger = await post(
      payload({
        user: 'U0STRANGER',
        actionId: 'survey_aware_yes',
        value: (await requestOf(carlaId)).id,
        on: SAM,
      }),
    );
    expect([gone.statusCode, stranger.statusCode]).toEqual([200, 200]);
    await slack.waitFor(2);
    const texts = responses().map((r) => r.text as string);
    expect(texts).toContain(
      'This survey is no longer open (the release may have been removed), so nothing was recorded. Thank you anyway.',
    );
    expect(texts.some((x) => x.includes('is not linked to anyone in prodops'))).toBe(true);
    expect(await answers()).toHaveLength(before);
  });

  it('refuses a bad signature (401) and a bad value or response_url (400 naming the field), recording nothing', async () => {
    const before = (await answers()).length;
    const value = (await t.database.db.select().from(surveyRequests)).find((r) => r.personId !== carlaId)!.id;
    const forged = await post(payload({ user: SAM, actionId: 'survey_aware_yes', value }), (body) =>
      slackSigned(body, clock.now(), 'not-the-signing-secret-0123456789'),
    );
    expect(forged.statusCode).toBe(401);
    const badValue = await post(payload({ user: SAM, actionId: 'survey_aware_yes', value: 'token-or-junk' }));
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json().error.fields).toEqual([
      { path: 'payload.actions.0.value', message: 'must be a survey request id' },
    ]);
    const badUrl = await post(
      payload({ user: SAM, actionId: 'survey_aware_yes', value, responseUrl: 'ftp://example.com/actions/x' }),
    );
    expect(badUrl.statusCode).toBe(400);
    expect(JSON.stringify(badUrl.json())).toContain('payload.response_url');
    expect(await answers()).toHaveLength(before);
  });
});
