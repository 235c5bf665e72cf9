import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { systemClock } from '../../shared/clock.ts';
import { ZDecisionLogQuery } from '../../shared/decisions.ts';
import { systemActor } from '../actor.ts';
import { decisionWorld } from './decisions.fixture.ts';
import { recordDecision, revisitDecision } from './decisions.ts';
import { type DecisionView, dueDecisions, listDecisions } from './view.ts';

/**
 * Search and filters of the decision log. "Due" is judged against the real today, so due review dates are
 * in early 2026 (past) and the others in 2030.
 */

let d: TestDatabase;
const ops = systemActor('ops');
const NOW = new Date('2026-01-05T12:00:00Z');
const log: Record<'a' | 'b' | 'c' | 'd', DecisionView> = {} as never;
let w: Awaited<ReturnType<typeof decisionWorld>>;

beforeAll(async () => {
  d = await createTestDb();
  w = await decisionWorld(d.db);
  const record = (input: ReturnType<typeof w.input>) =>
    recordDecision({ db: d.db, actor: ops, input, now: NOW });
  log.a = await record(
    w.input({
      decidedOn: '2025-09-01',
      title: 'Usage pricing for teams',
      options: ['Per-seat discounts', 'Usage tiers'],
      roadmapItemIds: [w.billingItem],
      themes: ['pricing'],
      reviewDate: '2026-01-01',
    }),
  );
  log.b = await record(
    w.input({
      decidedOn: '2025-10-01',
      title: 'Referral credits',
      context: 'Invites stall after the first week.',
      rationale: 'Credits are cheaper than ads.',
      ownerId: w.ravi.id,
      releaseIds: [w.growthRelease],
      themes: ['onboarding'],
      reviewDate: '2030-01-01',
    }),
  );
  log.c = await record(
    w.input({
      decidedOn: '2025-10-01',
      title: 'Invoice layout',
      releaseIds: [w.billingRelease],
      reviewDate: '2026-01-02',
    }),
  );
  const replaced = await revisitDecision({
    db: d.db,
    actor: ops,
    id: log.c.id,
    now: NOW,
    input: {
      outcome: 'superseded',
      note: 'Tax authorities require the lines',
      replacement: w.input({
        decidedOn: '2026-01-05',
        title: 'Invoice layout with tax lines',
        roadmapItemIds: [w.growthItem],
        reviewDate: '2030-06-01',
      }),
    },
  });
  log.d = (await listDecisions(d.db, ZDecisionLogQuery.parse({ q: 'tax lines' }), systemClock.now()))
    .items[0]!;
  expect(replaced.supersededBy?.id).toBe(log.d.id);
});
afterAll(() => d.close());

/** The titles' letters (a–d) of what the query returns, in order. */
async function found(query: Record<string, string>): Promise<string[]> {
  const letterOf = new Map(Object.entries(log).map(([k, v]) => [v.id, k]));
  const page = await listDecisions(d.db, ZDecisionLogQuery.parse(query), systemClock.now());
  return page.items.map((v) => letterOf.get(v.id) ?? v.title);
}

describe('the decision log', () => {
  it('lists newest decision first, then by number, and pages with a cursor', async () => {
    expect(await found({})).toEqual(['d', 'c', 'b', 'a']);
    const first = await listDecisions(d.db, ZDecisionLogQuery.parse({ limit: '2' }), systemClock.now());
    expect(first.items.map((v) => v.title)).toEqual(['Invoice layout with tax lines', 'Invoice layout']);
    const second = await listDecisions(
      d.db,
      ZDecisionLogQuery.parse({ limit: '2', cursor: first.nextCursor! }),
      systemClock.now(),
    );
    expect(second.items.map((v) => v.title)).toEqual(['Referral credits', 'Usage pricing for teams']);
    expect(second.nextCursor).toBeNull();
  });

  it('searches words in any case over title, context, rationale and options: every word must match', async () => {
    expect(await found({ q: 'INVOICE' })).toEqual(['d', 'c']);
    expect(await found({ q: 'invoice   TAX' })).toEqual(['d']);
    expect(await found({ q: 'stall' })).toEqual(['b']); // context
    expect(await found({ q: 'cheaper ads' })).toEqual(['b']); // rationale
    expect(await found({ q: 'per-seat' })).toEqual(['a']); // options
    expect(await found({ q: 'teams credits' })).toEqual([]); // in two different decisions
    expect(await found({ q: '%' })).toEqual([]); // a literal percent sign, not a wildcard
    expect(await found({ q: 'a_b' })).toEqual([]);
  });

  it('filters by owner, status, due, link, theme, area and decision dates', async () => {
    expect(await found({ ownerId: w.ravi.id })).toEqual(['b']);
    expect(await found({ status: 'superseded' })).toEqual(['c']);
    expect(await found({ status: 'active' })).toEqual(['d', 'b', 'a']);
    // c's review date has passed too, but a superseded decision is never due.
    expect(await found({ due: 'true' })).toEqual(['a']);
    expect(await found({ due: 'false' })).toEqual(['d', 'c', 'b']);
    expect(await found({ roadmapItemId: w.billingItem })).toEqual(['a']);
    expect(await found({ releaseId: w.billingRelease })).toEqual(['c']);
    expect(await found({ theme: 'pricing' })).toEqual(['a']);
    expect(await found({ theme: 'onboarding', ownerId: w.maya.id })).toEqual([]);
    // Billing: c through its release, a through its roadmap item; Growth: d by item, b by release.
    expect(await found({ areaId: w.billing.id })).toEqual(['c', 'a']);
    expect(await found({ areaId: w.growth.id })).toEqual(['d', 'b']);
    expect(await found({ from: '2025-10-01', to: '2025-10-01' })).toEqual(['c', 'b']);
    expect(await found({ from: '2025-10-02' })).toEqual(['d']);
    expect(await found({ to: '2025-09-30' })).toEqual(['a']);
  });

  it('says which decisions are due for review', () => {
    expect(log.a.reviewDue).toBe(true);
    expect(log.b.reviewDue).toBe(false);
  });
});

describe('dueDecisions (the Roadmap Review agenda asks for these)', () => {
  it('gives active decisions whose next review date is on or before the day, earliest first', async () => {
    expect(await dueDecisions(d.db, '2025-12-31')).toEqual([]);
    const a = { id: log.a.id, number: log.a.number, title: log.a.title, ownerName: 'Maya Chen' };
    // c (due 2026-01-02) was superseded: it is not on the agenda.
    expect(await dueDecisions(d.db, '2026-01-02')).toEqual([{ ...a, nextReviewDate: '2026-01-01' }]);
    expect((await dueDecisions(d.db, '2030-01-01')).map((x) => [x.title, x.ownerName])).toEqual([
      ['Usage pricing for teams', 'Maya Chen'],
      ['Referral credits', 'Ravi Rao'],
    ]);
  });
});
