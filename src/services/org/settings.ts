import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgSettings } from '../../db/schema/index.ts';
import { DEFAULT_SETTINGS, type TSettings, ZSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';

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
