import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { outbox, scheduledActions } from '../../db/schema/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { manualClock } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { createRelease } from '../releases/releases.ts';
import { answerByToken, mySurveys } from './answer.ts';
import { awarenessSurveyHandler, sendAwarenessSurvey } from './awareness.ts';
import { planPulse, pulseResults, startPulse } from './pulse.ts';
import { awarenessResults } from './results.ts';

let d: TestDatabase;
const ops = systemActor('ops');
// Thursday 2026-11-26 in New York; its Day 3 check-in (post-launch rule, business days) is Monday 2026-11-30.
const LAUNCH = new Date('2026-11-26T15:00:00Z');
const DAY3 = new Date('2026-11-30T14:00:00Z');
const people: Record<string, { id: string; name: string }> = {};

async function launch(title: string, tier: 1 | 2 | 3) {
  const [area] = [await makeArea(d.db)];
  return createRelease({
    db: d.db,
    actor: ops,
    now: LAUNCH,
    input: { title, areaId: area.id, targetDate: '2026-11-26', tier, status: 'launched' },
  });
}

/** The one-click tokens the survey messages carry, by person (their inbox copy). */
async function tokensOf(kind: string, ref: string) {
  const rows = await d.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, kind), eq(outbox.ref, ref), eq(outbox.channel, 'inbox')));
  return new Map(
    rows.map((r) => {
      const url = (r.message as OutgoingMessage).actions![0]!.url;
      return [r.personId!, url.slice('/surveys/'.length, url.indexOf('?'))];
    }),
  );
}

beforeAll(async () => {
  d = await createTestDb();
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: LAUNCH,
  });
  for (const [key, fn] of [
    ['carla', 'support'],
    ['sam', 'sales'],
    ['cora', 'cs'],
    ['mark', 'marketing'],
    ['ed', 'eng'],
  ] as const) {
    people[key] = await makePerson(d.db, { function: fn, name: key, roles: ['stakeholder'] });
  }
});
afterAll(() => d.close());

describe('launch awareness', () => {
  it('is scheduled for Day 3 of a Tier 2/3 launch at 09:00 in the org zone, never for Tier 1', async () => {
    const t2 = await launch('Invoice previews', 2);
    const t1 = await launch('Copy fix', 1);
    const [action] = await d.db
      .select()
      .from(scheduledActions)
      .where(eq(scheduledActions.key, `survey.launch_awareness:${t2.id}`));
    expect(action!.dueAt.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    const none = await d.db
      .select()
      .from(scheduledActions)
      .where(eq(scheduledActions.key, `survey.launch_awareness:${t1.id}`));
    expect(none).toEqual([]);
    expect(await d.db.transaction((tx) => sendAwarenessSurvey(tx, t1.id, DAY3))).toBe(0);
  });

  it('asks only the Sales, CS and Support recipients, once each however often it runs', async () => {
    const r = await launch('Tax IDs', 3);
    expect(await d.db.transaction((tx) => sendAwarenessSurvey(tx, r.id, DAY3))).toBe(3);
    expect(await d.db.transaction((tx) => sendAwarenessSurvey(tx, r.id, DAY3))).toBe(0);
    const tokens = await tokensOf('survey.launch_awareness', r.id);
    expect([...tokens.keys()].sort()).toEqual([people.carla!.id, people.sam!.id, people.cora!.id].sort());
    const msg = (await d.db.select().from(outbox).where(like(outbox.kind, 'survey.launch%')))[0]!
      .message as OutgoingMessage;
    expect(msg.actions!.map((a) => a.label)).toEqual([
      'Yes, I knew',
      'No, it surprised me',
      'Answer with a comment',
    ]);
    // In Slack the two answers are buttons answered there, naming the request (not its token).
    expect(msg.slack).toEqual({ awarenessRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('counts an answer given twice once, and flags a launch anybody did not know about', async () => {
    const r = await launch('Usage meter', 2);
    await d.db.transaction((tx) => sendAwarenessSurvey(tx, r.id, DAY3));
    const tokens = await tokensOf('survey.launch_awareness', r.id);
    await answerByToken(d.db, tokens.get(people.carla!.id)!, { aware: true }, DAY3);
    await answerByToken(d.db, tokens.get(people.sam!.id)!, { aware: true }, DAY3);
    await answerByToken(
      d.db,
      tokens.get(people.sam!.id)!,
      { aware: false, comment: 'Heard from a customer' },
      DAY3,
    );
    const mine = await mySurveys(d.db, { personId: people.cora!.id, label: 'cora', roles: ['stakeholder'] });
    expect(mine.map((s) => s.title)).toContain('Usage meter');
    const res = (await awarenessResults(d.db, { from: '2026-11-26' })).releases.find(
      (x) => x.releaseId === r.id,
    )!;
    expect(res).toMatchObject({ asked: 3, answered: 2, aware: 1, notAware: 1, surprise: true });
    expect(res.comments).toEqual([{ name: 'sam', aware: false, comment: 'Heard from a customer' }]);
  });

  it('is sent by its scheduled action when Day 3 comes, not before', async () => {
    const r = await launch('Seat limits', 2);
    const handlers = { 'survey.launch_awareness': awarenessSurveyHandler };
    const run = (at: string) =>
      runDueActions({ db: d.db, handlers, clock: manualClock(at), instance: 'test', onError: () => {} });
    await run('2026-11-30T13:59:00Z');
    expect((await tokensOf('survey.launch_awareness', r.id)).size).toBe(0);
    await run('2026-11-30T14:01:00Z');
    expect((await tokensOf('survey.launch_awareness', r.id)).size).toBe(3);
  });

  it('refuses an unknown token and an answer of the wrong kind with a clear message', async () => {
    await expect(answerByToken(d.db, 'x'.repeat(32), { aware: true }, DAY3)).rejects.toThrow(/not valid/);
    const r = await launch('Dunning', 2);
    await d.db.transaction((tx) => sendAwarenessSurvey(tx, r.id, DAY3));
    const token = (await tokensOf('survey.launch_awareness', r.id)).get(people.carla!.id)!;
    const err = await answerByToken(d.db, token, { score: 4 }, DAY3).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
  });
});

describe('PM pulse', () => {
  const NOW = new Date('2026-10-05T14:00:00Z');
  it('is anonymous, shown only from 3 answers, and a used link is refused', async () => {
    const pms: { id: string; name: string }[] = [];
    for (const name of ['Ana PM', 'Ben PM', 'Cy PM', 'Di PM'])
      pms.push(await makePerson(d.db, { roles: ['pm'], name }));
    expect(await startPulse(d.db, { actor: ops, now: NOW })).toEqual({ quarter: '2026-Q4', sent: 4 });
    expect((await startPulse(d.db, { actor: ops, now: NOW })).sent).toBe(0);
    const tokens = await tokensOf('survey.pm_pulse', '2026-Q4');
    const answer = (i: number, score: number, comment?: string) =>
      answerByToken(d.db, tokens.get(pms[i]!.id)!, { score, comment }, NOW);
    await answer(0, 5, 'Fewer status pings');
    await answer(1, 4);
    const early = await pulseResults(d.db, NOW, '2026-Q4');
    expect(early).toMatchObject({ asked: 4, answers: 2, results: null, label: 'Q4 2026' });
    await expect(answer(1, 2)).rejects.toThrow(/already answered/);
    await answer(2, 2, 'Still chasing Eng');
    const shown = await pulseResults(d.db, NOW, '2026-Q4');
    expect(shown.results).toMatchObject({
      agreePct: 66.7,
      distribution: [0, 1, 0, 1, 1],
      meetsTarget: false,
    });
    expect(shown.results!.comments.sort()).toEqual(['Fewer status pings', 'Still chasing Eng']);
    const text = JSON.stringify(shown);
    for (const pm of pms) {
      expect(text).not.toContain(pm.id);
      expect(text).not.toContain(pm.name);
    }
  });

  it('is planned for the first morning of the next quarter, in the org zone', async () => {
    await planPulse(d.db, NOW);
    const [a] = await d.db
      .select()
      .from(scheduledActions)
      .where(eq(scheduledActions.key, 'survey.pm_pulse:2027-Q1'));
    expect(a!.dueAt.toISOString()).toBe('2027-01-01T14:00:00.000Z');
  });

  it('refuses a quarter that has not started', async () => {
    await expect(startPulse(d.db, { actor: ops, now: NOW, quarter: '2027-Q2' })).rejects.toThrow(/not valid/);
  });
});
