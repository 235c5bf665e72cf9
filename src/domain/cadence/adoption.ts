import { Temporal } from '@js-temporal/polyfill';

export interface OccurrenceFacts {
  ritualId: string;
  startsAt: string;
  status: 'scheduled' | 'held' | 'skipped' | 'cancelled';
  expectedAttendees: number;
  presentAttendees: number;
  artifactDueAt: string;
  artifactProducedAt: string | null;
}

export interface Adoption {
  eligible: number;
  adopted: number;
  /** adopted / eligible × 100, one decimal; null when nothing was eligible (no data is not 0 %). */
  pct: number | null;
  attendanceOk: number;
  artifactOnTime: number;
}

export interface RitualAdoptionOptions {
  /** Minimum present/expected share, in percent (settings.thresholds.ritualAttendanceSharePct). */
  attendanceSharePct: number;
  /** Instants; an occurrence counts when from ≤ startsAt < to. */
  from: string;
  to: string;
  now: string;
}

const instant = (s: string) => Temporal.Instant.from(s);
const before = (a: Temporal.Instant, b: Temporal.Instant) => Temporal.Instant.compare(a, b) < 0;

const empty = (): Adoption => ({ eligible: 0, adopted: 0, pct: null, attendanceOk: 0, artifactOnTime: 0 });

/**
 * A ritual is adopted when it actually runs as designed: enough of the expected people show up and it
 * produces its artifact on time ("no just-a-meeting entries"). An async ritual (weekly update) expects
 * nobody, so its attendance is always ok. Occurrences still to come, skipped or cancelled are not judged.
 */
export function ritualAdoption(
  occurrences: readonly OccurrenceFacts[],
  opts: RitualAdoptionOptions,
): { overall: Adoption; perRitual: Record<string, Adoption> } {
  const from = instant(opts.from);
  const to = instant(opts.to);
  const now = instant(opts.now);
  const overall = empty();
  // A Map, not an object literal: ids come from data and must not collide with Object.prototype keys.
  const perRitual = new Map<string, Adoption>();

  for (const o of occurrences) {
    const ritual = perRitual.get(o.ritualId) ?? empty();
    perRitual.set(o.ritualId, ritual);
    const starts = instant(o.startsAt);
    if (o.status === 'skipped' || o.status === 'cancelled') continue;
    if (before(starts, from) || !before(starts, to) || !before(starts, now)) continue;

    const { attendanceOk, onTime } = occurrenceChecks(o, opts.attendanceSharePct);
    for (const a of [overall, ritual]) {
      a.eligible += 1;
      if (attendanceOk) a.attendanceOk += 1;
      if (onTime) a.artifactOnTime += 1;
      if (attendanceOk && onTime) a.adopted += 1;
    }
  }

  for (const a of [overall, ...perRitual.values()]) {
    a.pct = a.eligible === 0 ? null : Math.round((a.adopted * 1000) / a.eligible) / 10;
  }
  return { overall, perRitual: Object.fromEntries(perRitual) };
}

/** One held occurrence's two checks: enough of the expected people present, and its artifact on time. */
export function occurrenceChecks(o: OccurrenceFacts, attendanceSharePct: number) {
  // Cross-multiplied so a share exactly at the threshold (4 of 5 at 80 %) is not lost to float division.
  const attendanceOk =
    o.expectedAttendees <= 0 || o.presentAttendees * 100 >= attendanceSharePct * o.expectedAttendees;
  const onTime =
    o.artifactProducedAt !== null &&
    Temporal.Instant.compare(instant(o.artifactProducedAt), instant(o.artifactDueAt)) <= 0;
  return { attendanceOk, onTime };
}
