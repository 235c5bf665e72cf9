import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgSettings, raciEntries } from '../../db/schema/index.ts';
import { DEFAULT_RACI } from '../../domain/org/raci.ts';
import { DEFAULT_SETTINGS, type TSettings, ZSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';

/**
 * Gives a new database its defaults from the seeds: settings and the pack's RACI matrix. Runs at boot and is
 * a no-op once the settings row exists, so a RACI matrix emptied on purpose stays empty.
 */
export async function ensureOrgDefaults(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(orgSettings)
      .values({ id: 1, value: DEFAULT_SETTINGS })
      .onConflictDoNothing()
      .returning({ id: orgSettings.id });
    if (inserted.length === 0) return;
    await tx.insert(raciEntries).values(DEFAULT_RACI.map((entry, position) => ({ ...entry, position })));
  });
}

export async function getSettings(db: Db): Promise<TSettings> {
  const [row] = await db.select().from(orgSettings).where(eq(orgSettings.id, 1));
  // Stored documents are re-read through the schema so fields added later get their defaults.
  return row ? ZSettings.parse({ ...DEFAULT_SETTINGS, ...row.value }) : DEFAULT_SETTINGS;
}

export async function updateSettings(opts: {
  db: Db;
  actor: Actor;
  settings: TSettings;
}): Promise<TSettings> {
  return opts.db.transaction(async (tx) => {
    const before = await getSettings(tx);
    const changed = diffFields(before, opts.settings);
    if (Object.keys(changed).length === 0) return before;
    await tx
      .insert(orgSettings)
      .values({ id: 1, value: opts.settings })
      .onConflictDoUpdate({ target: orgSettings.id, set: { value: opts.settings, updatedAt: new Date() } });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'settings.update',
      entityType: 'settings',
      entityId: 'org',
      change: changed,
    });
    return opts.settings;
  });
}
