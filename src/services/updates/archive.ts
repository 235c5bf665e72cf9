import { and, asc, desc, eq, ilike, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { artifactVersions, outbox } from '../../db/schema/index.ts';
import type { WeeklyUpdateJson } from '../../domain/updates/render.ts';
import type { CycleRow } from './cycles.ts';
import { WEEKLY_UPDATE } from './publish.ts';

type VersionRow = typeof artifactVersions.$inferSelect;

/** Published weeks, newest first, latest version of each; `q` searches the text of every version. */
export async function listPublishedUpdates(db: Db, opts: { q?: string; limit: number }) {
  const pattern = opts.q ? `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select()
    .from(artifactVersions)
    .where(
      and(
        eq(artifactVersions.kind, WEEKLY_UPDATE),
        pattern ? ilike(artifactVersions.markdown, pattern) : undefined,
      ),
    )
    .orderBy(desc(artifactVersions.key), desc(artifactVersions.version));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  return [...latest.values()].slice(0, opts.limit).map((r) => ({
    week: r.key,
    version: r.version,
    title: r.title,
    publishedAt: r.publishedAt.toISOString(),
    json: r.json as WeeklyUpdateJson,
    markdown: r.markdown,
  }));
}

/** The published versions of a week's update, first to latest. */
export async function weekVersions(db: Db, week: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(artifactVersions)
    .where(and(eq(artifactVersions.kind, WEEKLY_UPDATE), eq(artifactVersions.key, week)))
    .orderBy(asc(artifactVersions.version));
}

export function versionList(rows: VersionRow[]) {
  return rows.map((r) => ({
    version: r.version,
    title: r.title,
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: r.publishedBy,
    changes: r.changes,
  }));
}

/**
 * The pack's definition of done, checked from records: all PMs contributed (or are marked absent), the
 * cross-cutting section is there, every delivery of the latest version went out, and it was published on time.
 * The cycle and its versions are the page's, read once.
 */
export async function definitionOfDone(db: Db, cycle: CycleRow, versions: VersionRow[]) {
  const first = versions[0];
  const latest = versions.at(-1);
  const json = latest?.json as WeeklyUpdateJson | undefined;
  const deliveries = latest
    ? await db
        .select({ status: outbox.status, channel: outbox.channel })
        .from(outbox)
        .where(and(eq(outbox.kind, WEEKLY_UPDATE), inArray(outbox.ref, [`${latest.key}:v${latest.version}`])))
    : [];
  return {
    published: Boolean(latest),
    allContributed: json ? json.areas.every((a) => a.status !== 'missing') : false,
    missingAreas: json ? json.areas.filter((a) => a.status === 'missing').map((a) => a.areaName) : [],
    crossCuttingSection: Boolean(json?.highlights),
    delivered: {
      total: deliveries.length,
      sent: deliveries.filter((d) => d.status === 'sent').length,
      dead: deliveries.filter((d) => d.status === 'dead').length,
    },
    publishedOnTime: Boolean(first && first.publishedAt.getTime() <= cycle.publishAt.getTime()),
  };
}
