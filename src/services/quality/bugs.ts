import { and, arrayContains, asc, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { areas, bugs, people, podRotation, pods } from '../../db/schema/index.ts';
import { awaitsDecision, type BugFacts, backlogOf, bugAge, isOverLimit } from '../../domain/quality/bugs.ts';
import {
  BUG_BACKLOG_TARGET,
  type TAreaBugBacklog,
  type TBug,
  type TBugDecisionInput,
  type TBugListQuery,
} from '../../shared/bugs.ts';
import { addDays, currentWeekKey, localDateTime, todayIn } from '../../shared/calendar.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { Context } from '../context.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';

/**
 * No bug backlog (issue 15): bugs as one model whatever their source, their age on the org's calendar, the
 * per-area backlog against the target of zero, and the decision on each — fix now (with who) or won't fix (with
 * why). Who decides an area's bugs: its PM and the production-engineering rotation of the week (and Product Ops,
 * the Head of Product); server/policies/quality.ts holds the rule, `decidersOf` the people.
 */

type BugRow = typeof bugs.$inferSelect;

/** A bug as the API shows it, before the caller's permissions; `deciderIds` feed the policy. */
export type BugView = Omit<TBug, 'permissions'> & { assigneeId: string | null; deciderIds: string[] };

export interface Decider {
  personId: string;
  name: string;
  as: 'pm' | 'rotation';
}

/** The local date an instant falls on in the org's zone. */
const dayIn = (timeZone: string, at: Date) => localDateTime(at, timeZone).date;

export function factsOf(b: BugRow, timeZone: string): BugFacts {
  return {
    state: b.state,
    openedOn: b.openedOn,
    closedOn: b.closedAt ? dayIn(timeZone, b.closedAt) : null,
    disposition: b.disposition,
  };
}

/**
 * Who decides the bugs of these areas (every area when not given) in an ISO week: each area's PM and the rotation
 * person of each of its pods that week, active people only. An area nobody decides for is missing from the map.
 */
export async function decidersOf(db: Db, week: string, areaIds?: string[]): Promise<Map<string, Decider[]>> {
  const out = new Map<string, Decider[]>();
  if (areaIds && !areaIds.length) return out;
  const add = (areaId: string, d: Decider) => {
    const list = out.get(areaId) ?? [];
    if (!list.some((x) => x.personId === d.personId && x.as === d.as)) list.push(d);
    out.set(areaId, list);
  };
  const owners = await db
    .select({ areaId: areas.id, personId: people.id, name: people.name })
    .from(areas)
    .innerJoin(people, and(eq(people.id, areas.ownerPmId), eq(people.active, true)))
    .where(areaIds ? inArray(areas.id, areaIds) : undefined);
  for (const o of owners) add(o.areaId, { personId: o.personId, name: o.name, as: 'pm' });
  const rotation = await db
    .select({ areaId: pods.areaId, personId: people.id, name: people.name })
    .from(pods)
    .innerJoin(podRotation, and(eq(podRotation.podId, pods.id), eq(podRotation.week, week)))
    .innerJoin(people, and(eq(people.id, podRotation.personId), eq(people.active, true)))
    .where(areaIds ? inArray(pods.areaId, areaIds) : sql`${pods.areaId} is not null`)
    .orderBy(asc(pods.name));
  for (const r of rotation) add(r.areaId!, { personId: r.personId, name: r.name, as: 'rotation' });
  return out;
}

/** Active Product Ops: they are asked about bugs nobody else decides (no area, or an area with nobody). */
export async function productOpsIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), arrayContains(people.roles, ['product_ops'])));
  return rows.map((r) => r.id);
}

const assignees = alias(people, 'assignee');

function selectBugs(db: Db) {
  return db
    .select({
      b: bugs,
      area: { id: areas.id, slug: areas.slug, name: areas.name },
      assigneeName: assignees.name,
    })
    .from(bugs)
    .leftJoin(areas, eq(areas.id, bugs.areaId))
    .leftJoin(assignees, eq(assignees.id, bugs.assigneeId));
}
type Selected = Awaited<ReturnType<ReturnType<typeof selectBugs>['where']>>[number];

function viewOf(
  r: Selected,
  o: { today: string; settings: TSettings; deciders: Map<string, Decider[]> },
): BugView {
  const { b } = r;
  const facts = factsOf(b, o.settings.timeZone);
  const max = o.settings.thresholds.bugMaxOpenDays;
  return {
    id: b.id,
    source: b.source,
    externalId: b.externalId,
    area: r.area?.id ? { id: r.area.id, slug: r.area.slug, name: r.area.name } : null,
    title: b.title,
    openedOn: b.openedOn,
    ageDays: bugAge(facts, o.today),
    reports: b.reports,
    lastReportedAt: b.lastReportedAt.toISOString(),
    state: b.state,
    closedAt: b.closedAt?.toISOString() ?? null,
    closedReason: b.closedReason,
    closedBy: b.closedBy,
    disposition: b.disposition,
    assignee: b.assigneeId && r.assigneeName ? { id: b.assigneeId, name: r.assigneeName } : null,
    wontFixReason: b.wontFixReason,
    decidedBy: b.decidedBy,
    decidedAt: b.decidedAt?.toISOString() ?? null,
    overLimit: isOverLimit(facts, o.today, max),
    awaitingDecision: awaitsDecision(facts, o.today, max),
    promptedAt: b.promptedAt?.toISOString() ?? null,
    assigneeId: b.assigneeId,
    deciderIds: (b.areaId ? (o.deciders.get(b.areaId) ?? []) : []).map((d) => d.personId),
  };
}

function ruleOf(settings: TSettings, now: Date) {
  return {
    maxOpenDays: settings.thresholds.bugMaxOpenDays,
    target: BUG_BACKLOG_TARGET,
    today: todayIn(settings.timeZone, now),
    timeZone: settings.timeZone,
  };
}

/**
 * Bugs, open ones first and the oldest first among them, then the latest closed; by area and state. Each with its
 * age in days in the org's zone and whether it is over the limit and waiting for a decision.
 */
export async function listBugs(ctx: Context, q: TBugListQuery) {
  const settings = await ctx.settings();
  const rule = ruleOf(settings, ctx.now);
  const where: (SQL | undefined)[] = [
    q.areaId ? eq(bugs.areaId, q.areaId) : undefined,
    q.state ? eq(bugs.state, q.state) : undefined,
  ];
  const rows = await selectBugs(ctx.db)
    .where(and(...where))
    .orderBy(desc(sql`${bugs.state} = 'open'`), asc(bugs.openedOn), desc(bugs.closedAt), asc(bugs.title))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const areaIds = [...new Set(page.flatMap((r) => (r.b.areaId ? [r.b.areaId] : [])))];
  const deciders = await decidersOf(ctx.db, currentWeekKey(ctx.now, settings.timeZone), areaIds);
  return {
    ...rule,
    bugs: page.map((r) => viewOf(r, { today: rule.today, settings, deciders })),
    truncated: rows.length > q.limit,
  };
}

/** One bug as the API shows it (null: no such bug). */
export async function getBug(db: Db, id: string, now: Date): Promise<BugView | null> {
  const settings = await getSettings(db);
  const [row] = await selectBugs(db).where(eq(bugs.id, id));
  if (!row) return null;
  const week = currentWeekKey(now, settings.timeZone);
  const deciders = await decidersOf(db, week, row.b.areaId ? [row.b.areaId] : []);
  return viewOf(row, { today: todayIn(settings.timeZone, now), settings, deciders });
}

/**
 * Every area's bug backlog against the target of zero: open bugs, the oldest one's age, how many are over the
 * limit and how many of those wait for a decision, with who decides this week. Bugs of no area come last.
 */
export async function bugBacklog(ctx: Context) {
  const settings = await ctx.settings();
  const rule = ruleOf(settings, ctx.now);
  const week = currentWeekKey(ctx.now, settings.timeZone);
  const open = await ctx.db.select().from(bugs).where(eq(bugs.state, 'open'));
  const list = await ctx.db
    .select({ id: areas.id, slug: areas.slug, name: areas.name })
    .from(areas)
    .orderBy(asc(areas.name));
  const deciders = await decidersOf(ctx.db, week);
  const factsBy = new Map<string | null, BugFacts[]>();
  for (const b of open)
    factsBy.set(b.areaId, [...(factsBy.get(b.areaId) ?? []), factsOf(b, settings.timeZone)]);
  const entry = (area: TAreaBugBacklog['area']): TAreaBugBacklog => ({
    area,
    ...backlogOf(factsBy.get(area?.id ?? null) ?? [], rule.today, rule.maxOpenDays),
    deciders: area ? (deciders.get(area.id) ?? []) : [],
  });
  const areasOut = list.map(entry);
  if (factsBy.has(null)) areasOut.push(entry(null));
  return { ...rule, week, areas: areasOut };
}

const conflict = (message: string) => new AppError('conflict', message);

/** Who acted, as people read it: the person's name (the actor's label is their email), else the label. */
async function nameOf(tx: Db, actor: Actor): Promise<string> {
  if (!actor.personId) return actor.label;
  const [p] = await tx.select({ name: people.name }).from(people).where(eq(people.id, actor.personId));
  return p?.name ?? actor.label;
}

const CLOSED_AS = { fixed: 'fixed', wont_fix: "won't fix", not_a_bug: 'not a bug' } as const;

async function lockedBug(tx: Db, id: string): Promise<BugRow> {
  const [b] = await tx.select().from(bugs).where(eq(bugs.id, id)).for('update');
  if (!b) throw notFound('bug');
  if (b.state === 'closed')
    throw conflict(
      `this bug is closed (${CLOSED_AS[b.closedReason ?? 'fixed']}): there is nothing to decide`,
    );
  return b;
}

/**
 * The decision on an open bug: fix now, by an active person (told, unless they decided it themselves); or won't
 * fix, with why, which closes it. A later decision replaces the earlier one; the audit log keeps each.
 */
export async function decideBug(opts: {
  db: Db;
  actor: Actor;
  id: string;
  input: TBugDecisionInput;
  now: Date;
  /** Tell the assignee of a fix-now (default); the demo's history decides without telling. */
  notify?: boolean;
}) {
  const { input, actor, now } = opts;
  await opts.db.transaction(async (tx) => {
    const b = await lockedBug(tx, opts.id);
    const by = await nameOf(tx, actor);
    const decided = { decidedBy: by, decidedById: actor.personId, decidedAt: now, updatedAt: now };
    const from = { disposition: b.disposition, assigneeId: b.assigneeId, reason: b.wontFixReason };
    if (input.decision === 'fix_now') {
      const [assignee] = await tx
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.id, input.assigneeId), eq(people.active, true)));
      if (!assignee) throw invalid([{ path: 'assigneeId', message: 'must be an active person' }]);
      if (b.disposition === 'fix_now' && b.assigneeId === assignee.id) return; // said already
      await tx
        .update(bugs)
        .set({ disposition: 'fix_now', assigneeId: assignee.id, wontFixReason: null, ...decided })
        .where(eq(bugs.id, b.id));
      await recordAudit(tx, {
        actor,
        action: 'bugs.decide',
        entityType: 'bug',
        entityId: b.id,
        change: { decision: 'fix_now', assigneeId: assignee.id, assignee: assignee.name, from },
      });
      if (opts.notify !== false && assignee.id !== actor.personId)
        await tellAssignee(tx, b, assignee, by, now);
      return;
    }
    await tx
      .update(bugs)
      .set({
        disposition: 'wont_fix',
        wontFixReason: input.reason,
        assigneeId: null,
        state: 'closed',
        closedAt: now,
        closedReason: 'wont_fix',
        closedBy: by,
        ...decided,
      })
      .where(eq(bugs.id, b.id));
    await recordAudit(tx, {
      actor,
      action: 'bugs.decide',
      entityType: 'bug',
      entityId: b.id,
      change: { decision: 'wont_fix', reason: input.reason, state: 'closed', from },
    });
  });
  return (await getBug(opts.db, opts.id, now))!;
}

/** Closes an open bug as fixed. */
export async function closeBug(opts: { db: Db; actor: Actor; id: string; now: Date }) {
  await opts.db.transaction(async (tx) => {
    const b = await lockedBug(tx, opts.id);
    await tx
      .update(bugs)
      .set({
        state: 'closed',
        closedAt: opts.now,
        closedReason: 'fixed',
        closedBy: await nameOf(tx, opts.actor),
        updatedAt: opts.now,
      })
      .where(eq(bugs.id, b.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'bugs.close',
      entityType: 'bug',
      entityId: b.id,
      change: { state: 'closed', reason: 'fixed', disposition: b.disposition, assigneeId: b.assigneeId },
    });
  });
  return (await getBug(opts.db, opts.id, opts.now))!;
}

export const BUG_ASSIGNED_KIND = 'quality.bug_assigned';

/** "Fix now" names who fixes it: they hear so, once per decision. */
async function tellAssignee(
  tx: Db,
  b: BugRow,
  assignee: { id: string; name: string },
  by: string,
  now: Date,
) {
  await enqueueMessage(tx, {
    key: `${BUG_ASSIGNED_KIND}:${b.id}:${assignee.id}:${now.toISOString()}`,
    kind: BUG_ASSIGNED_KIND,
    ref: b.id,
    message: {
      title: `Fix now: ${b.title}`,
      summary: `${by} decided this bug is fixed now, by you. Close it in prodops once the fix is out.`,
      link: { label: 'Open the bug backlog', url: bugLink(b) },
    },
    recipients: await recipientsForPeople(tx, [assignee.id]),
  });
}

type Linked = Pick<BugRow, 'id' | 'areaId' | 'source' | 'externalId'>;

/**
 * Where a bug is decided: its area's bug backlog, which opens that bug's decision (with `decision` chosen). A bug
 * of no area is given one first: its reports in the Insights inbox, where the area is set.
 */
export function bugLink(b: Linked, decision?: 'fix_now' | 'wont_fix'): string {
  if (!b.areaId)
    return b.source === 'insights' ? `/insights?group=${encodeURIComponent(b.externalId)}` : '/areas';
  const q = new URLSearchParams({ bug: b.id, ...(decision ? { decision } : {}) });
  return `/areas/${b.areaId}?${q}#bug-backlog`;
}

/**
 * Open bugs over the limit with no decision, oldest first (only those nobody has been asked about yet, with
 * `unprompted`): opened before today minus the limit, so one opened exactly the limit's days ago waits.
 */
export async function awaitingDecision(
  db: Db,
  settings: TSettings,
  now: Date,
  o: { unprompted?: boolean } = {},
): Promise<BugRow[]> {
  const today = todayIn(settings.timeZone, now);
  const max = settings.thresholds.bugMaxOpenDays;
  const rows = await db
    .select()
    .from(bugs)
    .where(
      and(
        eq(bugs.state, 'open'),
        isNull(bugs.disposition),
        lt(bugs.openedOn, addDays(today, -max)),
        o.unprompted ? isNull(bugs.promptedAt) : undefined,
      ),
    )
    .orderBy(asc(bugs.openedOn), asc(bugs.title));
  return rows.filter((b) => awaitsDecision(factsOf(b, settings.timeZone), today, max));
}
