import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makePerson, signedIn } from '../../../../test/factories.ts';
import {
  awarenessAnswers,
  bugs,
  enablementBundles,
  outbox,
  pulseAnswers,
  releaseGateOverrides,
  releaseSignOffs,
  releases,
  surveyRequests,
} from '../../../db/schema/index.ts';
import { systemActor } from '../../../services/actor.ts';
import { ENABLEMENT_BUNDLE } from '../../../services/releases/bundle.ts';
import { createRelease } from '../../../services/releases/releases.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { TMetricDetail, TMetricList } from '../../../shared/metrics.ts';
import type { TSettings } from '../../../shared/settings.ts';

/**
 * Issue 16: the metrics page's figures from records, against the real app and database. Default settings: UTC,
 * Monday–Friday, Tier 2 told 5 business days before launch.
 */
const clock = manualClock('2026-12-16T12:00:00Z'); // Wednesday of 2026-W51
const ops = systemActor('ops');
let t: TestApp;
let head: { headers: Record<string, string> };
let sales: { headers: Record<string, string> };
const ids = { sam: '', cara: '', sue: '', told: '', late: '' };

async function launched(title: string, launchedOn: string, publishedOn: string | null) {
  const r = await createRelease({
    db: t.database.db,
    actor: ops,
    now: clock.now(),
    input: { title, targetDate: launchedOn, attributes: [], tier: 2, tierReason: 'test' },
  });
  await t.database.db.update(releases).set({ status: 'launched', launchedOn }).where(eq(releases.id, r.id));
  if (publishedOn)
    await t.database.db.insert(enablementBundles).values({ releaseId: r.id, sections: {}, publishedOn });
  return r.id;
}

let n = 0;
async function emailed(releaseId: string, personId: string, sentAt: string) {
  await t.database.db.insert(outbox).values({
    idempotencyKey: `m${++n}`,
    kind: ENABLEMENT_BUNDLE,
    ref: `${releaseId}:v1`,
    channel: 'email',
    personId,
    address: 'x',
    message: {},
    status: 'sent',
    sentAt: new Date(sentAt),
  });
}

const get = async <T>(url: string, who = head) => {
  const res = await t.app.inject({ method: 'GET', url, headers: who.headers });
  return {
    status: res.statusCode,
    body: res.body,
    json: () => res.json() as T,
    type: res.headers['content-type'],
  };
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  head = await signedIn(db, ['head_of_product']);
  sales = await signedIn(db, ['stakeholder'], { function: 'sales' });
  ids.sam = (await makePerson(db, { name: 'Sam Rivera', function: 'sales' })).id;
  // Sales is the only told function with people (the stakeholder above is Sales too).
  // W49: told in time, bundle published the day before launch. W50: Sales told a day late, bundle on launch day.
  ids.told = await launched('Usage-based billing', '2026-12-03', '2026-12-02');
  ids.late = await launched('SCIM provisioning', '2026-12-10', '2026-12-10');
  await emailed(ids.told, ids.sam, '2026-11-25T09:00:00Z');
  await emailed(ids.late, ids.sam, '2026-12-04T09:00:00Z');
  // Sales acknowledged the first with its readiness sign-off before launch.
  await db
    .insert(releaseSignOffs)
    .values({ releaseId: ids.told, kind: 'sales', byLabel: 'Sam', at: new Date('2026-12-01T10:00:00Z') });
}, 120_000);
afterAll(() => t.close());

async function asked(releaseId: string, personId: string, aware: boolean, comment: string | null = null) {
  const [req] = await t.database.db
    .insert(surveyRequests)
    .values({
      kind: 'launch_awareness',
      subject: releaseId,
      releaseId,
      personId,
      tokenHash: `h${++n}`,
      sentAt: new Date('2026-12-06T14:00:00Z'),
      answeredAt: new Date('2026-12-07T14:00:00Z'),
    })
    .returning({ id: surveyRequests.id });
  await t.database.db
    .insert(awarenessAnswers)
    .values({ requestId: req!.id, aware, comment, answeredAt: new Date('2026-12-07T14:00:00Z') });
}

describe('the metrics page', () => {
  it('shows each success metric with its target, current value, baseline and weekly trend', async () => {
    const res = await get<TMetricList>('/api/v1/metrics?weeks=4');
    expect(res.status).toBe(200);
    const byKey = new Map(res.json().metrics.map((m) => [m.key, m]));
    expect([...byKey.keys()]).toEqual([
      'surprise',
      'status_requests',
      'enablement_coverage',
      'pm_pulse',
      'ritual_adoption',
      'confused_customers',
      'operational_burden',
      'bug_backlog',
      'gate_overrides',
    ]);
    const surprise = byKey.get('surprise')!;
    expect(surprise.current).toEqual({
      value: 50,
      text: '50% (1 of 2 Tier 2/3 launches in the last 4 weeks)',
    });
    expect(surprise.target).toEqual({ value: 10, text: '< 10%' });
    expect(surprise.meets).toBe(false);
    expect(surprise.trend.map((p) => [p.period, p.value])).toEqual([
      ['2026-W48', null],
      ['2026-W49', 0],
      ['2026-W50', 100],
      ['2026-W51', null],
    ]);
    expect(surprise.baseline?.value).toBe(50);
    const coverage = byKey.get('enablement_coverage')!;
    expect(coverage.current.value).toBe(50);
    expect(coverage.target.text).toBe('100%');
  });

  it('drills down to the exact records behind a figure', async () => {
    const res = await get<TMetricDetail>('/api/v1/metrics/surprise?weeks=4');
    expect(res.json().records.map((r) => [r.label, r.counted])).toEqual([
      ['Usage-based billing', false],
      ['SCIM provisioning', true],
    ]);
    expect(res.json().records[1]!.detail).toContain('Sales told late (Sam Rivera, 2026-12-04)');
    const coverage = await get<TMetricDetail>('/api/v1/metrics/enablement_coverage?weeks=4');
    expect(coverage.json().records.find((r) => r.label === 'SCIM provisioning')!.detail).toBe(
      'Tier 2, bundle published 2026-12-10, not before launch day',
    );
  });

  it('flags a launch either way: told in time by the records, but a Sales person says it surprised them', async () => {
    await asked(ids.told, ids.sam, false, 'Heard about it from a customer');
    const res = await get<TMetricDetail>('/api/v1/metrics/surprise?weeks=4');
    expect(res.json().metric.current.value).toBe(100);
    const told = res.json().records.find((r) => r.label === 'Usage-based billing')!;
    expect(told.counted).toBe(true);
    expect(told.detail).toMatch(
      /^Computed: .*Sales told in time.*\. Asked \(a surprise\): 1 of 1 answered, 1 not aware \(Sam Rivera: “Heard about it from a customer”\)$/,
    );
  });

  it('shows the PM pulse only from three answers, never who answered', async () => {
    const pulse = async () => (await get<TMetricDetail>('/api/v1/metrics/pm_pulse')).json();
    for (const score of [5, 4])
      await t.database.db.insert(pulseAnswers).values({ quarter: '2026-Q4', score });
    expect((await pulse()).metric.current).toEqual({
      value: null,
      text: 'No quarter with enough answers yet',
    });
    await t.database.db.insert(pulseAnswers).values({ quarter: '2026-Q4', score: 2 });
    const three = await pulse();
    expect(three.metric.current.value).toBe(66.7);
    expect(three.metric.meets).toBe(false);
    expect(three.metric.trend.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('exports every record as CSV', async () => {
    const res = await get('/api/v1/metrics.csv?weeks=4');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv/);
    const rows = parse(res.body) as string[][];
    expect(rows[0]).toEqual(['metric', 'current', 'target', 'record', 'date', 'counted', 'detail']);
    // Both flagged by now: the first by its survey answer (above).
    expect(rows.filter((r) => r[0] === 'Stakeholder surprise score').map((r) => [r[3], r[5]])).toEqual([
      ['Usage-based billing', 'yes'],
      ['SCIM provisioning', 'yes'],
    ]);
  });

  it('takes the baseline from a date Product Ops picks, and back from the first weeks when it is cleared', async () => {
    const admin = await signedIn(t.database.db, ['admin']);
    const settings = (await get<{ settings: TSettings }>('/api/v1/settings', admin)).json().settings;
    const put = (metricsBaselineFrom: string | null) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/v1/settings',
        headers: admin.headers,
        payload: { ...settings, thresholds: { ...settings.thresholds, metricsBaselineFrom } },
      });
    const surprise = async () =>
      (await get<TMetricList>('/api/v1/metrics?weeks=4')).json().metrics.find((m) => m.key === 'surprise')!;
    // Both launches surprised someone by now (Sales said so of the first, above).
    const firstWeeks = '100% (2 of 2 Tier 2/3 launches in the first weeks, 2026-W49 to 2026-W50)';
    expect((await surprise()).baseline?.text).toBe(firstWeeks);
    const bad = await put('next week');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('thresholds.metricsBaselineFrom');
    // 2026-12-09 is in 2026-W50: only the launch told late is in the four weeks from it.
    expect((await put('2026-12-09')).statusCode).toBe(200);
    expect((await surprise()).baseline).toEqual({
      value: 100,
      text: '100% (1 of 1 Tier 2/3 launch in the weeks from 2026-12-09 (the baseline date), 2026-W50 to 2026-W53)',
    });
    expect((await put(null)).statusCode).toBe(200);
    expect((await surprise()).baseline?.text).toBe(firstWeeks);
  });

  it('is the product org’s: a stakeholder is refused; an unknown metric or window is named', async () => {
    expect((await get('/api/v1/metrics', sales)).status).toBe(403);
    expect((await get('/api/v1/metrics/surprise', sales)).status).toBe(403);
    expect((await get('/api/v1/metrics.csv', sales)).status).toBe(403);
    const bad = await get('/api/v1/metrics/happiness');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('key');
    expect((await get('/api/v1/metrics?weeks=1')).body).toContain('weeks');
  });
});

describe('the bug backlog control', () => {
  it('counts open bugs older than the limit at each week’s end, N days within the limit and N + 1 over', async () => {
    // Default limit: 7 days. Today is Wed 16 Dec 2026.
    const bug = (externalId: string, openedOn: string, closedAt: string | null = null) =>
      t.database.db.insert(bugs).values({
        source: 'insights',
        externalId,
        title: `Bug ${externalId}`,
        openedOn,
        lastReportedAt: new Date(`${openedOn}T12:00:00Z`),
        state: closedAt ? 'closed' : 'open',
        closedAt: closedAt ? new Date(closedAt) : null,
        closedReason: closedAt ? 'fixed' : null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
    await bug('at-limit', '2026-12-09'); // 7 days: within
    await bug('over', '2026-12-08'); // 8 days: over
    await bug('fixed', '2026-11-01', '2026-12-08T12:00:00Z'); // over until it was fixed on 8 Dec
    const res = await get<TMetricDetail>('/api/v1/metrics/bug_backlog?weeks=4');
    const m = res.json().metric;
    expect(m.current).toEqual({ value: 1, text: '1 open bug older than 7 days; the oldest open 8 days' });
    expect(m.meets).toBe(false);
    expect(m.trend.map((p) => [p.period, p.value])).toEqual([
      ['2026-W48', 1],
      ['2026-W49', 1],
      ['2026-W50', 0],
      ['2026-W51', 1],
    ]);
    expect(res.json().records.map((r) => r.label)).toEqual(['Bug over']);
  });
});

describe('gate overrides in the metrics', () => {
  it('lists each override granted in the weeks shown, with who, why and until when', async () => {
    await t.database.db.insert(releaseGateOverrides).values({
      releaseId: ids.late,
      checkId: 'sign_offs',
      reason: 'Support signed off in the meeting',
      byLabel: 'Hana Okafor',
      expiresAt: new Date('2026-12-20T12:00:00Z'),
      createdAt: new Date('2026-12-09T12:00:00Z'),
    });
    const res = await get<TMetricDetail>('/api/v1/metrics/gate_overrides?weeks=4');
    expect(res.json().metric.current.value).toBe(1);
    expect(res.json().metric.trend.map((p) => p.value)).toEqual([0, 0, 1, 0]);
    expect(res.json().records).toEqual([
      expect.objectContaining({
        label: expect.stringMatching(/^SCIM provisioning: /),
        date: '2026-12-09',
        detail: 'by Hana Okafor, until 2026-12-20: “Support signed off in the meeting”',
      }),
    ]);
  });
});
