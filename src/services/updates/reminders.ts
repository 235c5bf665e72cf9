import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, updateAbsences, updateCycles, updateSubmissions } from '../../db/schema/index.ts';
import { localTimeText } from '../cadence/reminders.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import type { ActionHandler } from '../scheduling.ts';

/** Areas whose PM has neither submitted nor been marked absent for the week. */
export async function missingAreas(db: Db, week: string) {
  const all = await db.select().from(areas);
  const submitted = new Set(
    (
      await db
        .select({ id: updateSubmissions.areaId })
        .from(updateSubmissions)
        .where(eq(updateSubmissions.week, week))
    ).map((s) => s.id),
  );
  const absent = new Set(
    (
      await db.select({ id: updateAbsences.areaId }).from(updateAbsences).where(eq(updateAbsences.week, week))
    ).map((a) => a.id),
  );
  return all.filter((a) => !submitted.has(a.id) && !absent.has(a.id));
}

/** Before the due time: a nudge to each PM who still owes this week's five bullets (Slack DM and/or email). */
export const weeklyUpdateReminder: ActionHandler<'weekly_update.remind'> = async ({
  tx,
  action,
  payload,
}) => {
  const { week } = payload;
  const [cycle] = await tx.select().from(updateCycles).where(eq(updateCycles.week, week));
  if (!cycle || cycle.publishedAt) return;
  const { timeZone } = await getSettings(tx);
  const due = localTimeText(cycle.dueAt, timeZone);
  for (const area of await missingAreas(tx, week)) {
    if (!area.ownerPmId) continue;
    await enqueueMessage(tx, {
      key: `${action.key}:${area.id}`,
      kind: 'weekly_update.reminder',
      ref: `${week}:${area.id}`,
      message: {
        title: `Your ${area.name} update for ${week} is due ${due}`,
        summary: `Five bullets, under a minute: wins/shipped, what's next, risks/asks, metrics snapshot, links.`,
        link: { label: 'Write it now', url: `/updates/${week}/areas/${area.id}` },
      },
      recipients: await recipientsForPeople(tx, [area.ownerPmId]),
    });
  }
};
