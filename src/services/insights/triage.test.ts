import { and, asc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { outbox, ritualOccurrences, rituals } from '../../db/schema/index.ts';
import type { ParsedRow } from '../../integrations/importers/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { publishDigest } from './digest.ts';
import { ingestFeedback } from './ingest.ts';
import { disposeRouting, escalateUnresolved, listRoutings, runWeeklyTriage } from './triage.ts';

let d: TestDatabase;
const ops = systemActor('ops');
const ids = { maya: '', aisha: '', billing: '', reporting: '' };

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
    const later = new Date(Date.now() + 8 * 86_400_000);
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
    const { routings } = await runWeeklyTriage({ db: d.db, actor: ops, week: '2026-W46' });
    const pricing = routings.find((r) => r.theme === 'pricing')!;
    await disposeRouting({ db: d.db, actor: ops, id: pricing.id, input: { disposition: 'backlog' } });
    const digest = await publishDigest({ db: d.db, actor: ops, month: '2026-11' });
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
