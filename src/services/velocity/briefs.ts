import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bets, decisions, experimentBriefs } from '../../db/schema/index.ts';
import { placeBet } from '../../domain/velocity/bets.ts';
import type { TBetProfile, TBrief, TBriefInput, TBriefPatch } from '../../shared/bets.ts';
import { todayIn } from '../../shared/calendar.ts';
import { type FieldError, invalid, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';

type BriefRow = typeof experimentBriefs.$inferSelect;

/** The briefs of these bets, oldest first, with the decision each is linked to. */
export async function briefsOf(db: Db, betIds: string[]): Promise<TBrief[]> {
  if (betIds.length === 0) return [];
  const rows = await db
    .select({
      brief: experimentBriefs,
      decision: { id: decisions.id, number: decisions.number, title: decisions.title },
    })
    .from(experimentBriefs)
    .leftJoin(decisions, eq(decisions.id, experimentBriefs.decisionId))
    .where(inArray(experimentBriefs.betId, betIds))
    .orderBy(asc(experimentBriefs.createdAt), asc(experimentBriefs.id));
  return rows.map(({ brief: b, decision }) => ({
    id: b.id,
    betId: b.betId,
    experiment: b.experiment,
    opportunity: b.opportunity,
    positiveSignals: b.positiveSignals,
    harmfulIndicators: b.harmfulIndicators,
    optionsNotChosen: b.optionsNotChosen,
    learningGoals: b.learningGoals,
    timeBoxEnd: b.timeBoxEnd,
    decision: decision?.id ? decision : null,
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  }));
}

export async function getBrief(db: Db, id: string): Promise<TBrief | null> {
  const [row] = await db
    .select({ betId: experimentBriefs.betId })
    .from(experimentBriefs)
    .where(eq(experimentBriefs.id, id));
  if (!row) return null;
  return (await briefsOf(db, [row.betId])).find((b) => b.id === id) ?? null;
}

type BriefFields = Omit<TBriefInput, 'timeBoxEnd' | 'decisionId'> & {
  timeBoxEnd?: string | null;
  decisionId?: string | null;
};

/**
 * A brief's links and dates, as it will stand: the decision must be in the log, a new time box must not end in
 * the past, and an Uncharted bet's brief needs learning goals and a time box (its approach is time-boxed
 * discovery with explicit learning goals).
 */
async function checkBrief(
  tx: Db,
  o: { profile: TBetProfile; after: BriefFields; changed: (k: keyof BriefFields) => boolean; now: Date },
): Promise<void> {
  const errors: FieldError[] = [];
  const { after } = o;
  if (after.decisionId && o.changed('decisionId')) {
    const [d] = await tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(eq(decisions.id, after.decisionId));
    if (!d) errors.push({ path: 'decisionId', message: 'is not a decision in the log' });
  }
  if (after.timeBoxEnd && o.changed('timeBoxEnd')) {
    const today = todayIn((await getSettings(tx)).timeZone, o.now);
    if (after.timeBoxEnd < today)
      errors.push({ path: 'timeBoxEnd', message: `cannot be before today (${today})` });
  }
  if (placeBet(o.profile).cluster === 'uncharted') {
    if (!after.learningGoals?.length)
      errors.push({
        path: 'learningGoals',
        message: 'list what the experiment should teach (the bet is Uncharted)',
      });
    if (!after.timeBoxEnd)
      errors.push({ path: 'timeBoxEnd', message: 'give the time box an end date (the bet is Uncharted)' });
  }
  if (errors.length) throw invalid(errors);
}

async function betProfile(tx: Db, betId: string): Promise<TBetProfile> {
  const [bet] = await tx.select({ profile: bets.profile }).from(bets).where(eq(bets.id, betId)).for('update');
  if (!bet) throw notFound('bet');
  return bet.profile;
}

const snapshot = (b: BriefRow | BriefFields) => ({
  experiment: b.experiment,
  opportunity: b.opportunity,
  positiveSignals: b.positiveSignals,
  harmfulIndicators: b.harmfulIndicators,
  optionsNotChosen: b.optionsNotChosen ?? [],
  learningGoals: b.learningGoals ?? [],
  timeBoxEnd: b.timeBoxEnd ?? null,
  decisionId: b.decisionId ?? null,
});

/** Records an experiment brief under a bet. */
export async function createBrief(o: {
  db: Db;
  actor: Actor;
  betId: string;
  input: TBriefInput;
  now: Date;
}): Promise<TBrief> {
  return o.db.transaction(async (tx) => {
    const profile = await betProfile(tx, o.betId);
    await checkBrief(tx, { profile, after: o.input, changed: () => true, now: o.now });
    const values = snapshot(o.input);
    const [row] = await tx
      .insert(experimentBriefs)
      .values({ ...values, betId: o.betId, createdBy: o.actor.label, createdAt: o.now, updatedAt: o.now })
      .returning({ id: experimentBriefs.id });
    await recordAudit(tx, {
      actor: o.actor,
      action: 'bet.brief.create',
      entityType: 'experiment_brief',
      entityId: row!.id,
      change: { betId: o.betId, ...values },
    });
    return (await getBrief(tx, row!.id))!;
  });
}

/** Changes a brief; the fields it leaves out stay as they are (null clears the time box or the decision). */
export async function updateBrief(o: {
  db: Db;
  actor: Actor;
  id: string;
  patch: TBriefPatch;
  now: Date;
}): Promise<TBrief> {
  return o.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(experimentBriefs)
      .where(eq(experimentBriefs.id, o.id))
      .for('update');
    if (!before) throw notFound('experiment brief');
    const profile = await betProfile(tx, before.betId);
    const defined = Object.fromEntries(Object.entries(o.patch).filter(([, v]) => v !== undefined));
    const after = { ...snapshot(before), ...defined } as BriefFields;
    const change = diffFields(snapshot(before), snapshot(after));
    await checkBrief(tx, { profile, after, changed: (k) => k in change, now: o.now });
    if (Object.keys(change).length) {
      await tx
        .update(experimentBriefs)
        .set({ ...snapshot(after), updatedAt: o.now })
        .where(eq(experimentBriefs.id, o.id));
      await recordAudit(tx, {
        actor: o.actor,
        action: 'bet.brief.update',
        entityType: 'experiment_brief',
        entityId: o.id,
        change,
      });
    }
    return (await getBrief(tx, o.id))!;
  });
}
