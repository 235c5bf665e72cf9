import { asc, desc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { charterVersions } from '../../db/schema/index.ts';
import { changedSections, charterMarkdown, DEFAULT_CHARTER } from '../../domain/charter/default-charter.ts';
import type { TCharter, TCharterContent } from '../../shared/charter.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { actorName } from './actor-name.ts';

/** The charter as the API returns it, before the route adds the caller's permissions. */
export type CharterView = Omit<TCharter, 'permissions'>;

async function latest(db: Db) {
  const [row] = await db.select().from(charterVersions).orderBy(desc(charterVersions.version)).limit(1);
  return row ?? null;
}

/** The latest saved charter, or the pack's text (flagged as the default) until Product Ops saves one. */
export async function getCharter(db: Db): Promise<CharterView> {
  const row = await latest(db);
  if (!row) return { content: DEFAULT_CHARTER, isDefault: true, version: null, savedAt: null, savedBy: null };
  return {
    content: row.content,
    isDefault: false,
    version: row.version,
    savedAt: row.savedAt.toISOString(),
    savedBy: row.savedBy,
  };
}

/** Saves the next version of the charter (1 for the first): versions are never changed, the history stays. */
export async function saveCharter(opts: {
  db: Db;
  actor: Actor;
  content: TCharterContent;
  now: Date;
}): Promise<CharterView> {
  return opts.db.transaction(async (tx) => {
    const before = await latest(tx);
    const changed = changedSections(before?.content ?? DEFAULT_CHARTER, opts.content);
    const version = (before?.version ?? 0) + 1;
    await tx.insert(charterVersions).values({
      version,
      content: opts.content,
      changed,
      savedById: opts.actor.personId,
      savedBy: await actorName(tx, opts.actor),
      savedAt: opts.now,
    });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'charter.save',
      entityType: 'charter',
      entityId: String(version),
      change: { version, changed },
    });
    return getCharter(tx);
  });
}

/** Every saved version, newest first: who saved it, when, and which sections changed. */
export async function listCharterVersions(db: Db) {
  const rows = await db.select().from(charterVersions).orderBy(asc(charterVersions.version));
  return {
    items: rows.reverse().map((r) => ({
      version: r.version,
      savedAt: r.savedAt.toISOString(),
      savedBy: r.savedBy,
      changed: r.changed,
    })),
  };
}

export async function charterAsMarkdown(db: Db): Promise<string> {
  const charter = await getCharter(db);
  const settings = await getSettings(db);
  return charterMarkdown(charter.content, settings.orgName);
}
