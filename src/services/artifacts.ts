import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { artifactVersions } from '../db/schema/index.ts';

/** Which version of `kind`/`key`: the one numbered `version`, or (ordered newest first) the latest. */
const versionOf = (kind: string, key: string, version?: number) =>
  and(
    eq(artifactVersions.kind, kind),
    eq(artifactVersions.key, key),
    version ? eq(artifactVersions.version, version) : undefined,
  );

/** One published version of an artifact (weekly update, digest, roadmap view…): the latest unless `version` is given. */
export async function findArtifactVersion(db: Db, kind: string, key: string, version?: number) {
  const [row] = await db
    .select()
    .from(artifactVersions)
    .where(versionOf(kind, key, version))
    .orderBy(desc(artifactVersions.version))
    .limit(1);
  return row ?? null;
}

/**
 * Publishes the next immutable version of an artifact (1 for the first): reads the latest version of `kind`/`key`
 * and inserts the next one, stamped `now` and by `publishedBy`, in the caller's transaction. Returns the row.
 */
export async function publishArtifactVersion(
  tx: Db,
  a: {
    kind: string;
    key: string;
    title: string;
    markdown: string;
    json: unknown;
    changes: string[];
    publishedBy: string;
    now: Date;
  },
) {
  const [latest] = await tx
    .select({ version: artifactVersions.version })
    .from(artifactVersions)
    .where(and(eq(artifactVersions.kind, a.kind), eq(artifactVersions.key, a.key)))
    .orderBy(desc(artifactVersions.version))
    .limit(1);
  const [row] = await tx
    .insert(artifactVersions)
    .values({
      kind: a.kind,
      key: a.key,
      version: (latest?.version ?? 0) + 1,
      title: a.title,
      markdown: a.markdown,
      json: a.json,
      changes: a.changes,
      publishedAt: a.now,
      publishedBy: a.publishedBy,
    })
    .returning();
  return row!;
}

/**
 * The row id of a published version (the latest unless `version` is given), or null: one indexed lookup that
 * names the exact bytes a reader would get. An undone version is deleted and its number may be used again, so
 * the id, not the number, is what a cache may key on.
 */
export async function artifactVersionId(db: Db, kind: string, key: string, version?: number) {
  const [row] = await db
    .select({ id: artifactVersions.id })
    .from(artifactVersions)
    .where(versionOf(kind, key, version))
    .orderBy(desc(artifactVersions.version))
    .limit(1);
  return row?.id ?? null;
}

/** One published version by its row id (null once undone). */
export async function artifactVersionById(db: Db, id: string) {
  const [row] = await db.select().from(artifactVersions).where(eq(artifactVersions.id, id));
  return row ?? null;
}
