import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import type { TFeed } from '../../shared/feed.ts';
import type { TRoadmapView } from '../../shared/roadmap.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { createContext } from '../context.ts';
import { updateSettings } from '../org/settings.ts';
import { releaseBundle, saveBundle } from '../releases/bundle.ts';
import { createRelease, getRelease, updateRelease } from '../releases/releases.ts';
import { createRoadmapItem, markRatified } from '../roadmap/item-writes.ts';
import { publishView } from '../roadmap/publish.ts';
import { publishedView } from '../roadmap/view.ts';
import { buildFeed } from './feed.ts';

/** Issue 17, part 2: the feed's months are the org's, and the feed, the roadmap view and the release agree. */
let d: TestDatabase;
const actor = systemActor('test');
const at = new Date('2026-11-30T23:30:00Z'); // Monday evening in New York, Tuesday 1 December in Berlin
let areaId: string;
const ids: Record<string, string> = {};

const feedAt = async (timeZone: string, now: Date): Promise<TFeed> => {
  await updateSettings({ db: d.db, actor, settings: { ...DEFAULT_SETTINGS, timeZone }, now });
  const ctx = createContext({ db: d.db, actor: null, now });
  return buildFeed(ctx, { months: 2, readerFunction: 'sales' });
};
const titlesIn = (f: TFeed, when: string) =>
  f.months.find((m) => m.when === when)?.entries.map((e) => e.title);

beforeAll(async () => {
  d = await createTestDb();
  const pm = (await makePerson(d.db, { roles: ['pm'] })).id;
  areaId = (await makeArea(d.db, { name: 'Billing', ownerPmId: pm })).id;
  const release = async (title: string, targetDate: string) =>
    (await createRelease({ db: d.db, actor, now: at, input: { title, tier: 2, targetDate, areaId } })).id;
  ids.monday = await release('Monday launch', '2026-11-30');
  ids.tuesday = await release('Tuesday launch', '2026-12-01');
  for (const id of [ids.monday, ids.tuesday]) {
    await saveBundle({
      db: d.db,
      actor,
      now: at,
      releaseId: id,
      input: { sections: { what_changed: 'Words' } },
    });
    await releaseBundle({ db: d.db, actor, now: at, releaseId: id, stage: 'distribution' });
  }
  const item = await createRoadmapItem({
    db: d.db,
    actor,
    now: at,
    input: {
      title: 'Reminders',
      summary: 'Invoice reminders',
      areaId,
      confidence: 'high',
      earliest: '2026-11-23',
      latest: '2026-12-18',
      releaseIds: [ids.tuesday],
    },
  });
  ids.item = item.id;
  await markRatified(d.db, item.id, 1, at);
  await publishView({ db: d.db, actor, now: at });
});
afterAll(() => d.close());

describe('buildFeed', () => {
  it('groups by month in the org’s time zone: one instant, November in New York, December in Berlin', async () => {
    const ny = await feedAt('America/New_York', at);
    expect(ny.today).toBe('2026-11-30');
    expect(ny.months.find((m) => m.when === 'current')?.label).toBe('November 2026');
    expect(titlesIn(ny, 'current')).toEqual(['Monday launch']);
    expect(titlesIn(ny, 'upcoming')).toEqual(['Tuesday launch']);
    const berlin = await feedAt('Europe/Berlin', at);
    expect(berlin.today).toBe('2026-12-01');
    expect(berlin.months.find((m) => m.when === 'current')?.label).toBe('December 2026');
    expect(titlesIn(berlin, 'current')).toEqual(['Tuesday launch']);
    // Monday's launch is now a past target nobody launched: not news, neither upcoming nor launched.
    expect(berlin.months.flatMap((m) => m.entries).map((e) => e.title)).not.toContain('Monday launch');
  });

  it('a launch: the release, the published roadmap view and the feed all say it shipped', async () => {
    const later = new Date('2026-12-01T15:00:00Z');
    await updateRelease({ db: d.db, actor, now: later, id: ids.tuesday!, patch: { status: 'launched' } });
    const f = await feedAt('America/New_York', later);
    const entry = f.months.flatMap((m) => m.entries).find((e) => e.title === 'Tuesday launch')!;
    expect(entry).toMatchObject({
      statusText: 'Launched',
      dateText: 'Launched 1 Dec 2026',
      roadmapItems: [{ title: 'Reminders', statusText: 'Shipped' }],
    });
    expect((await getRelease(d.db, ids.tuesday!))?.status).toBe('launched');
    const view = (await publishedView(d.db))!.json as TRoadmapView;
    expect(view.items.find((i) => i.id === ids.item)?.status).toBe('shipped');
  });
});
