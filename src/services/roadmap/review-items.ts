import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, followUps, people } from '../../db/schema/index.ts';
import { AppError, type FieldError, invalid } from '../../shared/errors.ts';
import type { TReviewActionInput } from '../../shared/roadmap.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';

/** Review action items are follow-ups under this source, so they sit with the other follow-ups until closed. */
export const reviewSource = (reviewId: string) => `roadmap-review:${reviewId}`;

export async function reviewActions(db: Db, reviewId: string) {
  const rows = await db
    .select()
    .from(followUps)
    .where(eq(followUps.source, reviewSource(reviewId)));
  const ids = [...new Set(rows.flatMap((r) => r.assigneeIds))];
  const names = new Map(
    (ids.length ? await db.select().from(people).where(inArray(people.id, ids)) : []).map((p) => [
      p.id,
      p.name,
    ]),
  );
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => ({
      id: r.id,
      title: r.title,
      ownerName: r.assigneeIds.map((id) => names.get(id) ?? 'someone who left').join(', '),
      status: r.status,
    }));
}

async function checkRefs(tx: Db, input: TReviewActionInput) {
  const errors: FieldError[] = [];
  const [owner] = await tx.select().from(people).where(eq(people.id, input.ownerId));
  if (!owner?.active)
    errors.push({
      path: 'ownerId',
      message: owner ? `${owner.name} is no longer active` : 'is not a known person',
    });
  if (input.areaId && !(await tx.select().from(areas).where(eq(areas.id, input.areaId)))[0])
    errors.push({ path: 'areaId', message: 'is not a known area' });
  if (errors.length) throw invalid(errors);
}

/** An action item with its owner, assigned during the review; the owner hears about it. */
export async function addReviewAction(
  tx: Db,
  o: { actor: Actor; reviewId: string; occurrenceId: string; input: TReviewActionInput },
) {
  await checkRefs(tx, o.input);
  // The unique index does not cover a null area (nulls are distinct), so ask first.
  const same = await tx
    .select({ id: followUps.id })
    .from(followUps)
    .where(and(eq(followUps.source, reviewSource(o.reviewId)), eq(followUps.title, o.input.title)));
  if (same.length) throw new AppError('conflict', 'this review already has that action item');
  const [row] = await tx
    .insert(followUps)
    .values({
      source: reviewSource(o.reviewId),
      areaId: o.input.areaId ?? null,
      title: o.input.title,
      assigneeIds: [o.input.ownerId],
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AppError('conflict', 'this review already has that action item');
  await enqueueMessage(tx, {
    key: `roadmap.review_action:${row.id}`,
    kind: 'roadmap.review_action',
    ref: row.id,
    message: {
      title: `Action from the Roadmap Review: ${row.title}`,
      summary: `${o.actor.label} assigned it to you in the Roadmap Review. Close it in prodops when it is done.`,
      link: { label: 'Open the review', url: `/roadmap/reviews/${o.occurrenceId}` },
    },
    recipients: await recipientsForPeople(tx, [o.input.ownerId]),
  });
  await recordAudit(tx, {
    actor: o.actor,
    action: 'roadmap_review.action',
    entityType: 'follow_up',
    entityId: row.id,
    change: { reviewId: o.reviewId, ...o.input },
  });
}
