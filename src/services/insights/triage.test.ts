import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import {
  artifactVersions,
  outbox,
  ritualOccurrences,
  rituals,
  scheduledActions,
} from '../../db/schema/index.ts';
import type { ParsedRow } from '../../integrations/importers/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { publishDigest } from './digest.ts';
import { ingestFeedback } from './ingest.ts';
import { planInsights } from './plan.ts';
import { disposeRouting, escalateUnresolved, listRoutings, runWeeklyTriage } from './triage.ts';

let d: TestDatabase;
const ops = systemActor('ops');
const ids = { maya: '', aisha: '', billing: '', reporting: '' };
/** When the feedback came in: the Sunday before the week the triage runs. */
const INGESTED = new Date('2026-11-15T10:00:00Z');

async function* items(specs: [number, string, string, string][]): AsyncIterable<ParsedRow> {
  let n = 0;
  for (const [count, title, body, priority] of specs)
    for (let i = 0; i < count; i += 1) {
      n += 1;
      yield {
        line: n,
        item: {
          externalId: `${title}-${i}`,
          title,
          body: `${body} (case ${i})`,
          occurredAt: `2026-11-${String(10 + (i % 6)).padStart(2, '0')}T15:00:00.000Z`,
          customer: null,
          segment: i % 2 ? 'enterprise' : 'smb',
          evidenceType: null,
          severityHint: priority,
          kindHint: null,
          tags: [],
          url: null,
        },
      };
    }
}

beforeAll(async () => {
  d = await createTestDb();
  const maya = await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' });
  const aisha = await makePerson(d.db, { roles: ['pm'], name: 'Aisha Bello' });
  ids.maya = maya.id;
  ids.aisha = aisha.id;
  ids.billing = (await makeArea(d.db, { name: 'Billing', slug: 'billing', ownerPmId: maya.id })).id;
  ids.reporting = (await makeArea(d.db, { name: 'Reporting', slug: 'reporting', ownerPmId: aisha.id })).id;
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: {
      ...DEFAULT_SETTINGS,
      insights: {
        ...DEFAULT_SETTINGS.insights,
        areaKeywords: { billing: ['invoice', 'charged'], reporting: ['dashboard', 'report'] },
      },
    },
    now: INGESTED,
  });
  await ingestFeedback({
    db: d.db,
    actor: ops,
    source: 'support',
    format: 'api',
    fileName: 'test',
    rows: items([
      [20, 'Charged twice', 'We were charged twice on our invoice, please refund', 'urgent'],
      [8, 'Invoice page slow', 'The invoice page is slow and takes forever to load', 'normal'],
      [8, 'Dashboard slow', 'The dashboard is slow, it takes forever to load', 'normal'],
    ]),
    now: INGESTED,
  });
});
afterAll(() => d.close());

describe('weekly triage, dispositions and the monthly digest', () => {
  it('routes the top themes to the owning PMs with evidence, flags cross-area ones, and routes once', async () => {
    const first = await runWeeklyTriage({
      db: d.db,
      actor: ops,
      week: '2026-W46',
      now: new Date('2026-11-16T14:00:00Z'),
    });
    const byTheme = new Map(first.routings.map((r) => [r.theme, r]));
    expect(first.routings[0]).toMatchObject({
      theme: 'pricing',
      rank: 1,
      ownerId: ids.maya,
      areaName: 'Billing',
    });
    expect(first.routings[0]!.evidence.volume).toBe(20);
    expect(byTheme.get('performance')?.crossArea.sort()).toEqual([ids.billing, ids.reporting].sort());
    const told = await d.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'insights.routing'), eq(outbox.channel, 'inbox')));
    const toMaya = told.find((o) => o.personId === ids.maya)!.message as OutgoingMessage;
    expect(toMaya.title).toBe('Insight routed to you: Pricing (#1 this week)');
    expect(toMaya.sections?.[0]?.markdown).toContain('- Volume: 20');

    const again = await runWeeklyTriage({
      db: d.db,
      actor: ops,
      week: '2026-W46',
      now: new Date('2026-11-16T15:00:00Z'),
    });
    expect(again.routed).toEqual([]);
    expect(again.routings).toHaveLength(first.routings.length);
  });

  it('escalates an unresolved high-severity routing to the next Monthly Insights Review, once', async () => {
    const later = new Date('2026-11-24T12:00:00Z'); // 8 days after the routing of Monday 16 Nov
    const [next] = await d.db
      .select({ id: ritualOccurrences.id })
      .from(ritualOccurrences)
      .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
      .where(and(eq(rituals.slug, 'insights-review'), gt(ritualOccurrences.startsAt, later)))
      .orderBy(asc(ritualOccurrences.startsAt))
      .limit(1);
    expect(next).toBeDefined();
    const escalated = await escalateUnresolved(d.db, later);
    expect(escalated).toHaveLength(1); // pricing: all urgent; performance is not high severity
    expect(await escalateUnresolved(d.db, later)).toEqual([]);
    const [routing] = await listRoutings(d.db, { id: escalated[0] });
    expect(routing).toMatchObject({ theme: 'pricing', escalatedOccurrenceId: next!.id });
    const [notes] = await d.db.select().from(ritualOccurrences).where(eq(ritualOccurrences.id, next!.id));
    expect(notes!.notes).toContain('Escalated: pricing (routed 2026-W46, no decision yet)');
  });

  it('publishes the digest with evidence, owner and decision path, delivered theme by theme', async () => {
    const { routings } = await runWeeklyTriage({
      db: d.db,
      actor: ops,
      week: '2026-W46',
      now: INGESTED,
    });
    const pricing = routings.find((r) => r.theme === 'pricing')!;
    await disposeRouting({
      db: d.db,
      actor: ops,
      id: pricing.id,
      input: { disposition: 'backlog' },
      now: INGESTED,
    });
    const digest = await publishDigest({ db: d.db, actor: ops, month: '2026-11', now: INGESTED });
    expect(digest.version).toBe(1);
    expect(digest.markdown).toContain('# Monthly Insights Digest — 2026-11');
    expect(digest.markdown).toContain('## 1. Pricing');
    expect(digest.markdown).toContain('- **Owner:** Maya Chen (Billing)');
    expect(digest.markdown).toContain('- **Decision path:** Added to the backlog');
    const [sent] = await d.db.select().from(outbox).where(eq(outbox.kind, 'insights_digest')).limit(1);
    const message = sent!.message as OutgoingMessage;
    expect(message.sections?.[0]).toMatchObject({ heading: '1. Pricing' });
    expect(message.sections?.map((s) => s.markdown).join('\n')).not.toMatch(/^\s*[>#]/m);
  });
});

describe('the weekly and monthly schedule', () => {
  it('plans the next Monday triage and the first-of-month digest at 09:00 org time, and runs them once', async () => {
    // Saturday 14 Nov 2026 (the test org keeps the default zone, UTC); planning twice adds nothing.
    await planInsights(d.db, new Date('2026-11-14T12:00:00Z'));
    await planInsights(d.db, new Date('2026-11-14T13:00:00Z'));
    const planned = await d.db
      .select({ key: scheduledActions.key, dueAt: scheduledActions.dueAt })
      .from(scheduledActions)
      .where(inArray(scheduledActions.kind, ['insights.triage', 'insights.digest']));
    expect(planned.map((a) => [a.key, a.dueAt.toISOString()]).sort()).toEqual([
      ['insights.digest:2026-11', '2026-12-01T09:00:00.000Z'],
      ['insights.triage:2026-W47', '2026-11-16T09:00:00.000Z'],
    ]);
    // The clock reaches each action's instant: Monday's triage, then the digest on the 1st.
    const clock = manualClock('2026-11-16T08:59:00Z');
    const run = () => runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock, instance: 'test' });
    await run(); // what came due before (the intake's Polish Mode check)
    clock.set('2026-11-16T09:00:30Z');
    expect((await run()).ran).toBe(1);
    clock.set('2026-12-01T09:00:30Z');
    expect((await run()).ran).toBeGreaterThanOrEqual(1);
    expect((await run()).ran).toBe(0);
    expect((await listRoutings(d.db, { week: '2026-W47' })).length).toBeGreaterThan(0);
    const [digest] = await d.db
      .select()
      .from(artifactVersions)
      .where(and(eq(artifactVersions.kind, 'insights_digest'), eq(artifactVersions.key, '2026-11')))
      .orderBy(desc(artifactVersions.version))
      .limit(1);
    expect(digest?.publishedBy).toBe('prodops (monthly digest)');
  });
});
