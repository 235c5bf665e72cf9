import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { outbox } from '../../db/schema/index.ts';
import type { ParsedRow } from '../../integrations/importers/index.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import type { AppError } from '../../shared/errors.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { type Actor, systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { DEMO_AREAS } from '../setup/demo.ts';
import { ingestFeedback } from './ingest.ts';
import { correctInsight, listInsights } from './items.ts';
import { assignRouting, listRoutings, runWeeklyTriage } from './triage.ts';

/**
 * Issue 13, finding 7: on a fresh org an item lands in the area its words name (from the areas' names and
 * descriptions, then from corrections), and a theme nobody owns goes to Product Ops to assign.
 */
let d: TestDatabase;
const ops = systemActor('ops');
const NOW = new Date('2026-11-16T14:00:00Z'); // Monday of 2026-W47
const areaIds = new Map<string, string>();
const people = { maya: '', priya: '', nora: '' };
let n = 0;

async function ingest(items: { title: string; body?: string; day?: number }[]) {
  async function* rows(): AsyncIterable<ParsedRow> {
    for (const x of items) {
      n += 1;
      yield {
        line: n,
        item: {
          externalId: `t-${n}`,
          title: x.title,
          body: x.body ?? '',
          occurredAt: `2026-11-${String(x.day ?? 14).padStart(2, '0')}T15:00:00.000Z`,
          customer: null,
          segment: null,
          evidenceType: null,
          severityHint: null,
          kindHint: null,
          tags: [],
          url: null,
        },
      };
    }
  }
  await ingestFeedback({
    db: d.db,
    actor: ops,
    source: 'support',
    format: 'api',
    fileName: 't',
    rows: rows(),
    now: NOW,
  });
  const { items: all } = await listInsights(d.db, { limit: 200 });
  return items.map((x) => all.find((i) => i.title === x.title)!);
}

beforeAll(async () => {
  d = await createTestDb({ now: NOW });
  const maya = await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' });
  const nora = await makePerson(d.db, { roles: ['pm'], name: 'Nora Lind' });
  const priya = await makePerson(d.db, { roles: ['product_ops'], name: 'Priya Shah' });
  Object.assign(people, { maya: maya.id, nora: nora.id, priya: priya.id });
  const owners: Record<string, string> = { billing: maya.id, 'admin-security': nora.id };
  // Areas named and described like the demo's; Search has no PM yet.
  for (const a of DEMO_AREAS) {
    const area = await makeArea(d.db, {
      ...a,
      ownerPmId: a.slug === 'search' ? null : (owners[a.slug] ?? maya.id),
    });
    areaIds.set(a.slug, area.id);
  }
});
afterAll(() => d.close());

describe('area words on a fresh org', () => {
  it('puts "invoice" in Billing and "SCIM" in Admin & Security from the areas\' descriptions', async () => {
    const [invoice, scim] = await ingest([
      { title: 'Wrong amount on my invoice', body: 'The invoice for October shows the old amount.' },
      { title: 'SCIM provisioning stopped', body: 'New hires from Okta are not created any more via SCIM.' },
    ]);
    expect(invoice?.areaName).toBe('Billing');
    expect(scim?.areaName).toBe('Admin & Security');
  });

  it('learns an area from a correction: the distinctive words of the item strengthen it', async () => {
    const [okta] = await ingest([{ title: 'Okta group rules fail', body: 'Okta group rules drop members.' }]);
    expect(okta?.areaId).toBeNull();
    const nora: Actor = { personId: people.nora, label: 'Nora Lind', roles: ['pm'] };
    await correctInsight({
      db: d.db,
      actor: nora,
      id: okta!.id,
      patch: { areaId: areaIds.get('admin-security')! },
      now: NOW,
    });
    const [next] = await ingest([
      { title: 'Okta group rules again', body: 'Our Okta group rules are broken.' },
    ]);
    expect(next?.areaName).toBe('Admin & Security');
  });

  it('lets the words listed in settings win over the guessed ones', async () => {
    await updateSettings({
      db: d.db,
      actor: ops,
      settings: {
        ...DEFAULT_SETTINGS,
        insights: { ...DEFAULT_SETTINGS.insights, areaKeywords: { payments: ['invoice'] } },
      },
      now: NOW,
    });
    const [listed] = await ingest([{ title: 'Invoice question', body: 'Where do I see the invoice?' }]);
    expect(listed?.areaName).toBe('Payments');
    await updateSettings({ db: d.db, actor: ops, settings: DEFAULT_SETTINGS, now: NOW });
  });
});

describe('a theme nobody owns', () => {
  it('goes to Product Ops to assign, and Product Ops gives it an area and its PM', async () => {
    // Feature requests with no area word, and slow searches in Search (an area without a PM).
    await ingest([
      ...Array.from({ length: 6 }, (_, i) => ({
        title: `Please add dark mode ${i}`,
        body: 'Would be great to have a dark theme.',
        day: 12 + (i % 3),
      })),
      ...Array.from({ length: 4 }, (_, i) => ({
        title: `Filters slow ${i}`,
        body: 'Saved searches and filters are slow, takes forever.',
        day: 13,
      })),
    ]);
    const { routings } = await runWeeklyTriage({ db: d.db, actor: ops, week: '2026-W47', now: NOW });
    const gap = routings.find((r) => r.theme === 'feature-gap')!;
    expect(gap).toMatchObject({ areaId: null, ownerId: null, needsOwner: true });
    const perf = routings.find((r) => r.theme === 'performance')!;
    expect(perf).toMatchObject({ areaName: 'Search', ownerId: null, needsOwner: true });
    const asked = await d.db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'insights.routing'),
          eq(outbox.channel, 'inbox'),
          eq(outbox.personId, people.priya),
        ),
      );
    const titles = asked.map((o) => (o.message as OutgoingMessage).title);
    expect(titles).toContain(`Theme needs an owner: Feature gap (#${gap.rank} this week)`);
    expect((asked[0]!.message as OutgoingMessage).link?.url).toMatch(/^\/insights\/routings\//);

    // An area without a PM cannot take it unless a PM is named; Billing's PM takes it by default.
    await expect(
      assignRouting({
        db: d.db,
        actor: ops,
        id: gap.id,
        input: { areaId: areaIds.get('search')! },
        now: NOW,
      }),
    ).rejects.toSatisfy((e: AppError) => e.fields?.[0]?.path === 'ownerId');
    const assigned = await assignRouting({
      db: d.db,
      actor: ops,
      id: gap.id,
      input: { areaId: areaIds.get('billing')! },
      now: NOW,
    });
    expect(assigned).toMatchObject({ areaName: 'Billing', ownerId: people.maya, needsOwner: false });
    const told = await d.db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'insights.routing'),
          eq(outbox.channel, 'inbox'),
          eq(outbox.personId, people.maya),
        ),
      );
    expect(told.map((o) => (o.message as OutgoingMessage).title)).toContain(
      `Insight routed to you: Feature gap (#${gap.rank} this week)`,
    );
    expect((await listRoutings(d.db, { id: gap.id }))[0]?.needsOwner).toBe(false);
  });
});
