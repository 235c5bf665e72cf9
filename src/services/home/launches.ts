import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { artifactVersions, roadmapItems } from '../../db/schema/index.ts';
import type { BundleSections } from '../../domain/releases/bundle.ts';
import type { TRoadmapView } from '../../shared/roadmap.ts';
import { ENABLEMENT_BUNDLE } from '../releases/bundle.ts';
import { listReleases, type ReleaseView } from '../releases/releases.ts';
import { shownItemsShipping } from '../roadmap/item-history.ts';
import { publishedView } from '../roadmap/view.ts';

/** Tier 2 and 3 launches reach customers; Tier 1 (internal, low) ones are not on the stakeholder homes. */
export const customerVisible = (r: ReleaseView): boolean =>
  (r.tier === 2 || r.tier === 3) && r.status !== 'rolled_back';

/** The customer-visible releases whose target date falls in [from, to], by date. */
export async function launchesBetween(db: Db, from: string, to: string): Promise<ReleaseView[]> {
  const { items } = await listReleases(db, { limit: 200, from, to });
  return items.filter(customerVisible);
}

/**
 * The sections of each release's latest bundle version as sent (distributed or published): what Sales and
 * Support were given, never the working draft.
 */
export async function sentBundleSections(db: Db, releaseIds: string[]): Promise<Map<string, BundleSections>> {
  if (!releaseIds.length) return new Map();
  const rows = await db
    .select({ key: artifactVersions.key, json: artifactVersions.json })
    .from(artifactVersions)
    .where(and(eq(artifactVersions.kind, ENABLEMENT_BUNDLE), inArray(artifactVersions.key, releaseIds)))
    .orderBy(desc(artifactVersions.version));
  const out = new Map<string, BundleSections>();
  for (const r of rows)
    if (!out.has(r.key))
      out.set(r.key, ((r.json as { sections?: BundleSections }).sections ?? {}) as BundleSections);
  return out;
}

/**
 * Releases that ship roadmap items, none of them shown to stakeholders (internal, or never ratified): Sales must
 * not hear of them. A release no item lists is judged by its tier alone.
 */
export async function internalOnly(db: Db, releaseIds: string[]): Promise<Set<string>> {
  if (!releaseIds.length) return new Set();
  const ids = sql`${sql.param(releaseIds)}::text[]`;
  const linked = await db
    .select({ releaseIds: sql<string[]>`${roadmapItems.state}->'releaseIds'` })
    .from(roadmapItems)
    .where(sql`${roadmapItems.state}->'releaseIds' ?| ${ids}`);
  const shown = new Set(
    (await shownItemsShipping(db, releaseIds)).flatMap((i) => [
      ...i.shown.releaseIds,
      ...i.workingReleaseIds,
    ]),
  );
  const wanted = new Set(releaseIds);
  return new Set(linked.flatMap((l) => l.releaseIds).filter((id) => wanted.has(id) && !shown.has(id)));
}

/**
 * What the published stakeholder roadmap view says of each release's item (its customer note, else its summary):
 * customer-safe words for a launch whose bundle has not gone out yet.
 */
export async function viewWords(db: Db): Promise<Map<string, string>> {
  const row = await publishedView(db);
  const out = new Map<string, string>();
  for (const item of (row?.json as TRoadmapView | undefined)?.items ?? []) {
    const words = item.customerNote.trim() || item.summary.trim();
    if (words) for (const r of item.releases) if (!out.has(r.id)) out.set(r.id, words);
  }
  return out;
}
