/** leadtime.ts as it was before issue 19 (Temporal throughout): the oracle for leadtime.equivalence.test.ts. */
import { Temporal } from '@js-temporal/polyfill';
import {
  businessDaysBefore,
  isBusinessDay,
  nearestBusinessDay,
} from '../cadence/business-days-temporal.fixture.ts';
import type { Deadline, DeadlineStatus, LeadTime, LeadTimeInput, LeadTimeRule } from './leadtime.ts';

type Holidays = readonly { date: string }[];

const iso = (date: string): string => Temporal.PlainDate.from(date).toString();
const cmp = (a: string, b: string): number => Temporal.PlainDate.compare(a, b);

/** Business days d with from < d <= to (both ISO dates, from <= to). */
function businessDaysBetween(
  from: string,
  to: string,
  workWeek: readonly number[],
  holidays: Holidays,
): number {
  let count = 0;
  let d = Temporal.PlainDate.from(from).add({ days: 1 });
  while (cmp(d.toString(), to) <= 0) {
    if (isBusinessDay(d.toString(), workWeek, holidays)) count += 1;
    d = d.add({ days: 1 });
  }
  return count;
}

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
export function leadTimeTemporal(input: LeadTimeInput): LeadTime {
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
