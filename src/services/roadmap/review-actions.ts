import { and, arrayContains, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  areas,
  people,
  ritualOccurrences,
  roadmapItems,
  roadmapItemVersions,
  roadmapReviewOutcomes,
  roadmapReviews,
} from '../../db/schema/index.ts';
import { rangeText } from '../../domain/roadmap/quarters.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import type { TReviewActionInput, TRoadmapItemState } from '../../shared/roadmap.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { finishHold, type Hold, openHold } from '../broadcasts/hold.ts';
import { localTimeText } from '../cadence/reminders.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import { type ActionHandler, scheduleAction } from '../scheduling.ts';
import { followShares } from '../slack/shares.ts';
import { markRatified, writeVersion } from './item-writes.ts';
import type { OutcomeUndo } from './outcome-undo.ts';
import { addReviewAction } from './review-items.ts';
import { reviewBody } from './review-page.ts';
import { loadReviewOccurrence } from './reviews.ts';

const conflict = (message: string) => new AppError('conflict', message);
export const REPUBLISH_CHECK = 'roadmap.republish_check' as const;

async function openReview(tx: Db, occurrenceId: string) {
  const { o, review } = await loadReviewOccurrence(tx, occurrenceId);
  if (!review) throw conflict('the review has not started: start it first');
  if (review.closedAt) throw conflict('the review is closed');
  return { o, review };
}

/** Opens the review of an occurrence (once); the agenda stays live until it closes. */
export async function startReview(o: { db: Db; actor: Actor; occurrenceId: string; now: Date }) {
  await o.db.transaction(async (tx) => {
    const { o: occ, review } = await loadReviewOccurrence(tx, o.occurrenceId);
    if (review) return;
    if (occ.status === 'cancelled' || occ.status === 'skipped')
      throw conflict(`this occurrence was ${occ.status}`);
    const [row] = await tx
      .insert(roadmapReviews)
      .values({ occurrenceId: occ.id, startedAt: o.now, startedBy: o.actor.label })
      .onConflictDoNothing()
      .returning();
    if (row)
      await recordAudit(tx, {
        actor: o.actor,
        action: 'roadmap_review.start',
        entityType: 'roadmap_review',
        entityId: row.id,
        change: { occurrenceId: occ.id },
      });
  });
  return reviewBody(o.db, o.occurrenceId, o.now);
}

/**
 * The Head of Product's call on an item's pending changes. Ratified: stakeholders will see this version.
 * Rejected (a reason is required: the PM reads it): the item goes back to what stakeholders saw (a new "revert"
 * version), or is dropped if it is new. With `hold` the call is undoable for that long (outcome-undo.ts): the
 * PM's message and the Slack threads' updates wait until then.
 */
export async function recordOutcome(o: {
  db: Db;
  actor: Actor;
  occurrenceId: string;
  input: { itemId: string; outcome: 'ratified' | 'rejected'; note?: string };
  now: Date;
  hold?: { seconds: number };
}) {
  const why = o.input.note?.trim() ?? '';
  if (o.input.outcome === 'rejected' && !why)
    throw invalid([{ path: 'note', message: 'say why the changes are rejected (the PM reads it)' }]);
  const hold = await o.db.transaction(async (tx) => {
    const { review } = await openReview(tx, o.occurrenceId);
    const [item] = await tx
      .select()
      .from(roadmapItems)
      .where(eq(roadmapItems.id, o.input.itemId))
      .for('update');
    if (!item)
      throw new AppError('validation_failed', 'no such roadmap item', [
        { path: 'itemId', message: 'no such roadmap item' },
      ]);
    if (item.ratifiedVersion === item.version)
      throw conflict(`${item.state.title} has no changes waiting for ratification`);
    const at = o.now;
    const rejected = o.input.outcome === 'rejected';
    const h = o.hold
      ? await openHold(tx, {
          kind: rejected ? 'roadmap.reject' : 'roadmap.ratify',
          ref: item.id,
          title: `${rejected ? 'Rejected' : 'Ratified'}: ${item.state.title}`,
          actor: o.actor,
          now: at,
          seconds: o.hold.seconds,
        })
      : null;
    let ratified = item.version;
    if (rejected) {
      ratified = item.version + 1;
      const state = await revertedState(tx, item);
      await tx
        .update(roadmapItems)
        .set({ state, areaId: state.areaId, version: ratified, updatedAt: at })
        .where(eq(roadmapItems.id, item.id));
      await writeVersion(tx, {
        itemId: item.id,
        version: ratified,
        state,
        note: `Rejected in the Roadmap Review: ${why}`,
        actor: o.actor,
        at,
        kind: 'revert',
      });
      await tellAuthors(tx, item, state, why, ratified, h);
    }
    const ratificationId = await markRatified(tx, item.id, ratified, at);
    // What stakeholders read changed: shared answers about the item, and the releases it ships, hear it.
    const sendAt = h?.sendAt ?? at;
    const shareKeys = [await followShares(tx, 'roadmap_item', item.id, at, sendAt)];
    for (const releaseId of item.state.releaseIds)
      shareKeys.push(await followShares(tx, 'release', releaseId, at, sendAt));
    const [outcome] = await tx
      .insert(roadmapReviewOutcomes)
      .values({
        reviewId: review.id,
        itemId: item.id,
        outcome: o.input.outcome,
        fromVersion: item.ratifiedVersion,
        toVersion: item.version,
        note: why,
        decidedBy: o.actor.label,
        decidedAt: at,
      })
      .returning({ id: roadmapReviewOutcomes.id });
    if (h) {
      const undo: OutcomeUndo = {
        reviewId: review.id,
        itemId: item.id,
        outcomeId: outcome!.id,
        ratificationId,
        ratifiedBefore: item.ratifiedVersion,
        versionBefore: item.version,
        stateBefore: item.state,
        updatedAtBefore: item.updatedAt.toISOString(),
        revertVersion: rejected ? ratified : null,
        shareKeys: shareKeys.filter((k): k is string => k !== null),
      };
      await finishHold(tx, h, `${rejected ? 'Rejected' : 'Ratified'}: ${item.state.title}`, undo);
    }
    await recordAudit(tx, {
      actor: o.actor,
      action: `roadmap_item.${rejected ? 'reject' : 'ratify'}`,
      entityType: 'roadmap_item',
      entityId: item.id,
      change: { reviewId: review.id, version: item.version, ratifiedVersion: ratified },
    });
    return h;
  });
  return { ...(await reviewBody(o.db, o.occurrenceId, o.now)), hold };
}

/** The PM owning the area and whoever made the rejected changes hear it, with the why. */
async function tellAuthors(
  tx: Db,
  item: typeof roadmapItems.$inferSelect,
  reverted: TRoadmapItemState,
  why: string,
  version: number,
  hold: Hold | null,
) {
  const authors = await tx
    .selectDistinct({ id: roadmapItemVersions.changedById })
    .from(roadmapItemVersions)
    .where(
      and(
        eq(roadmapItemVersions.itemId, item.id),
        gt(roadmapItemVersions.version, item.ratifiedVersion ?? 0),
        // The rejected versions only: the revert just written is the Head of Product's own.
        lte(roadmapItemVersions.version, item.version),
      ),
    );
  const [area] = await tx.select({ owner: areas.ownerPmId }).from(areas).where(eq(areas.id, item.areaId));
  const ids = [...authors.map((a) => a.id), area?.owner].filter((id): id is string => Boolean(id));
  const back =
    reverted.status === 'dropped'
      ? 'It is not on the roadmap.'
      : `It is back to what stakeholders see: ${rangeText(reverted.earliest, reverted.latest)}, ${reverted.confidence} confidence.`;
  await enqueueMessage(tx, {
    key: `roadmap.rejected:${item.id}:v${version}`,
    kind: 'roadmap.rejected',
    ref: item.id,
    message: {
      title: `Not ratified: ${item.state.title}`,
      summary: `The Head of Product rejected the changes to ${item.state.title} in the Roadmap Review${why ? `: ${why}.` : '.'} ${back}`,
      link: { label: 'Open the item', url: `/roadmap/items/${item.id}` },
    },
    recipients: await recipientsForPeople(tx, [...new Set(ids)]),
    ...(hold ? { hold } : {}),
  });
}

async function revertedState(tx: Db, item: typeof roadmapItems.$inferSelect): Promise<TRoadmapItemState> {
  if (item.ratifiedVersion === null) return { ...item.state, status: 'dropped' };
  const [v] = await tx
    .select()
    .from(roadmapItemVersions)
    .where(
      and(eq(roadmapItemVersions.itemId, item.id), eq(roadmapItemVersions.version, item.ratifiedVersion)),
    );
  return v!.state;
}

/** Assigns an action item with an owner while the review runs (pack: "Action items + owners"). */
export async function assignAction(o: {
  db: Db;
  actor: Actor;
  occurrenceId: string;
  input: TReviewActionInput;
  now: Date;
}) {
  await o.db.transaction(async (tx) => {
    const { review } = await openReview(tx, o.occurrenceId);
    await addReviewAction(tx, {
      actor: o.actor,
      reviewId: review.id,
      occurrenceId: o.occurrenceId,
      input: o.input,
    });
  });
  return reviewBody(o.db, o.occurrenceId, o.now);
}

/**
 * Closes the review: the agenda is kept as it stood, the occurrence is held with its artifact recorded, and the
 * republish SLA starts (settings.deadlines.roadmapViewRepublishHours); Product Ops hears if it passes unmet.
 */
export async function closeReview(o: { db: Db; actor: Actor; occurrenceId: string; now: Date }) {
  const at = o.now;
  const snapshot = await reviewBody(o.db, o.occurrenceId, at);
  await o.db.transaction(async (tx) => {
    const { o: occ, review } = await openReview(tx, o.occurrenceId);
    const { deadlines } = await getSettings(tx);
    const slaDueAt = new Date(at.getTime() + deadlines.roadmapViewRepublishHours * 3_600_000);
    const { id: _id, occurrenceId: _o, ...agenda } = snapshot;
    await tx
      .update(roadmapReviews)
      .set({ closedAt: at, closedBy: o.actor.label, slaDueAt, agenda })
      .where(eq(roadmapReviews.id, review.id));
    if (!occ.artifactProducedAt)
      await tx
        .update(ritualOccurrences)
        .set({
          status: 'held',
          artifactProducedAt: at,
          artifactRef: `/roadmap/reviews/${occ.id}`,
          updatedAt: at,
        })
        .where(eq(ritualOccurrences.id, occ.id));
    await scheduleAction(tx, {
      kind: REPUBLISH_CHECK,
      key: `roadmap-republish:${review.id}`,
      dueAt: slaDueAt,
      latePolicy: 'run_late',
      payload: { reviewId: review.id },
    });
    await recordAudit(tx, {
      actor: o.actor,
      action: 'roadmap_review.close',
      entityType: 'roadmap_review',
      entityId: review.id,
      change: { slaDueAt: slaDueAt.toISOString() },
    });
  });
  return reviewBody(o.db, o.occurrenceId, at);
}

/** At the SLA's end: if the stakeholder view was not republished, Product Ops and the Head of Product hear it. */
export const republishCheck: ActionHandler<'roadmap.republish_check'> = async ({ tx, action, payload }) => {
  const { reviewId } = payload;
  const [review] = await tx.select().from(roadmapReviews).where(eq(roadmapReviews.id, reviewId));
  if (!review || review.republishedAt || !review.slaDueAt) return;
  const owners = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), arrayContains(people.roles, ['product_ops'])));
  const heads = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), arrayContains(people.roles, ['head_of_product'])));
  const { timeZone } = await getSettings(tx);
  await enqueueMessage(tx, {
    key: action.key,
    kind: REPUBLISH_CHECK,
    ref: review.id,
    message: {
      title: 'Overdue: the stakeholder roadmap view',
      summary: `The Roadmap Review closed ${localTimeText(review.closedAt!, timeZone)}; the stakeholder view was due by ${localTimeText(review.slaDueAt, timeZone)} and is not republished yet.`,
      link: { label: 'Republish it', url: '/roadmap/view' },
    },
    recipients: await recipientsForPeople(
      tx,
      [...owners, ...heads].map((p) => p.id),
    ),
  });
};

export const ROADMAP_ACTIONS = { [REPUBLISH_CHECK]: republishCheck };
