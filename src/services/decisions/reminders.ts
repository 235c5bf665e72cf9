import { and, arrayContains, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { decisionEvents, decisions, people } from '../../db/schema/index.ts';
import { localInstant } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { type ActionHandler, scheduleAction } from '../scheduling.ts';

export const REVIEW_DUE = 'decision.review_due' as const;
/** Reminders go out at the start of the working day, org time. */
const MORNING = '09:00';

/** One key per decision and date: a done or cancelled action is never revived, so a new date needs a new key. */
export const reviewReminderKey = (decisionId: string, date: string) =>
  `decision-review:${decisionId}:${date}`;

/**
 * The reminder for a review date. An earlier date's reminder is left pending on purpose: it does nothing when
 * it runs (the date moved), and cancelling it would stop it ever coming back if the date is moved back to it.
 */
export async function scheduleReviewReminder(
  tx: Db,
  settings: TSettings,
  decisionId: string,
  date: string,
): Promise<void> {
  await scheduleAction(tx, {
    kind: REVIEW_DUE,
    key: reviewReminderKey(decisionId, date),
    dueAt: localInstant(date, MORNING, settings.timeZone),
    // A review nobody was told about is a review that does not happen: send it late rather than never.
    latePolicy: 'run_late',
    payload: { decisionId, reviewDate: date },
  });
}

/** A superseded decision is never reviewed again. */
export async function cancelReviewReminders(tx: Db, decisionId: string): Promise<void> {
  await tx.execute(
    sql`update scheduled_actions set status = 'cancelled'
        where key like ${`${reviewReminderKey(decisionId, '')}%`} and status = 'pending'`,
  );
}

/** The owner; if they have left, Product Ops (who steward the log) so the review is not lost. */
async function whoToTell(tx: Db, ownerId: string): Promise<string[]> {
  const [owner] = await tx.select({ active: people.active }).from(people).where(eq(people.id, ownerId));
  if (owner?.active) return [ownerId];
  const ops = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), arrayContains(people.roles, ['product_ops'])));
  return ops.map((p) => p.id);
}

async function alreadyReminded(tx: Db, decisionId: string, date: string): Promise<boolean> {
  const rows = await tx
    .select({ id: decisionEvents.id })
    .from(decisionEvents)
    .where(
      and(
        eq(decisionEvents.decisionId, decisionId),
        eq(decisionEvents.kind, 'review_reminded'),
        eq(decisionEvents.nextReviewDate, date),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** When a review date arrives: one message to the owner and a "review_reminded" event, unless it moved on. */
export const decisionReviewDue: ActionHandler<'decision.review_due'> = async ({ tx, action, payload: p }) => {
  const [row] = await tx
    .select({ d: decisions, ownerName: people.name })
    .from(decisions)
    .innerJoin(people, eq(people.id, decisions.ownerId))
    .where(eq(decisions.id, p.decisionId));
  if (!row) return;
  const { d, ownerName } = row;
  // Superseded, or revisited with another date (that date has its own reminder).
  if (d.status !== 'active' || d.nextReviewDate !== p.reviewDate) return;
  if (await alreadyReminded(tx, d.id, p.reviewDate)) return;
  await enqueueMessage(tx, {
    key: action.key,
    kind: REVIEW_DUE,
    ref: d.id,
    message: {
      title: `Review due: decision #${d.number} ${d.title}`,
      summary:
        `Decision #${d.number} (decided ${d.decidedOn}, owner ${ownerName}) is due for review on ` +
        `${p.reviewDate}. Keep it with a new review date, or supersede it; it is on the next Roadmap Review's agenda.`,
      link: { label: 'Open the decision', url: `/decisions/${d.id}` },
    },
    recipients: await recipientsForPeople(tx, await whoToTell(tx, d.ownerId)),
  });
  await tx.insert(decisionEvents).values({
    decisionId: d.id,
    kind: 'review_reminded',
    note: `Review reminder sent (review date ${p.reviewDate}).`,
    nextReviewDate: p.reviewDate,
    by: 'prodops',
  });
};

export const DECISION_ACTIONS = { [REVIEW_DUE]: decisionReviewDue };
