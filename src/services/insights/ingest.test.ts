import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import { type IncomingItem, type ParsedRow, parseFeedback } from '../../integrations/importers/index.ts';
import { systemClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { updateSettings } from '../org/settings.ts';
import { copyWriter } from './copy-writer.ts';
import { ingestFeedback } from './ingest.ts';
import { correctInsight, listInsights } from './items.ts';
import { topThemes } from './themes.ts';

let d: TestDatabase;
const ops = systemActor('ops');

const rowsOf = async <T>(q: Promise<unknown>) => ((await q) as { rows: T[] }).rows;
const count = async (where = sql`true`) =>
  Number(
    (
      await rowsOf<{ n: string }>(d.db.execute(sql`select count(*) as n from insight_items where ${where}`))
    )[0]!.n,
  );
const dailyTotal = async () =>
  Number(
    (
      await rowsOf<{ n: string }>(d.db.execute(sql`select coalesce(sum(items), 0) as n from insight_daily`))
    )[0]!.n,
  );

function csvOf(n: number, from = 1): string {
  const lines = ['id,created_at,title,body,priority'];
  for (let i = from; i < from + n; i += 1) {
    const slow = i % 3 === 0;
    lines.push(
      `T-${i},2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z,` +
        (slow
          ? `"Dashboard is slow","The dashboard takes forever to load, order ${i}"`
          : `"Invoice charged twice","We were charged twice on invoice ${i}, please refund"`) +
        `,${i % 5 === 0 ? 'urgent' : 'normal'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `parallel` tags on a worker thread, as bulk file imports do. */
const ingest = (rows: AsyncIterable<ParsedRow>, parallel = false) =>
  ingestFeedback({
    db: d.db,
    actor: ops,
    source: 'support',
    format: 'csv',
    fileName: 'tickets.csv',
    rows,
    parallel,
    now: systemClock.now(),
  });
const parsed = (csv: string) => parseFeedback(Readable.from([csv]), { format: 'csv' });

beforeAll(async () => {
  d = await createTestDb();
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: systemClock.now(),
  });
  const maya = await makePerson(d.db, { roles: ['pm'] });
  await makeArea(d.db, { name: 'Billing', slug: 'billing', ownerPmId: maya.id });
});
afterAll(() => d.close());

describe('ingesting feedback', () => {
  it('tags, groups near-duplicates, keeps bad rows out with their line, and adds nothing the second time', async () => {
    const bad = 'T-bad,not a date,"Broken","Row with a bad date",normal\n';
    const file = csvOf(30) + bad;
    const first = await ingest(parsed(file));
    expect(first).toMatchObject({ read: 31, inserted: 30, alreadyThere: 0, bad: 1 });
    expect(first.errors).toEqual([{ line: 32, error: expect.stringContaining('created_at') }]);
    expect(await dailyTotal()).toBe(30);
    // "order 3" and "order 6" differ only by a number: one group.
    const groups = await rowsOf<{ n: string }>(
      d.db.execute(sql`select count(distinct dup_key) as n from insight_items`),
    );
    expect(Number(groups[0]!.n)).toBe(2);
    const slow = (await listInsights(d.db, { limit: 50, q: 'takes forever' })).items;
    expect(slow).toHaveLength(10);
    expect(slow.every((i) => i.theme === 'performance')).toBe(true);
    const urgent = (await listInsights(d.db, { limit: 50, severity: 'high' })).items;
    expect(urgent.length).toBeGreaterThanOrEqual(6);

    const again = await ingest(parsed(file));
    expect(again).toMatchObject({ read: 31, inserted: 0, alreadyThere: 30, bad: 1 });
    expect(await count()).toBe(30);
    expect(await dailyTotal()).toBe(30);
  });

  it('ends with every row exactly once when an import dies half-way and is run again', async () => {
    const file = csvOf(5000, 1000);
    async function* dies(): AsyncIterable<ParsedRow> {
      let n = 0;
      for await (const row of parsed(file)) {
        n += 1;
        if (n > 3000) throw new Error('killed');
        yield row;
      }
    }
    await expect(ingest(dies())).rejects.toThrow('killed');
    const afterCrash = await count(
      sql`external_id like 'T-%' and external_id not in (select 'T-' || g from generate_series(1, 30) g)`,
    );
    // Whole batches that were written before the crash are in; the rest died with the process.
    expect(afterCrash % 2000).toBe(0);
    expect(afterCrash).toBeLessThan(3000);
    const rerun = await ingest(parsed(file), true);
    expect(rerun).toMatchObject({ inserted: 5000 - afterCrash, alreadyThere: afterCrash });
    expect(await count()).toBe(5030);
    expect(await dailyTotal()).toBe(5030);
  });

  it('moves the daily counts and the near-duplicates with a correction', async () => {
    const [item] = (await listInsights(d.db, { limit: 1, q: 'takes forever' })).items;
    const { applied } = await correctInsight({
      db: d.db,
      actor: ops,
      id: item!.id,
      patch: { theme: 'reliability', kind: 'bug' },
      now: systemClock.now(),
    });
    expect(applied).toBeGreaterThan(1);
    const moved = (await listInsights(d.db, { limit: 500, groupId: item!.groupId! })).items;
    expect(moved.every((i) => i.theme === 'reliability' && i.correctedTags.includes('theme'))).toBe(true);
    expect(await dailyTotal()).toBe(5030);
    const { themes } = await topThemes(
      d.db,
      { from: '2026-11-01', to: '2026-11-30', days: 30, limit: 5 },
      systemClock.now(),
    );
    expect(themes.find((t) => t.theme === 'reliability')?.volume).toBe(applied);
    const stored = await rowsOf<{ field: string }>(
      d.db.execute(sql`select field from insight_corrections order by field`),
    );
    expect(stored.map((s) => s.field)).toEqual(['kind', 'theme']);
  });

  // Each bulk import starts a worker thread per core (tsx, the tagger's training): slow on a busy machine.
  it('bulk (tagged on every core, COPYed): a crash half-way and a re-run leave every row once, text intact', async () => {
    const odd =
      'T-odd,2026-11-03T10:00:00Z,"Tab\there, back\\slash","Line one\r\nline two \\N ""quoted""",urgent\n';
    const file = csvOf(5000, 20_000) + odd;
    // The database itself (not a transaction): bulk imports take the COPY path on it.
    const writer = await copyWriter(d.db, 'support', 'UTC');
    expect(writer).not.toBeNull();
    await writer!.close();
    const before = await count();
    const daily = await dailyTotal();
    async function* dies(): AsyncIterable<ParsedRow> {
      let n = 0;
      for await (const row of parsed(file)) {
        n += 1;
        if (n > 4500) throw new Error('killed');
        yield row;
      }
    }
    await expect(ingest(dies(), true)).rejects.toThrow('killed');
    const afterCrash = (await count()) - before;
    // The two whole batches read before the crash are in, the rest is not.
    expect(afterCrash).toBe(4000);
    const rerun = await ingest(parsed(file), true);
    expect(rerun).toMatchObject({
      read: 5001,
      inserted: 5001 - afterCrash,
      alreadyThere: afterCrash,
      bad: 0,
    });
    expect(await count()).toBe(before + 5001);
    expect(await dailyTotal()).toBe(daily + 5001);
    // What the importer handed over comes out of the database as it was: COPY's escapes round-trip.
    let handed: IncomingItem | undefined;
    for await (const r of parsed(`id,created_at,title,body,priority\n${odd}`))
      if ('item' in r) handed = r.item;
    expect(handed!.body).toContain('\\N');
    expect(handed!.body).toContain('\n');
    const [item] = (await listInsights(d.db, { limit: 1, q: 'back\\slash' })).items;
    expect(item).toMatchObject({
      externalId: 'T-odd',
      title: handed!.title,
      body: handed!.body,
      severity: 'high',
    });
    const imports = await rowsOf<{ inserted: number; already_there: number; rows_read: number }>(
      d.db.execute(
        sql`select inserted, already_there, rows_read from insight_imports where id = ${rerun.importId}`,
      ),
    );
    expect(imports[0]).toEqual({ inserted: 5001 - afterCrash, already_there: afterCrash, rows_read: 5001 });
  }, 180_000);
});
