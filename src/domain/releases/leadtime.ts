import {
  businessDaysBefore,
  businessDaysBetween,
  dateOfDay,
  dayOfDate,
  isBusinessDay,
  nearestBusinessDay,
} from '../cadence/business-days.ts';
import type { Tier } from './attributes.ts';

export interface LeadTimeRule {
  bundle: 'none' | 'lite' | 'full';
  distributeBusinessDays: number;
  publishBusinessDays: number;
}

type Holidays = readonly { date: string }[];

export interface LeadTimeInput {
  tier: Tier;
  launch: string;
  today: string;
  rule: LeadTimeRule;
  workWeek: readonly number[];
  holidays: Holidays;
  /** Local dates the bundle was distributed / published, if it was. */
  distributedOn?: string | null;
  publishedOn?: string | null;
}

export type DeadlineStatus = 'not_required' | 'done' | 'done_late' | 'open' | 'missed';

export interface Deadline {
  kind: 'distribute' | 'publish';
  due: string | null;
  status: DeadlineStatus;
  doneOn: string | null;
  businessDaysLeft: number | null;
}

export interface LeadTime {
  tier: Tier;
  launch: string;
  today: string;
  /** Null when the tier needs no bundle. */
  distributeBy: string | null;
  publishBy: string | null;
  /** Always [distribute, publish]. */
  deadlines: Deadline[];
  /** No deadline is missed or done_late. */
  canMeet: boolean;
  /** One plain sentence per late or missed deadline. */
  late: string[];
  /** Earliest launch date L >= today such that distributing and publishing today meets both deadlines for L. */
  earliestCompliantLaunch: string;
}

const iso = (date: string): string => dateOfDay(dayOfDate(date));
/** Both dates are ISO dates already (iso above): their order is their day numbers' order. */
const cmp = (a: string, b: string): number => Math.sign(dayOfDate(a) - dayOfDate(b));

function statusOf(due: string, doneOn: string | null, today: string): DeadlineStatus {
  if (doneOn !== null) return cmp(doneOn, due) <= 0 ? 'done' : 'done_late';
  // The due day itself still counts as in time.
  return cmp(today, due) <= 0 ? 'open' : 'missed';
}

function deadline(
  kind: Deadline['kind'],
  due: string | null,
  doneOn: string | null,
  input: LeadTimeInput,
): Deadline {
  if (due === null) return { kind, due, status: 'not_required', doneOn, businessDaysLeft: null };
  const { today, workWeek, holidays } = input;
  const businessDaysLeft =
    cmp(today, due) <= 0
      ? businessDaysBetween(today, due, workWeek, holidays)
      : -businessDaysBetween(due, today, workWeek, holidays);
  return { kind, due, status: statusOf(due, doneOn, today), doneOn, businessDaysLeft };
}

function beforeLaunch(n: number): string {
  if (n === 0) return 'the last business day up to launch';
  return `${n} business day${n === 1 ? '' : 's'} before launch`;
}

const WORDING = {
  distribute: { missed: 'Bundle distribution', done: 'Bundle was distributed' },
  publish: { missed: 'Final bundle publication', done: 'Final bundle was published' },
} as const;

function lateSentence(d: Deadline, rule: LeadTimeRule): string | null {
  const n = d.kind === 'distribute' ? rule.distributeBusinessDays : rule.publishBusinessDays;
  const words = WORDING[d.kind];
  if (d.status === 'missed') {
    return `${words.missed} was due ${d.due} (${beforeLaunch(n)}) and has not happened.`;
  }
  if (d.status === 'done_late') {
    return `${words.done} on ${d.doneOn}, after it was due ${d.due} (${beforeLaunch(n)}).`;
  }
  return null;
}

/**
 * The first launch date whose deadlines are all still ahead of (or on) today. Counting back N business days
 * from L reaches today or later exactly when L's own business day is at least N business days after the
 * first business day on or after today, so L is that business day.
 */
function earliestLaunch(today: string, n: number, workWeek: readonly number[], holidays: Holidays): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`lead time must be a non-negative integer, got ${n}`);
  }
  let d = isBusinessDay(today, workWeek, holidays)
    ? iso(today)
    : nearestBusinessDay(today, 1, workWeek, holidays);
  for (let i = 0; i < n; i += 1) d = nearestBusinessDay(d, 1, workWeek, holidays);
  return d;
}

/** Deadlines for distributing and publishing a release's enablement bundle (pack §6 Enablement Workflow). */
export function leadTime(input: LeadTimeInput): LeadTime {
  const { tier, rule, workWeek, holidays } = input;
  const launch = iso(input.launch);
  const today = iso(input.today);
  const needsBundle = rule.bundle !== 'none';
  const by = (n: number) => (needsBundle ? businessDaysBefore(launch, n, workWeek, holidays) : null);
  const distributeBy = by(rule.distributeBusinessDays);
  const publishBy = by(rule.publishBusinessDays);
  const norm = { ...input, launch, today };
  const deadlines = [
    deadline('distribute', distributeBy, input.distributedOn ? iso(input.distributedOn) : null, norm),
    deadline('publish', publishBy, input.publishedOn ? iso(input.publishedOn) : null, norm),
  ];
  const late = deadlines.map((d) => lateSentence(d, rule)).filter((s): s is string => s !== null);
  // The longer lead time binds: its deadline is the earlier one.
  const longest = Math.max(rule.distributeBusinessDays, rule.publishBusinessDays);
  return {
    tier,
    launch,
    today,
    distributeBy,
    publishBy,
    deadlines,
    canMeet: late.length === 0,
    late,
    earliestCompliantLaunch: needsBundle ? earliestLaunch(today, longest, workWeek, holidays) : today,
  };
}

/** What the CLI prints: a stable key order. */
export function leadTimeJson(lt: LeadTime) {
  return {
    tier: lt.tier,
    launch: lt.launch,
    today: lt.today,
    distributeBy: lt.distributeBy,
    publishBy: lt.publishBy,
    canMeet: lt.canMeet,
    late: lt.late,
    earliestCompliantLaunch: lt.earliestCompliantLaunch,
    deadlines: lt.deadlines,
  };
}
