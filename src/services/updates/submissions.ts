import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, people, updateAbsences, updateRevisions, updateSubmissions } from '../../db/schema/index.ts';
import { invalid, joinPath, notFound } from '../../shared/errors.ts';
import {
  type TBoardStatus,
  type TUpdateContent,
  type TUpdateContentInput,
  ZUpdateContent,
} from '../../shared/updates.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { type CycleRow, ensureCycle } from './cycles.ts';

/** The content as the API checks it, for every caller: at least one bullet, or "nothing this week" on purpose. */
function checkedContent(content: TUpdateContentInput): TUpdateContent {
  const parsed = ZUpdateContent.safeParse(content);
  if (parsed.success) return parsed.data;
  throw invalid(
    parsed.error.issues.map((i) => ({ path: joinPath(['content', ...i.path]), message: i.message })),
  );
}

/**
 * A PM's five bullets for an area and week (or "nothing this week", said on purpose). After the due time it
 * is kept and marked late; an edit keeps the text it replaces. Editing after publication is allowed: the next
 * (correction) version includes it.
 */
export async function submitUpdate(opts: {
  db: Db;
  actor: Actor;
  week: string;
  areaId: string;
  content: TUpdateContentInput;
  now: Date;
}) {
  const content = checkedContent(opts.content);
  return opts.db.transaction(async (tx) => {
    const [area] = await tx.select().from(areas).where(eq(areas.id, opts.areaId));
    if (!area) throw notFound('area');
    const now = opts.now;
    const cycle = await ensureCycle(tx, opts.week, now);
    const late = now.getTime() > cycle.dueAt.getTime();
    const [existing] = await tx
      .select()
      .from(updateSubmissions)
      .where(and(eq(updateSubmissions.week, opts.week), eq(updateSubmissions.areaId, opts.areaId)));
    if (existing) {
      await tx
        .insert(updateRevisions)
        .values({ submissionId: existing.id, content: existing.content, editedBy: opts.actor.label });
      await tx
        .update(updateSubmissions)
        .set({
          content,
          authorId: opts.actor.personId,
          updatedAt: now,
          late: existing.late || late,
        })
        .where(eq(updateSubmissions.id, existing.id));
    } else {
      await tx.insert(updateSubmissions).values({
        week: opts.week,
        areaId: opts.areaId,
        authorId: opts.actor.personId,
        content,
        late,
        submittedAt: now,
        updatedAt: now,
      });
    }
    await tx
      .delete(updateAbsences)
      .where(and(eq(updateAbsences.week, opts.week), eq(updateAbsences.areaId, opts.areaId)));
    await recordAudit(tx, {
      actor: opts.actor,
      action: existing ? 'update.edit' : 'update.submit',
      entityType: 'weekly_update',
      entityId: `${opts.week}:${opts.areaId}`,
      change: { content, late },
    });
    return getSubmission(tx, opts.week, opts.areaId);
  });
}

export async function getSubmission(db: Db, week: string, areaId: string) {
  const [row] = await db
    .select()
    .from(updateSubmissions)
    .where(and(eq(updateSubmissions.week, week), eq(updateSubmissions.areaId, areaId)));
  if (!row) return null;
  const revisions = await db
    .select()
    .from(updateRevisions)
    .where(eq(updateRevisions.submissionId, row.id))
    .orderBy(asc(updateRevisions.id));
  return {
    week,
    areaId,
    content: row.content as TUpdateContent,
    late: row.late,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    revisions: revisions.map((r) => ({
      content: r.content as TUpdateContent,
      editedBy: r.editedBy,
      editedAt: r.editedAt.toISOString(),
    })),
  };
}

/** A PM away for the week: the definition of done counts the area as covered. */
export async function markAbsent(opts: {
  db: Db;
  actor: Actor;
  week: string;
  areaId: string;
  reason: string;
  now: Date;
}) {
  await opts.db.transaction(async (tx) => {
    const [area] = await tx.select().from(areas).where(eq(areas.id, opts.areaId));
    if (!area) throw notFound('area');
    await ensureCycle(tx, opts.week, opts.now);
    await tx
      .insert(updateAbsences)
      .values({ week: opts.week, areaId: opts.areaId, reason: opts.reason, markedBy: opts.actor.label })
      .onConflictDoUpdate({
        target: [updateAbsences.week, updateAbsences.areaId],
        set: { reason: opts.reason, markedBy: opts.actor.label },
      });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'update.absent',
      entityType: 'weekly_update',
      entityId: `${opts.week}:${opts.areaId}`,
      change: { reason: opts.reason },
    });
  });
}

/** This week's status board: every area with its PM, what they submitted, late or missing. */
export async function cycleBoard(db: Db, week: string, now: Date) {
  return boardOf(db, await db.transaction((tx) => ensureCycle(tx, week, now)));
}

/** The status board of a cycle already read (or opened). */
export async function boardOf(db: Db, cycle: CycleRow) {
  const { week } = cycle;
  const rows = await db
    .select({ area: areas, pmName: people.name })
    .from(areas)
    .leftJoin(people, eq(people.id, areas.ownerPmId))
    .orderBy(asc(areas.name));
  const subs = await db.select().from(updateSubmissions).where(eq(updateSubmissions.week, week));
  const absences = await db.select().from(updateAbsences).where(eq(updateAbsences.week, week));
  return {
    week,
    dueAt: cycle.dueAt.toISOString(),
    publishAt: cycle.publishAt.toISOString(),
    publishedAt: cycle.publishedAt?.toISOString() ?? null,
    areas: rows.map(({ area, pmName }) => {
      const sub = subs.find((s) => s.areaId === area.id);
      const absent = absences.find((a) => a.areaId === area.id);
      const status: TBoardStatus = sub ? (sub.late ? 'late' : 'submitted') : absent ? 'absent' : 'missing';
      return {
        areaId: area.id,
        areaName: area.name,
        pmId: area.ownerPmId,
        pmName,
        status,
        submittedAt: sub?.submittedAt.toISOString() ?? null,
        content: (sub?.content as TUpdateContent | undefined) ?? null,
        absentReason: absent?.reason ?? null,
      };
    }),
  };
}
