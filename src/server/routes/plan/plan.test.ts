import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makePerson, signedIn } from '../../../../test/factories.ts';
import { systemActor } from '../../../services/actor.ts';
import { recordOccurrence } from '../../../services/cadence/attendance.ts';
import { listOccurrences, syncRitualOccurrences } from '../../../services/cadence/occurrences.ts';
import { findRitualBySlug } from '../../../services/cadence/rituals.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { TDeliverable, TPlan } from '../../../shared/plan.ts';

/**
 * The 30/60/90 plan over the API, on records built for its timeboxes (org zone UTC). The plan starts on Friday
 * 2 Oct 2026, so its first 30 days hold exactly four Thursdays (four Weekly Product Updates); "now" is Wednesday
 * 18 Nov, day 48: the first timebox is over, the second running.
 */
const clock = manualClock('2026-11-18T15:00:00Z');
const START = '2026-10-02';
let t: TestApp;
let ops: { headers: Record<string, string>; person: { id: string } };
let pm: Record<string, string>;
let sales: Record<string, string>;

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

const deliverable = (plan: TPlan, n: number, title: RegExp): TDeliverable =>
  plan.timeboxes[n - 1]!.deliverables.find((d) => title.test(d.title))!;

async function occurrencesOf(slug: string, from: string, to: string) {
  const ritual = (await findRitualBySlug(t.database.db, slug))!;
  return listOccurrences(t.database.db, { from: new Date(from), to: new Date(to), ritualId: ritual.id });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  const system = systemActor('system:test');
  ops = await signedIn(db, ['product_ops']);
  pm = (await signedIn(db, ['pm'])).headers;
  sales = (await signedIn(db, ['stakeholder'], { function: 'sales' })).headers;
  // The calendar as it stood in early October: the rituals' occurrences from then on.
  for (const slug of ['weekly-product-update', 'roadmap-review']) {
    const r = (await findRitualBySlug(db, slug))!;
    await syncRitualOccurrences(db, r.id, { now: new Date('2026-10-08T00:00:00Z') });
  }
  // Every Weekly Product Update of days 1–30 published when due.
  const weekly = await occurrencesOf('weekly-product-update', '2026-10-02T00:00:00Z', '2026-11-01T00:00:00Z');
  expect(weekly.map((o) => o.localDate)).toEqual(['2026-10-08', '2026-10-15', '2026-10-22', '2026-10-29']);
  for (const o of weekly)
    await recordOccurrence({
      db,
      actor: system,
      id: o.id,
      now: new Date(o.artifactDueAt),
      input: { status: 'held', artifactProducedAt: o.artifactDueAt },
    });
  // The one Roadmap Review held in the second timebox so far: 4 of 5 people there, exactly 80%.
  const [review] = await occurrencesOf('roadmap-review', '2026-11-01T00:00:00Z', '2026-11-18T00:00:00Z');
  const five = await Promise.all([1, 2, 3, 4, 5].map(() => makePerson(db, { roles: ['pm'] })));
  await recordOccurrence({
    db,
    actor: system,
    id: review!.id,
    now: new Date(review!.endsAt),
    input: {
      status: 'held',
      attendance: five.map((p, i) => ({ personId: p.id, present: i !== 0 })),
      artifactProducedAt: review!.endsAt,
    },
  });
});
afterAll(() => t.close());

describe('/api/v1/plan', () => {
  it('is not started until Product Ops starts it; then each check reads its records', async () => {
    const before = (await call('GET', '/plan', pm)).json();
    expect(before).toMatchObject({ started: false, timeboxes: [], permissions: { update: false } });
    expect((await call('POST', '/plan', pm, { startOn: START })).statusCode).toBe(403);
    const started = await call('POST', '/plan', ops.headers, { startOn: START });
    expect(started.statusCode, started.body).toBe(200);
    const plan: TPlan = (await call('GET', '/plan', pm)).json();
    expect(plan).toMatchObject({ started: true, startOn: START, today: '2026-11-18', day: 48 });
    expect(plan.timeboxes.map((b) => [b.from, b.to, b.running])).toEqual([
      ['2026-10-02', '2026-10-31', false],
      ['2026-11-01', '2026-11-30', true],
      ['2026-12-01', '2026-12-30', false],
    ]);
    // Met: four weeks, each on time.
    const weekly = deliverable(plan, 1, /Weekly product update/);
    expect(weekly).toMatchObject({ state: 'done', figure: '4 of 4 weeks on time' });
    expect(weekly.records.map((r) => [r.date, r.counted])).toEqual([
      ['2026-10-08', true],
      ['2026-10-15', true],
      ['2026-10-22', true],
      ['2026-10-29', true],
    ]);
    // The first timebox is over without a Tier 2/3 release through enablement: missed.
    expect(deliverable(plan, 1, /Tier 2\/3 release uses/)).toMatchObject({
      state: 'missed',
      figure: 'No Tier 2/3 release used the enablement process yet',
      records: [],
    });
    // Not met while the timebox runs: 80% is not above 80%.
    const attendance = deliverable(plan, 2, /attendance/);
    expect(attendance).toMatchObject({ state: 'not_yet', figure: '80% present (4 of 5 across 1 review)' });
    expect(attendance.records).toHaveLength(1);
    expect(deliverable(plan, 2, /roadmap review running/)).toMatchObject({
      state: 'not_yet',
      figure: '1 Roadmap Review held with its artifact',
    });
    // The third timebox has not started: nothing is missed there yet.
    expect(plan.timeboxes[2]!.deliverables.every((d) => d.state === 'not_yet')).toBe(true);
    // The retrospectives are on the cadence calendar like any occurrence.
    expect(plan.retros.map((r) => [r.week, r.startsAt, r.facilitatorId])).toEqual([
      [4, '2026-10-29T14:00:00.000Z', ops.person.id],
      [8, '2026-11-26T14:00:00.000Z', ops.person.id],
      [12, '2026-12-24T14:00:00.000Z', ops.person.id],
    ]);
    const calendar = (await call('GET', '/calendar?from=2026-10-01&to=2026-12-31', pm)).json();
    expect(
      calendar.items.filter((o: { ritualSlug: string }) => o.ritualSlug === 'plan-retrospective'),
    ).toHaveLength(3);
  });

  it('a manual deliverable is ticked and unticked with a note, never without one', async () => {
    const plan: TPlan = (await call('GET', '/plan', ops.headers)).json();
    const charter = deliverable(plan, 1, /charter/);
    expect(charter).toMatchObject({ check: null, state: 'missed' });
    const noNote = await call('POST', `/plan/deliverables/${charter.id}/tick`, ops.headers, {
      done: true,
      note: ' ',
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['note']);
    expect(
      (await call('POST', `/plan/deliverables/${charter.id}/tick`, pm, { done: true, note: 'x' })).statusCode,
    ).toBe(403);
    const ticked: TPlan = (
      await call('POST', `/plan/deliverables/${charter.id}/tick`, ops.headers, {
        done: true,
        note: 'Charter signed off by the Head of Product on 9 Oct',
      })
    ).json();
    expect(deliverable(ticked, 1, /charter/)).toMatchObject({
      state: 'done',
      figure: 'Charter signed off by the Head of Product on 9 Oct',
      tick: { done: true, at: '2026-11-18T15:00:00.000Z' },
    });
    expect(deliverable(ticked, 1, /charter/).tick?.byName).toBeTruthy();
    const unticked: TPlan = (
      await call('POST', `/plan/deliverables/${charter.id}/tick`, ops.headers, {
        done: false,
        note: 'Not signed after all',
      })
    ).json();
    expect(deliverable(unticked, 1, /charter/)).toMatchObject({ state: 'missed', tick: { done: false } });
    const checked = deliverable(plan, 1, /Weekly product update/);
    const refused = await call('POST', `/plan/deliverables/${checked.id}/tick`, ops.headers, {
      done: true,
      note: 'x',
    });
    expect(refused.statusCode).toBe(409);
  });

  it('a recorded retrospective is its occurrence’s artifact and meets the timebox’s retro check', async () => {
    const plan: TPlan = (await call('GET', '/plan', ops.headers)).json();
    expect(deliverable(plan, 1, /Week 4 retro/)).toMatchObject({
      state: 'missed',
      figure: 'Not recorded yet',
    });
    const owner = await makePerson(t.database.db, { name: 'Ola Owner', roles: ['pm'] });
    const body = {
      working: 'The five-bullet update takes PMs under ten minutes',
      overhead: 'Chasing the last update on Thursdays',
      adjust: 'Move the deadline to Thursday noon',
      actions: [
        { title: 'Move the deadline', ownerId: owner.id, dueOn: '2026-11-26' },
        { title: 'Share the template', ownerId: ops.person.id },
      ],
    };
    expect((await call('PUT', '/plan/retros/4', pm, body)).statusCode).toBe(403);
    const bad = await call('PUT', '/plan/retros/4', ops.headers, {
      ...body,
      actions: [{ title: 'x', ownerId: crypto.randomUUID() }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'actions.0.ownerId', message: 'is not a known person' },
    ]);
    const recorded = await call('PUT', '/plan/retros/4', ops.headers, body);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().recorded.actions.map((a: { ownerName: string }) => a.ownerName)).toEqual([
      'Ola Owner',
      expect.any(String),
    ]);
    const occurrence = (
      await call('GET', `/occurrences/${recorded.json().occurrenceId}`, ops.headers)
    ).json();
    expect(occurrence).toMatchObject({
      status: 'held',
      artifactProducedAt: '2026-11-18T15:00:00.000Z',
      artifactRef: '/plan#retro-4',
    });
    const after: TPlan = (await call('GET', '/plan', pm)).json();
    expect(deliverable(after, 1, /Week 4 retro/)).toMatchObject({
      state: 'done',
      figure: '1 retrospective recorded',
    });
    // Week 8's has not happened yet.
    expect((await call('PUT', '/plan/retros/8', ops.headers, body)).statusCode).toBe(409);
  });

  it('a stakeholder reads none of it', async () => {
    expect((await call('GET', '/plan', sales)).statusCode).toBe(403);
    expect((await call('GET', '/plan/retros', sales)).statusCode).toBe(403);
  });
});
