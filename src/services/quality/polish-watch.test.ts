import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson, makePod } from '../../../test/factories.ts';
import { insightItems, outbox, scheduledActions } from '../../db/schema/index.ts';
import type { ParsedRow } from '../../integrations/importers/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { ingestFeedback } from '../insights/ingest.ts';
import { correctInsight } from '../insights/items.ts';
import { updateSettings } from '../org/settings.ts';
import { createWebhook } from '../webhooks/subscriptions.ts';
import { POLISH_CHECK } from './polish-check.ts';
import { POLISH_MODE_KIND, watchPolishMode } from './polish-watch.ts';

/**
 * Issue 18: support tickets taken in put an area in Polish Mode within the minute — the pod, its PM, the Head of
 * Product and polish_mode.* webhooks hear of it then, not at the next night's daily plan — and only once.
 */
let d: TestDatabase;
const ops = systemActor('ops');
const clock = manualClock('2026-12-10T12:00:20Z');
const ids = { billing: '', reports: '', maya: '', eng: '', head: '' };

const TEXT = {
  billingConfused: 'How do I find where the invoice settings are? I am confused, nothing says where',
  billingBroken: 'The invoice page crashes with error 500 every time',
  exportsBroken: 'The spreadsheet download crashes with error 500 every time',
  reportsConfused: 'Where is the dashboard filter? I cannot find it',
  reportsBroken: 'The dashboard crashes with error 500 every time',
};

async function* tickets(key: string, specs: { day: string; n: number; text: string; kind: string }[]) {
  let line = 0;
  for (const s of specs)
    for (let i = 0; i < s.n; i++)
      yield {
        line: ++line,
        item: {
          externalId: `${key}-${s.day}-${s.kind}-${i}`,
          title: s.text,
          body: `${s.text} (case ${i})`,
          occurredAt: `${s.day}T10:00:00.000Z`,
          customer: `Customer ${i}`,
          segment: null,
          evidenceType: null,
          severityHint: null,
          kindHint: s.kind,
          tags: [],
          url: null,
        },
      } satisfies ParsedRow;
}

const takeIn = (source: string, key: string, specs: Parameters<typeof tickets>[1]) =>
  ingestFeedback({
    db: d.db,
    actor: ops,
    source,
    format: 'api',
    fileName: key,
    rows: tickets(key, specs),
    now: clock.now(),
  });

/** The checks scheduled in the minute of `at` (each test has minutes of its own). */
const checksIn = (at: string) =>
  d.db
    .select()
    .from(scheduledActions)
    .where(eq(scheduledActions.key, `${POLISH_CHECK}:${Math.floor(Date.parse(at) / 60_000)}`));
const runActions = () => runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock, instance: 'test' });
const told = async (areaId: string) =>
  (await d.db.select().from(outbox)).filter(
    (r) => r.kind === POLISH_MODE_KIND && r.ref === areaId && r.channel === 'inbox',
  );
const hooks = async (areaId: string) =>
  (await d.db.select().from(outbox).where(eq(outbox.channel, 'webhook')))
    .map((r) => (r.message as OutgoingMessage).webhook!)
    .filter((w) => w.event.startsWith('polish_mode'))
    .filter((w) => (w.body.data as { area: { id: string } }).area.id === areaId);

beforeAll(async () => {
  d = await createTestDb();
  ids.maya = (await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' })).id;
  ids.billing = (await makeArea(d.db, { name: 'Billing', slug: 'billing', ownerPmId: ids.maya })).id;
  ids.eng = (await makePerson(d.db, { roles: ['engineer'], name: 'Ravi Rao' })).id;
  ids.reports = (await makeArea(d.db, { name: 'Reports', slug: 'reports', ownerPmId: ids.maya })).id;
  await makeArea(d.db, { name: 'Exports', slug: 'exports' });
  ids.head = (await makePerson(d.db, { roles: ['head_of_product'], name: 'Hana Okafor' })).id;
  await makePod(d.db, { areaId: ids.billing, members: [{ personId: ids.eng, role: 'engineer' }] });
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: {
      ...DEFAULT_SETTINGS,
      insights: {
        ...DEFAULT_SETTINGS.insights,
        areaKeywords: { billing: ['invoice'], reports: ['dashboard'], exports: ['spreadsheet'] },
      },
      thresholds: { ...DEFAULT_SETTINGS.thresholds, confusedCustomerMinTickets: 5 },
    },
    now: clock.now(),
  });
  await createWebhook({
    db: d.db,
    actor: ops,
    input: {
      url: 'https://hooks.example.com/quality',
      description: '',
      events: ['polish_mode.entered', 'polish_mode.left'],
      active: true,
    },
    now: clock.now(),
  });
}, 120_000);
afterAll(() => d.close());

describe('Polish Mode as tickets come in', () => {
  it('enters within the minute of the intake that crossed the threshold, told once', async () => {
    // Two intakes in one minute (bug reports, then confused customers): one check, at the minute's end.
    clock.set('2026-12-10T12:00:20Z');
    await takeIn('support', 'a', [{ day: '2026-12-09', n: 2, text: TEXT.billingBroken, kind: 'bug' }]);
    clock.set('2026-12-10T12:00:40Z');
    await takeIn('support', 'b', [
      { day: '2026-12-10', n: 3, text: TEXT.billingConfused, kind: 'confusion' },
    ]);
    const [check, ...more] = await checksIn('2026-12-10T12:00:00Z');
    expect(more).toEqual([]);
    expect(check!.dueAt.toISOString()).toBe('2026-12-10T12:01:00.000Z');
    expect(await told(ids.billing)).toEqual([]);

    clock.set('2026-12-10T12:01:00Z');
    await runActions();
    const inbox = await told(ids.billing);
    expect(inbox.map((r) => r.personId).sort()).toEqual([ids.maya, ids.eng, ids.head].sort());
    expect(inbox[0]!.message).toMatchObject({ title: 'Billing is in Polish Mode' });
    const [hook, ...others] = await hooks(ids.billing);
    expect(others).toEqual([]);
    expect(hook).toMatchObject({
      event: 'polish_mode.entered',
      body: { data: { area: { name: 'Billing' }, figure: { pct: 60, confused: 3, tickets: 5 } } },
    });

    // The hourly look, another intake's check: nobody is told twice.
    clock.set('2026-12-10T13:05:00Z');
    const hourly = await watchPolishMode(d.db, clock.now());
    expect(hourly.entered).not.toContain('Billing');
    await takeIn('support', 'c', [
      { day: '2026-12-10', n: 1, text: TEXT.billingConfused, kind: 'confusion' },
    ]);
    clock.set('2026-12-10T13:06:00Z');
    await runActions();
    expect(await told(ids.billing)).toHaveLength(3);
    expect(await hooks(ids.billing)).toHaveLength(1);
  });

  it('schedules one check for an import of many batches, and none for tickets that are not support', async () => {
    clock.set('2026-11-02T08:00:10Z');
    await takeIn('community', 'forum', [{ day: '2026-11-01', n: 30, text: TEXT.exportsBroken, kind: 'bug' }]);
    expect(await checksIn('2026-11-02T08:00:10Z')).toEqual([]);
    // 4,500 rows: three batches of the import, each its own transaction; one check, written at the end.
    const result = await takeIn('support', 'bulk', [
      { day: '2026-11-01', n: 4500, text: TEXT.exportsBroken, kind: 'bug' },
    ]);
    expect(result.inserted).toBe(4500);
    expect(await checksIn('2026-11-02T08:00:10Z')).toHaveLength(1);
    // The same file again adds nothing, so there is nothing to look at.
    clock.set('2026-11-02T08:05:10Z');
    await takeIn('support', 'bulk', [{ day: '2026-11-01', n: 4500, text: TEXT.exportsBroken, kind: 'bug' }]);
    expect(await checksIn('2026-11-02T08:05:10Z')).toEqual([]);
  }, 120_000);

  it("a correction of a ticket's kind that crosses the threshold is told within the minute", async () => {
    // Reports: 1 confused of 5 is 20%, at the threshold, not above it.
    clock.set('2026-12-20T09:00:00Z');
    await takeIn('support', 'r', [
      { day: '2026-12-19', n: 1, text: TEXT.reportsConfused, kind: 'confusion' },
      { day: '2026-12-19', n: 4, text: TEXT.reportsBroken, kind: 'bug' },
    ]);
    clock.set('2026-12-20T09:01:00Z');
    await runActions();
    expect(await hooks(ids.reports)).toEqual([]);

    const [item] = await d.db
      .select()
      .from(insightItems)
      .where(eq(insightItems.externalId, 'r-2026-12-19-bug-0'));
    clock.set('2026-12-20T09:30:00Z');
    await correctInsight({
      db: d.db,
      actor: ops,
      id: Number(item!.id),
      patch: { kind: 'confusion' },
      now: clock.now(),
    });
    expect(await checksIn('2026-12-20T09:30:00Z')).toHaveLength(1);
    clock.set('2026-12-20T09:31:00Z');
    await runActions();
    expect((await hooks(ids.reports)).map((h) => h.event)).toEqual(['polish_mode.entered']);
    expect(await told(ids.reports)).toHaveLength(2); // its PM and the Head of Product (it has no pod)
  });
});
