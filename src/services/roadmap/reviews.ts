import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { ritualOccurrences, rituals, roadmapReviews } from '../../db/schema/index.ts';
import { notFound } from '../../shared/errors.ts';
import type { TReview } from '../../shared/roadmap.ts';

export const REVIEW_RITUAL = 'roadmap-review';

export type ReviewBody = Omit<TReview, 'permissions'>;
type ReviewRow = typeof roadmapReviews.$inferSelect;

/** The Roadmap Review occurrence with its ritual and its review row (if started); 404 for any other occurrence. */
export async function loadReviewOccurrence(db: Db, occurrenceId: string) {
  const [row] = await db
    .select({ o: ritualOccurrences, r: rituals, review: roadmapReviews })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .leftJoin(roadmapReviews, eq(roadmapReviews.occurrenceId, ritualOccurrences.id))
    .where(and(eq(ritualOccurrences.id, occurrenceId), eq(rituals.slug, REVIEW_RITUAL)));
  if (!row) throw notFound('Roadmap Review occurrence');
  return row;
}

export function slaState(review: ReviewRow | null, now: Date): TReview['sla'] {
  if (!review?.closedAt || !review.slaDueAt) return 'open';
  if (review.republishedAt) return review.republishedAt <= review.slaDueAt ? 'met' : 'late';
  return now > review.slaDueAt ? 'overdue' : 'waiting';
}

/** The latest closed review's close: the default "since" of what-changed. */
export async function lastReviewClosedAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ closedAt: roadmapReviews.closedAt })
    .from(roadmapReviews)
    .where(isNotNull(roadmapReviews.closedAt))
    .orderBy(desc(roadmapReviews.closedAt))
    .limit(1);
  return row?.closedAt ?? null;
}

/** Recent and upcoming Roadmap Reviews, with their SLA. */
export async function listReviews(db: Db, now: Date) {
  const rows = await db
    .select({ o: ritualOccurrences, review: roadmapReviews })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .leftJoin(roadmapReviews, eq(roadmapReviews.occurrenceId, ritualOccurrences.id))
    .where(
      and(
        eq(rituals.slug, REVIEW_RITUAL),
        gte(ritualOccurrences.startsAt, new Date(now.getTime() - 120 * 86_400_000)),
      ),
    )
    .orderBy(desc(ritualOccurrences.startsAt))
    .limit(20);
  return rows.map(({ o, review }) => ({
    id: review?.id ?? null,
    occurrenceId: o.id,
    localDate: o.localDate,
    startsAt: o.startsAt.toISOString(),
    closedAt: review?.closedAt?.toISOString() ?? null,
    slaDueAt: review?.slaDueAt?.toISOString() ?? null,
    republishedAt: review?.republishedAt?.toISOString() ?? null,
    sla: slaState(review, now),
    viewVersion: review?.viewVersion ?? null,
  }));
}
