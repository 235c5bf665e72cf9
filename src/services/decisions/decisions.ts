import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  decisionEvents,
  decisions,
  people,
  releases,
  roadmapItems,
  roadmapReviews,
} from '../../db/schema/index.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TDecisionLogInput, TRevisitInput } from '../../shared/decisions.ts';
import { AppError, type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { emitEvent } from '../webhooks/events.ts';
import { decisionData } from '../webhooks/payloads.ts';
import { cancelReviewReminders, scheduleReviewReminder } from './reminders.ts';
import { type DecisionView, getDecision } from './view.ts';

type DecisionRow = typeof decisions.$inferSelect;

/** Reports each id of `ids` that `known` does not hold, by its index (`roadmapItemIds.2`). */
function unknownIds(ids: string[], known: string[], path: string, message: string): FieldError[] {
  const found = new Set(known);
  return ids.flatMap((id, i) => (found.has(id) ? [] : [{ path: `${path}.${i}`, message }]));
}

async function checkOwner(tx: Db, ownerId: string, path: string): Promise<FieldError[]> {
  const [owner] = await tx.select().from(people).where(eq(people.id, ownerId));
  if (!owner) return [{ path, message: 'is not a known person' }];
  return owner.active ? [] : [{ path, message: `${owner.name} is no longer active` }];
}

async function checkLinks(tx: Db, settings: TSettings, input: TDecisionLogInput, at: (p: string) => string) {
  const itemIds = input.roadmapItemIds ?? [];
  const releaseIds = input.releaseIds ?? [];
  const items = itemIds.length
    ? await tx.select({ id: roadmapItems.id }).from(roadmapItems).where(inArray(roadmapItems.id, itemIds))
    : [];
  const rels = releaseIds.length
    ? await tx.select({ id: releases.id }).from(releases).where(inArray(releases.id, releaseIds))
    : [];
  const themes = settings.insights.themes.map((t) => t.key);
  return [
    ...unknownIds(
      itemIds,
      items.map((i) => i.id),
      at('roadmapItemIds'),
      'is not a roadmap item',
    ),
    ...unknownIds(
      releaseIds,
      rels.map((r) => r.id),
      at('releaseIds'),
      'is not a release',
    ),
    ...unknownIds(
      input.themes ?? [],
      themes,
      at('themes'),
      `is not a theme of the insights taxonomy (known: ${themes.join(', ')})`,
    ),
  ];
}

/** The review a decision was recorded in: it must have been started (POST /roadmap/reviews/:id/start). */
async function reviewOf(tx: Db, occurrenceId: string | undefined, path: string) {
  if (!occurrenceId) return { reviewId: null, errors: [] };
  const [review] = await tx
    .select({ id: roadmapReviews.id })
    .from(roadmapReviews)
    .where(eq(roadmapReviews.occurrenceId, occurrenceId));
  if (review) return { reviewId: review.id, errors: [] };
  return {
    reviewId: null,
    errors: [{ path, message: 'is not a Roadmap Review that has been started (start the review first)' }],
  };
}

function checkDates(input: TDecisionLogInput, today: string, at: (p: string) => string) {
  const decidedOn = input.decidedOn ?? today;
  const errors: FieldError[] = [];
  if (decidedOn > today) errors.push({ path: at('decidedOn'), message: `cannot be after today (${today})` });
  if (input.reviewDate < decidedOn)
    errors.push({ path: at('reviewDate'), message: `must be on or after the decision date (${decidedOn})` });
  return { decidedOn, errors };
}

/**
 * Validates and writes one decision with its "recorded" event and review reminder. `prefix` names fields
 * inside a larger body (`replacement.` when a revisit supersedes).
 */
async function insertDecision(
  tx: Db,
  o: { actor: Actor; input: TDecisionLogInput; now: Date; supersedesId: string | null; prefix: string },
): Promise<DecisionRow> {
  const at = (p: string) => `${o.prefix}${p}`;
  const settings = await getSettings(tx);
  const { input } = o;
  const dates = checkDates(input, todayIn(settings.timeZone, o.now), at);
  const review = await reviewOf(tx, input.occurrenceId, at('occurrenceId'));
  const errors = [
    ...dates.errors,
    ...(await checkOwner(tx, input.ownerId, at('ownerId'))),
    ...(await checkLinks(tx, settings, input, at)),
    ...review.errors,
  ];
  if (errors.length) throw invalid(errors);
  const [row] = await tx
    .insert(decisions)
    .values({
      decidedOn: dates.decidedOn,
      title: input.title,
      context: input.context,
      options: input.options,
      rationale: input.rationale,
      ownerId: input.ownerId,
      reviewDate: input.reviewDate,
      nextReviewDate: input.reviewDate,
      roadmapItemIds: [...new Set(input.roadmapItemIds ?? [])],
      releaseIds: [...new Set(input.releaseIds ?? [])],
      themes: [...new Set(input.themes ?? [])],
      supersedesId: o.supersedesId,
      reviewId: review.reviewId,
      createdBy: o.actor.label,
    })
    .returning();
  await tx.insert(decisionEvents).values({
    decisionId: row!.id,
    kind: 'recorded',
    nextReviewDate: input.reviewDate,
    by: o.actor.label,
  });
  await scheduleReviewReminder(tx, settings, row!.id, input.reviewDate);
  await emitEvent(tx, {
    type: 'decision.recorded',
    key: `decision:${row!.id}`,
    title: `Decision #${row!.number} recorded: ${row!.title}`,
    data: decisionData(row!),
    now: o.now,
  });
  await recordAudit(tx, {
    actor: o.actor,
    action: 'decision.record',
    entityType: 'decision',
    entityId: row!.id,
    change: { number: row!.number, ...input, decidedOn: dates.decidedOn },
  });
  return row!;
}

/** Adds an entry to the decision log (pack §4 template), optionally as recorded during a Roadmap Review. */
export async function recordDecision(opts: {
  db: Db;
  actor: Actor;
  input: TDecisionLogInput;
  now: Date;
}): Promise<DecisionView> {
  return opts.db.transaction(async (tx) => {
    const row = await insertDecision(tx, {
      actor: opts.actor,
      input: opts.input,
      now: opts.now,
      supersedesId: null,
      prefix: '',
    });
    return (await getDecision(tx, row.id, opts.now))!;
  });
}

type Kept = Extract<TRevisitInput, { outcome: 'kept' }>;
type Superseded = Extract<TRevisitInput, { outcome: 'superseded' }>;

async function keep(tx: Db, actor: Actor, d: DecisionRow, input: Kept, now: Date): Promise<void> {
  const settings = await getSettings(tx);
  const today = todayIn(settings.timeZone, now);
  if (input.nextReviewDate <= today)
    throw invalid([{ path: 'nextReviewDate', message: `must be after today (${today})` }]);
  await tx.update(decisions).set({ nextReviewDate: input.nextReviewDate }).where(eq(decisions.id, d.id));
  await tx.insert(decisionEvents).values({
    decisionId: d.id,
    kind: 'revisited',
    note: input.note,
    nextReviewDate: input.nextReviewDate,
    by: actor.label,
  });
  await scheduleReviewReminder(tx, settings, d.id, input.nextReviewDate);
  await recordAudit(tx, {
    actor,
    action: 'decision.revisit',
    entityType: 'decision',
    entityId: d.id,
    change: { nextReviewDate: { from: d.nextReviewDate, to: input.nextReviewDate }, note: input.note },
  });
}

async function supersede(tx: Db, actor: Actor, d: DecisionRow, input: Superseded, now: Date): Promise<void> {
  const next = await insertDecision(tx, {
    actor,
    input: input.replacement,
    now,
    supersedesId: d.id,
    prefix: 'replacement.',
  });
  await tx
    .update(decisions)
    .set({ status: 'superseded', supersededById: next.id })
    .where(eq(decisions.id, d.id));
  await tx.insert(decisionEvents).values([
    { decisionId: d.id, kind: 'superseded', note: input.note, relatedDecisionId: next.id, by: actor.label },
    { decisionId: next.id, kind: 'supersedes', note: input.note, relatedDecisionId: d.id, by: actor.label },
  ]);
  await cancelReviewReminders(tx, d.id);
  await recordAudit(tx, {
    actor,
    action: 'decision.supersede',
    entityType: 'decision',
    entityId: d.id,
    change: { status: { from: 'active', to: 'superseded' }, supersededBy: next.number, note: input.note },
  });
}

/** Revisits a decision: kept (with the next review date) or superseded by a new decision, linked both ways. */
export async function revisitDecision(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: TRevisitInput;
  now: Date;
}): Promise<DecisionView> {
  return opts.db.transaction(async (tx) => {
    const [d] = await tx.select().from(decisions).where(eq(decisions.id, opts.id)).for('update');
    if (!d) throw notFound('decision');
    if (d.status !== 'active') {
      const [by] = await tx
        .select({ number: decisions.number })
        .from(decisions)
        .where(eq(decisions.id, d.supersededById ?? d.id));
      throw new AppError(
        'conflict',
        `decision #${d.number} was superseded by #${by?.number}: revisit the decision that replaced it`,
      );
    }
    const now = opts.now;
    if (opts.input.outcome === 'kept') await keep(tx, opts.actor, d, opts.input, now);
    else await supersede(tx, opts.actor, d, opts.input, now);
    return (await getDecision(tx, d.id, now))!;
  });
}
