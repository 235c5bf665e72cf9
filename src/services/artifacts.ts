import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { artifactVersions } from '../db/schema/index.ts';

/** One published version of an artifact (weekly update, digest, roadmap view…): the latest unless `version` is given. */
export async function findArtifactVersion(db: Db, kind: string, key: string, version?: number) {
  const [row] = await db
    .select()
    .from(artifactVersions)
    .where(
      and(
        eq(artifactVersions.kind, kind),
        eq(artifactVersions.key, key),
        version ? eq(artifactVersions.version, version) : undefined,
      ),
    )
    .orderBy(desc(artifactVersions.version))
    .limit(1);
  return row ?? null;
}
