/**
 * A large roadmap (2,000 items across 8 areas, 10 versions each over 90 days) on the embedded database: how long
 * "what changed since", the Roadmap Review's generated agenda and the stakeholder view take, printed next to a
 * baseline measured in the same run (reading every version row once, which each of them has to do at least).
 * Run: npm run bench:roadmap  (BENCH_ITEMS=… to change the size)
 */
import { sql } from 'drizzle-orm';
import { openDatabase, runMigrations } from '../src/db/client.ts';
import { ritualOccurrences, rituals } from '../src/db/schema/index.ts';
import { systemActor } from '../src/services/actor.ts';
import { planAhead } from '../src/services/cadence/occurrences.ts';
import { createArea } from '../src/services/org/areas.ts';
import { ensureOrgDefaults } from '../src/services/org/defaults.ts';
import { whatChanged } from '../src/services/roadmap/changes.ts';
import { ratifiedStates } from '../src/services/roadmap/item-history.ts';
import { reviewBody } from '../src/services/roadmap/review-page.ts';
import { buildView } from '../src/services/roadmap/view.ts';
import { systemClock } from '../src/shared/clock.ts';
import type { TRoadmapItemState } from '../src/shared/roadmap.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 2_000);
const VERSIONS = 10;
const DAY = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Writes the items and their versions with plain INSERTs (seeding is not what is measured). */
async function seed(db: Awaited<ReturnType<typeof openDatabase>>['db'], areaIds: string[]) {
  const now = Date.now();
  for (let i = 0; i < ITEMS; i++) {
    const areaId = areaIds[i % areaIds.length]!;
    const start = now + ((i * 7) % 300) * DAY;
    const states: TRoadmapItemState[] = Array.from({ length: VERSIONS }, (_, v) => ({
      title: `Item ${i}`,
      summary: `What item ${i} does for customers`,
      customerNote: '',
      areaId,
      status: v < VERSIONS - 1 ? 'planned' : 'in_progress',
      confidence: (['high', 'medium', 'low'] as const)[(i + v) % 3]!,
      earliest: iso(start + v * 2 * DAY),
      latest: iso(start + (30 + v * 3) * DAY),
      visibility: i % 10 === 0 ? 'internal' : 'stakeholders',
      dependsOn: [],
      releaseIds: [],
      themes: [],
    }));
    const last = states[VERSIONS - 1]!;
    const [row] = (
      (await db.execute(sql`insert into roadmap_items (area_id, state, version, ratified_version)
        values (${areaId}, ${JSON.stringify(last)}::jsonb, ${VERSIONS}, ${VERSIONS - 2}) returning id`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    for (const [v, state] of states.entries()) {
      const at = new Date(now - (90 - v * 9) * DAY);
      await db.execute(sql`insert into roadmap_item_versions (item_id, version, state, changed_by, changed_at, note)
        values (${row!.id}, ${v + 1}, ${JSON.stringify(state)}::jsonb, 'bench', ${at.toISOString()}, ${v % 3 ? '' : 'why'})`);
    }
  }
}

async function time<T>(
  label: string,
  fn: () => Promise<T>,
  runs = 5,
): Promise<{ label: string; ms: number; out: T }> {
  let out: T = await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    out = await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { label, ms: samples[Math.floor(samples.length / 2)]!, out };
}

async function main() {
  const target = { kind: 'pglite' as const, dataDir: null };
  const database = await openDatabase(target);
  await runMigrations(target, database);
  const { db } = database;
  await ensureOrgDefaults(db, systemClock.now());
  const actor = systemActor('bench');
  const areaIds: string[] = [];
  for (let a = 0; a < 8; a++)
    areaIds.push((await createArea({ db, actor, input: { slug: `area-${a}`, name: `Area ${a}` } })).id);
  const t0 = performance.now();
  await seed(db, areaIds);
  console.log(
    `seeded ${ITEMS} items × ${VERSIONS} versions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await planAhead(db, systemClock.now());
  const [occ] = await db
    .select({ id: ritualOccurrences.id })
    .from(ritualOccurrences)
    .innerJoin(rituals, sql`${rituals.id} = ${ritualOccurrences.ritualId}`)
    .where(sql`${rituals.slug} = 'roadmap-review' and ${ritualOccurrences.startsAt} > now()`)
    .limit(1);
  const since = iso(Date.now() - 14 * DAY);

  const baseline = await time('baseline: read every version row', async () =>
    db.execute(sql`select item_id, version, state from roadmap_item_versions`),
  );
  const results = [
    await time(`what changed since ${since}`, () => whatChanged(db, since)),
    await time('Roadmap Review agenda (live)', () => reviewBody(db, occ!.id, systemClock.now())),
    await time('stakeholder view (draft)', async () =>
      buildView(db, await ratifiedStates(db), systemClock.now()),
    ),
  ];
  console.log(
    `\n${ITEMS} items, ${ITEMS * VERSIONS} versions, PGlite in memory; median of 5 runs after a warm-up`,
  );
  console.log(`${baseline.label.padEnd(40)} ${baseline.ms.toFixed(0).padStart(6)} ms`);
  for (const r of results)
    console.log(
      `${r.label.padEnd(40)} ${r.ms.toFixed(0).padStart(6)} ms  (${(r.ms / baseline.ms).toFixed(1)}× baseline)`,
    );
  const changes = (results[0]!.out as { changes: unknown[] }).changes.length;
  const agendaItems = (results[1]!.out as { areas: { items: unknown[] }[] }).areas.flatMap(
    (a) => a.items,
  ).length;
  const viewItems = (results[2]!.out as { items: unknown[] }).items.length;
  console.log(`(${changes} changes, ${agendaItems} items on the agenda, ${viewItems} items in the view)`);
  await database.close();
}

await main();
