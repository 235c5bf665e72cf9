import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areaActiveUsers, areas, releases } from '../../db/schema/index.ts';
import {
  type BurdenFigure,
  burdenFigure,
  currentBurden,
  type LaunchDelta,
  launchDelta,
  type UsersInMonth,
} from '../../domain/quality/burden.ts';
import type { DailyTickets } from '../../domain/quality/confusion.ts';
import { addDays, addMonths, todayIn } from '../../shared/calendar.ts';
import { invalid, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

/** Months in the burden's trend, the current one last. */
const TREND_MONTHS = 6;
/** Days of daily counts the burden reads: the trend's months and the 14 days either side of their launches. */
export const BURDEN_DAYS_NEEDED = TREND_MONTHS * 31 + 31;

export interface AreaBurden {
  current: BurdenFigure;
  /** One figure per calendar month, oldest first; the current month so far last. */
  months: (BurdenFigure & { month: string })[];
  /** Launches of the area in the trend's months: tickets in the 14 days before against the 14 from launch day. */
  launches: LaunchDelta[];
}

interface BurdenInputs {
  users: Map<string, UsersInMonth[]>;
  launches: Map<string, { releaseId: string; title: string; launchedOn: string }[]>;
}

const push = <T>(m: Map<string, T[]>, key: string, v: T) => m.set(key, [...(m.get(key) ?? []), v]);

/** The user history and the launches of every area (or one) since `from`. */
export async function burdenInputs(db: Db, o: { from: string; areaId?: string }): Promise<BurdenInputs> {
  const users = await db
    .select()
    .from(areaActiveUsers)
    .where(o.areaId ? eq(areaActiveUsers.areaId, o.areaId) : undefined);
  const launched = await db
    .select({
      id: releases.id,
      title: releases.title,
      areaId: releases.areaId,
      launchedOn: releases.launchedOn,
    })
    .from(releases)
    .where(
      and(
        isNotNull(releases.areaId),
        gte(releases.launchedOn, o.from),
        o.areaId ? eq(releases.areaId, o.areaId) : undefined,
      ),
    );
  const out: BurdenInputs = { users: new Map(), launches: new Map() };
  for (const u of users) push(out.users, u.areaId, { month: u.month, users: u.users });
  for (const r of launched)
    push(out.launches, r.areaId!, { releaseId: r.id, title: r.title, launchedOn: r.launchedOn! });
  return out;
}

/** An area's burden now, per month and around its launches; without a user history, its one recorded count. */
export function areaBurden(
  daily: readonly DailyTickets[],
  inputs: { users: UsersInMonth[]; launches: { releaseId: string; title: string; launchedOn: string }[] },
  o: { today: string; activeUsers: number; threshold: number },
): AreaBurden {
  const history = inputs.users.length ? inputs.users : [{ month: '0000-01', users: o.activeUsers }];
  const start = addMonths(o.today, 1 - TREND_MONTHS);
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => {
    const from = addMonths(start, i);
    const end = addDays(addMonths(from, 1), -1);
    const to = end.localeCompare(o.today) < 0 ? end : o.today;
    return {
      month: from.slice(0, 7),
      ...burdenFigure(daily, history, { from, to, thresholdPer1k: o.threshold }),
    };
  });
  return {
    current: currentBurden(daily, history, o.today, o.threshold),
    months,
    launches: inputs.launches
      .filter((l) => l.launchedOn <= o.today)
      .sort((a, b) => a.launchedOn.localeCompare(b.launchedOn))
      .map((l) => launchDelta(daily, l)),
  };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Records an area's active users for a month (entered, imported or posted); the same month again replaces its
 * count. The current month's count is also the area's own figure.
 */
export async function recordActiveUsers(o: {
  db: Db;
  actor: Actor;
  areaId: string;
  entries: { month: string; users: number }[];
  timeZone: string;
  now: Date;
}): Promise<number> {
  const problems = o.entries.flatMap((e, i) => [
    ...(MONTH.test(e.month) ? [] : [{ path: `entries.${i}.month`, message: 'must be a month like 2026-11' }]),
    ...(Number.isInteger(e.users) && e.users >= 0 && e.users <= 1_000_000_000
      ? []
      : [{ path: `entries.${i}.users`, message: 'must be a whole number from 0 to 1,000,000,000' }]),
  ]);
  if (problems.length) throw invalid(problems);
  const thisMonth = todayIn(o.timeZone, o.now).slice(0, 7);
  return o.db.transaction(async (tx) => {
    const [area] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.id, o.areaId)).for('update');
    if (!area) throw notFound('area');
    for (const e of o.entries)
      await keepUsersOfMonth(tx, { areaId: o.areaId, ...e, by: o.actor.label, now: o.now });
    const current = o.entries.find((e) => e.month === thisMonth);
    if (current) await tx.update(areas).set({ activeUsers: current.users }).where(eq(areas.id, o.areaId));
    await recordAudit(tx, {
      actor: o.actor,
      action: 'area.active_users',
      entityType: 'area',
      entityId: o.areaId,
      change: { entries: o.entries },
    });
    return o.entries.length;
  });
}

/** One month's count in the history (the same month again replaces it). */
export async function keepUsersOfMonth(
  tx: Db,
  o: { areaId: string; month: string; users: number; by: string; now: Date },
): Promise<void> {
  await tx
    .insert(areaActiveUsers)
    .values({ areaId: o.areaId, month: o.month, users: o.users, recordedBy: o.by, recordedAt: o.now })
    .onConflictDoUpdate({
      target: [areaActiveUsers.areaId, areaActiveUsers.month],
      set: { users: o.users, recordedBy: o.by, recordedAt: o.now },
    });
}

/** An area's recorded active users, newest month first. */
export async function listActiveUsers(db: Db, areaId: string) {
  const rows = await db
    .select({
      month: areaActiveUsers.month,
      users: areaActiveUsers.users,
      recordedBy: areaActiveUsers.recordedBy,
    })
    .from(areaActiveUsers)
    .where(eq(areaActiveUsers.areaId, areaId))
    .orderBy(desc(areaActiveUsers.month));
  return rows;
}
