import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgDefaults, orgSettings, raciEntries } from '../../db/schema/index.ts';
import { DEFAULT_RACI } from '../../domain/org/raci.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { DEFAULT_RITUALS } from '../cadence/default-rituals.ts';
import { createRitual } from '../cadence/rituals.ts';
import { seedDefaultFrictions } from '../charter/frictions.ts';

/** Any fixed number: app instances booting together apply the defaults once. */
const DEFAULTS_LOCK_KEY = 724_113_003;

/**
 * Gives the database the seeds' defaults — settings, the pack's RACI matrix, the five rituals, the three top frictions — each once
 * (recorded in org_defaults), so something deleted on purpose stays deleted and a new kind of default still
 * reaches databases created before it existed. Runs at boot.
 */
export async function ensureOrgDefaults(db: Db, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${DEFAULTS_LOCK_KEY})`);
    const applied = new Set((await tx.select().from(orgDefaults)).map((d) => d.name));
    const newOrg =
      (
        await tx
          .insert(orgSettings)
          .values({ id: 1, value: DEFAULT_SETTINGS })
          .onConflictDoNothing()
          .returning()
      ).length > 0;
    if (!applied.has('raci')) {
      // Before org_defaults existed, the RACI came with the settings row: only a new org gets it now.
      if (newOrg)
        await tx.insert(raciEntries).values(DEFAULT_RACI.map((entry, position) => ({ ...entry, position })));
      await tx.insert(orgDefaults).values({ name: 'raci' });
    }
    if (!applied.has('rituals')) {
      const actor = systemActor('system:defaults');
      for (const input of DEFAULT_RITUALS) await createRitual({ db: tx, actor, input, now });
      await tx.insert(orgDefaults).values({ name: 'rituals' });
    }
    if (!applied.has('frictions')) {
      // Mapped to the rituals by slug, so after them; an org that deleted a ritual gets the others.
      await seedDefaultFrictions(tx, now);
      await tx.insert(orgDefaults).values({ name: 'frictions' });
    }
  });
}
