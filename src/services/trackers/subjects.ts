import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, releases, roadmapItems } from '../../db/schema/index.ts';
import type { SubjectFacts } from '../../domain/trackers/differences.ts';
import type { TTrackerSubject } from '../../shared/trackers.ts';

/** What a link hangs on, as the tracker rules and messages need it (null: it no longer exists). */
export interface Subject {
  type: TTrackerSubject;
  id: string;
  title: string;
  areaId: string | null;
  /** Who hears about a difference besides Product Ops: the release's PM (else its area's), the item's area PM. */
  pmId: string | null;
  facts: SubjectFacts;
  url: string;
}

export async function loadSubject(db: Db, type: TTrackerSubject, id: string): Promise<Subject | null> {
  if (type === 'release') {
    const [r] = await db
      .select({ r: releases, areaOwner: areas.ownerPmId })
      .from(releases)
      .leftJoin(areas, eq(areas.id, releases.areaId))
      .where(eq(releases.id, id));
    if (!r) return null;
    return {
      type,
      id,
      title: r.r.title,
      areaId: r.r.areaId,
      pmId: r.r.pmOwnerId ?? r.areaOwner ?? null,
      facts: { type, targetDate: r.r.targetDate, status: r.r.status },
      url: `/releases/${id}`,
    };
  }
  const [i] = await db
    .select({ i: roadmapItems, areaOwner: areas.ownerPmId })
    .from(roadmapItems)
    .innerJoin(areas, eq(areas.id, roadmapItems.areaId))
    .where(eq(roadmapItems.id, id));
  if (!i) return null;
  const s = i.i.state;
  return {
    type,
    id,
    title: s.title,
    areaId: i.i.areaId,
    pmId: i.areaOwner ?? null,
    facts: { type, earliest: s.earliest, latest: s.latest, status: s.status },
    url: `/roadmap/items/${id}`,
  };
}
