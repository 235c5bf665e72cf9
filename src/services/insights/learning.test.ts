import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { taggerModels } from '../../db/schema/index.ts';
import type { ParsedRow } from '../../integrations/importers/index.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { ACTION_HANDLERS } from '../../jobs/index.ts';
import { systemClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { ingestFeedback } from './ingest.ts';
import { correctInsight, listInsights } from './items.ts';
import { loadTagger } from './tagging.ts';

let d: TestDatabase;
const ops = systemActor('ops');

const TEXTS = [
  'The timeline export to PowerPoint only has the first slide',
  'Exporting the timeline to PowerPoint cuts off every slide after the first',
  'Our PowerPoint export of the timeline is missing slides',
  'Timeline to PowerPoint: slides two onwards are blank',
  'PowerPoint export drops all timeline slides except one',
  'The exported PowerPoint timeline only shows one slide',
  'Only one slide appears when I export the timeline to PowerPoint',
];

async function* rows(): AsyncIterable<ParsedRow> {
  for (const [i, body] of TEXTS.entries())
    yield {
      line: i + 1,
      item: {
        externalId: `ppt-${i}`,
        title: '',
        body,
        occurredAt: '2026-11-10T10:00:00.000Z',
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

beforeAll(async () => {
  d = await createTestDb();
  await ingestFeedback({
    db: d.db,
    actor: ops,
    source: 'support',
    format: 'api',
    fileName: 'test',
    rows: rows(),
    now: systemClock.now(),
  });
});
afterAll(() => d.close());

describe('the tagger learns from corrections', () => {
  it('retrains a minute after a burst of corrections, and the next similar item gets the corrected tags', async () => {
    const probe = {
      title: '',
      body: 'Exporting our timeline to PowerPoint loses the slides after the first one',
      segment: null,
      evidenceType: null,
      severityHint: null,
      kindHint: null,
    };
    expect((await loadTagger(d.db)).tag(probe).kind).not.toBe('complaint');
    const { items } = await listInsights(d.db, { limit: 50 });
    for (const item of items)
      await correctInsight({
        db: d.db,
        actor: ops,
        id: item.id,
        patch: { theme: 'feature-gap', kind: 'complaint' },
        now: systemClock.now(),
      });
    // One debounced retrain action for the whole burst; run it now instead of in a minute.
    const pending = await d.db.execute(
      sql`update scheduled_actions set due_at = now() where kind = 'insights.retrain' and status = 'pending' returning key`,
    );
    expect((pending as unknown as { rows: unknown[] }).rows.length).toBeGreaterThanOrEqual(1);
    await runDueActions({ db: d.db, handlers: ACTION_HANDLERS, clock: systemClock, instance: 'test' });
    const models = await d.db
      .select({ field: taggerModels.field, examples: taggerModels.examples })
      .from(taggerModels);
    expect(models.find((m) => m.field === 'kind')?.examples).toBe(TEXTS.length);
    // A single label is not enough for a theme model of its own: the theme words still decide.
    expect(models.find((m) => m.field === 'theme')).toBeUndefined();

    expect((await loadTagger(d.db)).tag(probe).kind).toBe('complaint');
  });
});
