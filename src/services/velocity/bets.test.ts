import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson, makePod } from '../../../test/factories.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { TBetInput, TBriefInput } from '../../shared/bets.ts';
import { AppError } from '../../shared/errors.ts';
import { systemActor } from '../actor.ts';
import { recordDecision } from '../decisions/decisions.ts';
import { createRoadmapItem } from '../roadmap/item-writes.ts';
import { createBet, getBet, listBets, updateBet } from './bets.ts';
import { createBrief, updateBrief } from './briefs.ts';

const now = new Date('2026-11-18T15:00:00Z');
const actor = systemActor('test');
let d: TestDatabase;
let podId: string;
let otherPodId: string;
let ownerId: string;
let itemId: string;
let decisionId: string;

const input = (over: Partial<TBetInput> = {}): TBetInput => ({
  title: 'Usage pricing',
  podId,
  ownerId,
  profile: {
    familiarity: 'high',
    change: [],
    measurability: 'high',
    goal: 'margin',
    dependence: 'none',
    traceability: 'high',
  },
  ...over,
});
const brief: TBriefInput = {
  experiment: 'Meter for 10%',
  opportunity: 'Cheaper start',
  positiveSignals: ['Conversions'],
  harmfulIndicators: ['Surprise invoices'],
};

/** The field paths of a validation error. */
async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return ((err as AppError).fields ?? []).map((f) => f.path);
}

beforeAll(async () => {
  d = await createTestDb({ now });
  ownerId = (await makePerson(d.db, { roles: ['pm'] })).id;
  const area = await makeArea(d.db, { ownerPmId: ownerId });
  podId = (await makePod(d.db, { areaId: area.id })).id;
  otherPodId = (await makePod(d.db)).id;
  itemId = (
    await createRoadmapItem({
      db: d.db,
      actor,
      now,
      input: {
        title: 'Usage billing',
        summary: 'Pay per use',
        areaId: area.id,
        confidence: 'low',
        earliest: '2027-01-04',
        latest: '2027-03-26',
      },
    })
  ).id;
  decisionId = (
    await recordDecision({
      db: d.db,
      actor,
      now,
      input: {
        title: 'Try usage',
        context: 'c',
        options: ['a'],
        rationale: 'r',
        ownerId,
        reviewDate: '2027-01-10',
      },
    })
  ).id;
});
afterAll(() => d.close());

describe('bets', () => {
  it('records a bet with its links, its cluster and approach, and an audit entry', async () => {
    const bet = await createBet({ db: d.db, actor, now, input: input({ roadmapItemIds: [itemId, itemId] }) });
    expect(bet.placement).toMatchObject({ cluster: 'known_ground', label: 'Known ground' });
    expect(bet.placement.approach.title).toMatch(/^Incremental delivery/);
    expect(bet.roadmapItems).toEqual([{ id: itemId, title: 'Usage billing' }]);
    expect(bet.pod?.id).toBe(podId);
    expect(bet.status).toBe('open');
    const audit = await d.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, bet.id), eq(auditLog.action, 'bet.create')));
    expect(audit).toHaveLength(1);
  });

  it('names each link that does not exist, and writes nothing', async () => {
    const missing = crypto.randomUUID();
    const fields = await fieldsOf(
      createBet({
        db: d.db,
        actor,
        now,
        input: input({ podId: missing, ownerId: missing, roadmapItemIds: [itemId, missing] }),
      }),
    );
    expect(fields).toEqual(['podId', 'ownerId', 'roadmapItemIds.1']);
    expect((await listBets(d.db, { limit: 50 })).items.every((b) => b.pod?.id !== missing)).toBe(true);
  });

  it('moves cluster with its profile, keeps the change in the audit log, filters by pod and status', async () => {
    const bet = await createBet({ db: d.db, actor, now, input: input({ title: 'Moves' }) });
    const later = new Date('2026-11-19T10:00:00Z');
    const after = await updateBet({
      db: d.db,
      actor,
      now: later,
      id: bet.id,
      patch: { profile: { ...bet.profile, dependence: 'heavy' }, status: 'lost', podId: otherPodId },
    });
    expect(after.placement.cluster).toBe('entangled');
    expect(after.updatedAt).toBe(later.toISOString());
    const [entry] = await d.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, bet.id), eq(auditLog.action, 'bet.update')));
    expect(entry!.change).toMatchObject({
      cluster: { from: 'known_ground', to: 'entangled' },
      status: { from: 'open', to: 'lost' },
    });
    const lost = await listBets(d.db, { limit: 50, podId: otherPodId, status: 'lost' });
    expect(lost.items.map((b) => b.id)).toEqual([bet.id]);
    expect((await listBets(d.db, { limit: 50, podId: otherPodId, status: 'open' })).items).toEqual([]);
  });

  it('an unchanged patch writes no audit entry', async () => {
    const bet = await createBet({ db: d.db, actor, now, input: input({ title: 'Same' }) });
    await updateBet({ db: d.db, actor, now, id: bet.id, patch: { title: 'Same' } });
    const updates = await d.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, bet.id), eq(auditLog.action, 'bet.update')));
    expect(updates).toEqual([]);
  });
});

describe('experiment briefs', () => {
  it('records a brief linked to a decision, shown on its bet', async () => {
    const bet = await createBet({ db: d.db, actor, now, input: input({ title: 'Briefed' }) });
    const b = await createBrief({
      db: d.db,
      actor,
      now,
      betId: bet.id,
      input: { ...brief, decisionId, optionsNotChosen: [{ option: 'Credits', why: 'Finance' }] },
    });
    expect(b.decision).toMatchObject({ id: decisionId, title: 'Try usage' });
    expect((await getBet(d.db, bet.id))!.briefs.map((x) => x.id)).toEqual([b.id]);
    const cleared = await updateBrief({ db: d.db, actor, now, id: b.id, patch: { decisionId: null } });
    expect(cleared.decision).toBeNull();
    expect(cleared.optionsNotChosen).toEqual([{ option: 'Credits', why: 'Finance' }]);
  });

  it('names a decision that is not in the log and a time box that ended', async () => {
    const bet = await createBet({ db: d.db, actor, now, input: input({ title: 'Bad brief' }) });
    const fields = await fieldsOf(
      createBrief({
        db: d.db,
        actor,
        now,
        betId: bet.id,
        input: { ...brief, decisionId: crypto.randomUUID(), timeBoxEnd: '2026-11-01' },
      }),
    );
    expect(fields).toEqual(['decisionId', 'timeBoxEnd']);
    expect((await getBet(d.db, bet.id))!.briefs).toEqual([]);
  });

  it('an Uncharted bet needs learning goals and a time box', async () => {
    const bet = await createBet({
      db: d.db,
      actor,
      now,
      input: input({ title: 'Unknown', profile: { ...input().profile, familiarity: 'low' } }),
    });
    expect(bet.placement.cluster).toBe('uncharted');
    expect(await fieldsOf(createBrief({ db: d.db, actor, now, betId: bet.id, input: brief }))).toEqual([
      'learningGoals',
      'timeBoxEnd',
    ]);
    const ok = await createBrief({
      db: d.db,
      actor,
      now,
      betId: bet.id,
      input: { ...brief, learningGoals: ['Do they convert?'], timeBoxEnd: '2026-12-09' },
    });
    expect(
      await fieldsOf(updateBrief({ db: d.db, actor, now, id: ok.id, patch: { timeBoxEnd: null } })),
    ).toEqual(['timeBoxEnd']);
  });
});
