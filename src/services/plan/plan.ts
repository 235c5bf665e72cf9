import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, people, planDeliverables, plans, type TimeboxText } from '../../db/schema/index.ts';
import { type CheckRecord, judgeCheck, manualState } from '../../domain/plan/checks.ts';
import { PACK_PLAN, TIMEBOX_DAYS } from '../../domain/plan/pack-plan.ts';
import { addDays, daysFrom, localDateTime, todayIn } from '../../shared/calendar.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import {
  PLAN_CHECK_LABELS,
  PLAN_STATE_LABELS,
  type TDeliverable,
  type TPlanCheck,
  type TRetroView,
  type TTick,
  type TTimebox,
  type TTimeboxPatch,
} from '../../shared/plan.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import type { Context } from '../context.ts';
import { getSettings } from '../org/settings.ts';
import { checkRecords } from './facts.ts';
import { listRetros, scheduleRetros } from './retros.ts';

type DeliverableRow = typeof planDeliverables.$inferSelect;

const TIMEBOX_LABELS = ['Days 0–30', 'Days 31–60', 'Days 61–90'];

/** Which retrospective belongs to which timebox: week 4 to the first, 8 to the second, 12 to the third. */
const retroOfTimebox = (n: number) => n * 4;

function retroRecords(retros: TRetroView[], n: number, timeZone: string): CheckRecord[] {
  const r = retros.find((x) => x.week === retroOfTimebox(n));
  if (!r?.recorded) return [];
  return [
    {
      label: r.title,
      href: `/plan#retro-${r.week}`,
      date: localDateTime(new Date(r.recorded.at), timeZone).date,
      counted: r.recorded.actions.length > 0,
      detail: `${r.recorded.actions.length} actions: ${r.recorded.actions
        .map((a) => `${a.title} (${a.ownerName})`)
        .join('; ')}`,
    },
  ];
}

async function namesOf(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function manualDeliverable(
  d: DeliverableRow,
  window: { from: string; to: string; today: string },
  names: Map<string, string>,
): TDeliverable {
  const state = manualState(d.done, window);
  return {
    id: d.id,
    title: d.title,
    check: null,
    checkLabel: null,
    state,
    stateLabel: PLAN_STATE_LABELS[state],
    figure: d.note ?? 'Ticked by Product Ops when done',
    records: [],
    tick:
      d.tickedAt && d.note
        ? {
            done: d.done,
            note: d.note,
            byName: d.tickedBy ? (names.get(d.tickedBy) ?? null) : null,
            at: d.tickedAt.toISOString(),
          }
        : null,
  };
}

/** The plan with every deliverable judged as of now: checked ones from their records, manual ones as ticked. */
export async function getPlan(ctx: Context) {
  const settings = await ctx.settings();
  const today = todayIn(settings.timeZone, ctx.now);
  const [plan] = await ctx.db.select().from(plans);
  if (!plan)
    return {
      started: false,
      startOn: null,
      today,
      timeZone: settings.timeZone,
      day: null,
      timeboxes: [],
      retros: [],
    };
  const rows = await ctx.db
    .select()
    .from(planDeliverables)
    .orderBy(asc(planDeliverables.timebox), asc(planDeliverables.position));
  const retros = await listRetros(ctx.db);
  const names = await namesOf(
    ctx.db,
    rows.map((r) => r.tickedBy),
  );
  const areaIds = plan.timeboxes.map((t) => t.pilotAreaId).filter((x): x is string => Boolean(x));
  const areaNames = new Map(
    areaIds.length
      ? (
          await ctx.db
            .select({ id: areas.id, name: areas.name })
            .from(areas)
            .where(inArray(areas.id, areaIds))
        ).map((a) => [a.id, a.name])
      : [],
  );
  const timeboxes: TTimebox[] = [];
  for (const [i, text] of plan.timeboxes.entries()) {
    const n = i + 1;
    const days = TIMEBOX_DAYS[i]!;
    const window = {
      from: addDays(plan.startOn, days.first - 1),
      to: addDays(plan.startOn, days.last - 1),
      today,
    };
    const mine = rows.filter((r) => r.timebox === n);
    const checks = new Set(mine.map((r) => r.check).filter((c): c is TPlanCheck => c !== null));
    const records = await checkRecords(
      ctx.db,
      { ...window, now: ctx.now, timeZone: settings.timeZone },
      checks,
      retroRecords(retros, n, settings.timeZone),
    );
    const deliverables = mine.map((d): TDeliverable => {
      if (!d.check) return manualDeliverable(d, window, names);
      const behind = records.get(d.check) ?? [];
      const { state, figure } = judgeCheck(d.check, behind, window);
      return {
        id: d.id,
        title: d.title,
        check: d.check,
        checkLabel: PLAN_CHECK_LABELS[d.check],
        state,
        stateLabel: PLAN_STATE_LABELS[state],
        figure,
        records: behind.map(({ label, href, date, counted, detail }) => ({
          label,
          href,
          date,
          counted,
          detail,
        })),
        tick: null,
      };
    });
    timeboxes.push({
      n,
      label: TIMEBOX_LABELS[i]!,
      ...window,
      running: window.from <= today && today <= window.to,
      ...text,
      pilotAreaName: text.pilotAreaId ? (areaNames.get(text.pilotAreaId) ?? null) : null,
      deliverables,
      done: deliverables.filter((d) => d.state === 'done').length,
      total: deliverables.length,
    });
  }
  return {
    started: true,
    startOn: plan.startOn,
    today,
    timeZone: settings.timeZone,
    day: daysFrom(plan.startOn, today) + 1,
    timeboxes,
    retros,
  };
}

/**
 * Starts the plan from the pack's (§7) on `startOn` (default: today), and puts its retrospectives on the cadence
 * calendar. Started again, it only moves the start date (and the retrospectives not yet recorded).
 */
export async function startPlan(o: { db: Db; actor: Actor; startOn?: string; now: Date }) {
  return o.db.transaction(async (tx) => {
    const { timeZone } = await getSettings(tx);
    const startOn = o.startOn ?? todayIn(timeZone, o.now);
    const [existing] = await tx.select().from(plans);
    if (existing) {
      await tx.update(plans).set({ startOn, updatedAt: o.now });
    } else {
      await tx.insert(plans).values({
        startOn,
        timeboxes: PACK_PLAN.map(({ deliverables: _d, ...t }): TimeboxText => ({ ...t, pilotAreaId: null })),
        startedBy: o.actor.personId,
        startedAt: o.now,
        updatedAt: o.now,
      });
      await tx.insert(planDeliverables).values(
        PACK_PLAN.flatMap((t, i) =>
          t.deliverables.map((d, position) => ({
            timebox: i + 1,
            position,
            title: d.title,
            check: d.check,
          })),
        ),
      );
    }
    await scheduleRetros(tx, { actor: o.actor, startOn, now: o.now });
    await recordAudit(tx, {
      actor: o.actor,
      action: existing ? 'plan.restart' : 'plan.start',
      entityType: 'plan',
      entityId: 'plan',
      change: existing ? { startOn: { from: existing.startOn, to: startOn } } : { startOn },
    });
  });
}

async function currentPlan(tx: Db) {
  const [plan] = await tx.select().from(plans);
  if (!plan) throw notFound('plan (start it first)');
  return plan;
}

/** Product Ops' words for one timebox: goal, scope, pilot area (text, and an area if named), metrics, risks. */
export async function updateTimebox(o: { db: Db; actor: Actor; n: number; patch: TTimeboxPatch; now: Date }) {
  await o.db.transaction(async (tx) => {
    const plan = await currentPlan(tx);
    if (o.patch.pilotAreaId) {
      const [area] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, o.patch.pilotAreaId));
      if (!area) throw invalid([{ path: 'pilotAreaId', message: 'is not a known area' }]);
    }
    const before = plan.timeboxes[o.n - 1]!;
    const after: TimeboxText = {
      ...before,
      ...o.patch,
      pilotAreaId: o.patch.pilotAreaId === undefined ? before.pilotAreaId : o.patch.pilotAreaId,
    };
    const timeboxes = plan.timeboxes.map((t, i) => (i === o.n - 1 ? after : t));
    await tx.update(plans).set({ timeboxes, updatedAt: o.now });
    await recordAudit(tx, {
      actor: o.actor,
      action: 'plan.timebox',
      entityType: 'plan',
      entityId: `timebox-${o.n}`,
      change: diffFields(before, after),
    });
  });
}

/** Ticks or unticks a manual deliverable, with the note saying why; who and when are kept and audited. */
export async function tickDeliverable(o: { db: Db; actor: Actor; id: string; tick: TTick; now: Date }) {
  await o.db.transaction(async (tx) => {
    const [d] = await tx.select().from(planDeliverables).where(eq(planDeliverables.id, o.id));
    if (!d) throw notFound('deliverable');
    if (d.check)
      throw new AppError('conflict', 'this deliverable is checked by the records: it cannot be ticked', [
        { path: 'done', message: 'is decided by the records for this deliverable' },
      ]);
    await tx
      .update(planDeliverables)
      .set({ done: o.tick.done, note: o.tick.note, tickedBy: o.actor.personId, tickedAt: o.now })
      .where(eq(planDeliverables.id, o.id));
    await recordAudit(tx, {
      actor: o.actor,
      action: o.tick.done ? 'plan.tick' : 'plan.untick',
      entityType: 'plan_deliverable',
      entityId: o.id,
      change: { title: d.title, done: { from: d.done, to: o.tick.done }, note: o.tick.note },
    });
  });
}

export async function deliverableExists(db: Db, id: string) {
  const [d] = await db
    .select({ id: planDeliverables.id })
    .from(planDeliverables)
    .where(eq(planDeliverables.id, id));
  return Boolean(d);
}
