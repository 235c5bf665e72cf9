import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  enablementBundles,
  occurrenceAttendance,
  postLaunchChecks,
  releases,
  ritualOccurrences,
  rituals,
} from '../../db/schema/index.ts';
import { addBusinessDays } from '../../domain/cadence/business-days.ts';
import { type LeadTime, leadTime } from '../../domain/releases/leadtime.ts';
import { postLaunchDates } from '../../domain/releases/post-launch.ts';
import { localInstant, todayIn } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import { artifactCheckKey, reminderKey, scheduleOccurrenceActions } from '../cadence/occurrences.ts';
import { getSettings } from '../org/settings.ts';
import { cancelAction, scheduleAction } from '../scheduling.ts';
import { planAwarenessSurvey } from '../surveys/awareness.ts';
import { watchGate } from '../webhooks/events.ts';

export const READINESS_RITUAL = 'launch-readiness-check';
/** Warnings and check-ins go out at this local time: the start of a working day. */
const MORNING = '09:00';

export const tierRule = (settings: TSettings, tier: number | null) =>
  tier === 1 || tier === 2 || tier === 3 ? settings.tiers[`tier${tier}`] : null;

type ReleaseRow = typeof releases.$inferSelect;
type BundleRow = typeof enablementBundles.$inferSelect;

/** The release's deadlines as of `today`; null when it has no tier. */
export function leadTimeOf(
  settings: TSettings,
  release: Pick<ReleaseRow, 'tier' | 'targetDate'>,
  bundle: Pick<BundleRow, 'distributedOn' | 'publishedOn'> | null | undefined,
  today: string,
): LeadTime | null {
  const rule = tierRule(settings, release.tier);
  if (!rule) return null;
  return leadTime({
    tier: release.tier as 1 | 2 | 3,
    launch: release.targetDate,
    today,
    rule,
    workWeek: settings.workWeek,
    holidays: settings.holidays,
    distributedOn: bundle?.distributedOn ?? null,
    publishedOn: bundle?.publishedOn ?? null,
  });
}

/** Cancels pending actions under `prefix` except the ones still wanted (a moved launch leaves stale keys). */
async function cancelStale(tx: Db, prefix: string, keep: string[]) {
  const kept = keep.length
    ? sql`and key not in (${sql.join(
        keep.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  await tx.execute(
    sql`update scheduled_actions set status = 'cancelled'
        where key like ${`${prefix}%`} and status = 'pending' ${kept}`,
  );
}

const isOpen = (r: ReleaseRow) => r.status !== 'launched' && r.status !== 'rolled_back';

async function planWarnings(
  tx: Db,
  settings: TSettings,
  r: ReleaseRow,
  bundle: BundleRow | undefined,
  now: Date,
) {
  const prefix = `release.deadline_warning:${r.id}:`;
  const keep: string[] = [];
  const lt = isOpen(r) ? leadTimeOf(settings, r, bundle, todayIn(settings.timeZone, now)) : null;
  for (const d of lt?.deadlines ?? []) {
    if (d.status !== 'open' || !d.due) continue;
    for (const offset of settings.deadlines.releaseWarningBusinessDays) {
      const on = addBusinessDays(d.due, -offset, settings.workWeek, settings.holidays);
      const dueAt = localInstant(on, MORNING, settings.timeZone);
      if (dueAt.getTime() < now.getTime()) continue;
      const key = `${prefix}${d.kind}:${d.due}:${offset}`;
      keep.push(key);
      await scheduleAction(tx, {
        kind: 'release.deadline_warning',
        key,
        dueAt,
        latePolicy: 'skip_if_late',
        graceSeconds: 4 * 3600,
        payload: { releaseId: r.id, deadline: d.kind, due: d.due },
      });
    }
  }
  await cancelStale(tx, prefix, keep);
}

async function readinessOccurrence(tx: Db, releaseId: string) {
  const [row] = await tx
    .select({ o: ritualOccurrences, r: rituals })
    .from(ritualOccurrences)
    .innerJoin(rituals, eq(rituals.id, ritualOccurrences.ritualId))
    .where(and(eq(rituals.slug, READINESS_RITUAL), eq(ritualOccurrences.key, releaseId)));
  return row ?? null;
}

async function isTouched(tx: Db, occ: typeof ritualOccurrences.$inferSelect) {
  if (occ.status !== 'scheduled' || occ.artifactProducedAt || occ.notes) return true;
  const rows = await tx
    .select()
    .from(occurrenceAttendance)
    .where(eq(occurrenceAttendance.occurrenceId, occ.id))
    .limit(1);
  return rows.length > 0;
}

/** Tier 3 (readiness "meeting"): one Launch Readiness Check occurrence, on the publication deadline day. */
async function planReadinessMeeting(
  tx: Db,
  settings: TSettings,
  r: ReleaseRow,
  removing: boolean,
  now: Date,
) {
  const [ritual] = await tx.select().from(rituals).where(eq(rituals.slug, READINESS_RITUAL));
  const existing = await readinessOccurrence(tx, r.id);
  const rule = tierRule(settings, r.tier);
  const wanted = !removing && ritual?.active && rule?.readinessCheck === 'meeting' && isOpen(r);
  if (existing && (await isTouched(tx, existing.o))) return;
  if (!wanted || !ritual) {
    if (existing) {
      await cancelAction(tx, reminderKey(existing.o.id));
      await cancelAction(tx, artifactCheckKey(existing.o.id));
      await tx.delete(ritualOccurrences).where(eq(ritualOccurrences.id, existing.o.id));
    }
    return;
  }
  const lt = leadTimeOf(settings, r, null, todayIn(settings.timeZone, now))!;
  const day = lt.publishBy ?? r.targetDate;
  const startsAt = localInstant(day, settings.deadlines.readinessCheckTime, settings.timeZone);
  const values = {
    localDate: day,
    startsAt,
    endsAt: new Date(startsAt.getTime() + ritual.durationMinutes * 60_000),
    status: 'scheduled' as const,
    artifactDueAt: new Date(startsAt.getTime() + ritual.artifactDueHours * 3_600_000),
    updatedAt: now,
  };
  const [occ] = existing
    ? await tx
        .update(ritualOccurrences)
        .set(values)
        .where(eq(ritualOccurrences.id, existing.o.id))
        .returning()
    : await tx
        .insert(ritualOccurrences)
        .values({ ritualId: ritual.id, key: r.id, ...values })
        .returning();
  await scheduleOccurrenceActions(tx, ritual, occ!);
}

/** After a Tier 2/3 launch: the Day 3 check-in and Day 14 retro exist as rows with a reminder each. */
async function planPostLaunch(tx: Db, settings: TSettings, r: ReleaseRow) {
  const rule = tierRule(settings, r.tier);
  if (!r.launchedOn || !rule?.postLaunchCapture) return;
  const dates = postLaunchDates(r.launchedOn, settings.workWeek, settings.holidays);
  await tx
    .insert(postLaunchChecks)
    .values([
      { releaseId: r.id, kind: 'day3', dueOn: dates.day3 },
      { releaseId: r.id, kind: 'day14', dueOn: dates.day14 },
    ])
    .onConflictDoNothing();
  const checks = await tx
    .select()
    .from(postLaunchChecks)
    .where(and(eq(postLaunchChecks.releaseId, r.id), inArray(postLaunchChecks.kind, ['day3', 'day14'])));
  for (const c of checks) {
    if (c.completedAt) continue;
    // Run late rather than never: a check-in nobody was asked for is a capture lost.
    await scheduleAction(tx, {
      kind: 'release.post_launch',
      key: `release.post_launch:${c.id}`,
      dueAt: localInstant(c.dueOn, MORNING, settings.timeZone),
      latePolicy: 'run_late',
      payload: { checkId: c.id },
    });
  }
}

/**
 * Recomputes everything that hangs off a release's tier, date and status: deadline warnings, the Tier 3
 * readiness meeting, post-launch check-ins. Called in the transaction of every change to the release.
 */
export async function replanRelease(
  tx: Db,
  releaseId: string,
  now: Date,
  opts: { removing?: boolean } = {},
): Promise<void> {
  if (!opts.removing) await watchGate(tx, [releaseId], now);
  const [r] = await tx.select().from(releases).where(eq(releases.id, releaseId));
  if (!r) return;
  const settings = await getSettings(tx);
  const [bundle] = await tx
    .select()
    .from(enablementBundles)
    .where(eq(enablementBundles.releaseId, releaseId));
  await planWarnings(tx, settings, opts.removing ? { ...r, status: 'rolled_back' } : r, bundle, now);
  await planReadinessMeeting(tx, settings, r, opts.removing ?? false, now);
  if (!opts.removing) await planPostLaunch(tx, settings, r);
  if (!opts.removing) await planAwarenessSurvey(tx, settings, r);
}

export { readinessOccurrence };
