import type { TSettings } from '../../shared/settings.ts';
import type { Release } from '../api-releases.ts';
import { addDays, formatLocalDate, isoWeekday } from './org-time.ts';

type Calendar = Pick<TSettings, 'workWeek' | 'holidays'>;

const isBusinessDay = (date: string, c: Calendar) =>
  c.workWeek.includes(isoWeekday(date)) && !c.holidays.some((h) => h.date === date);

/**
 * The domain's businessDaysBefore (src/domain/cadence/business-days.ts) without the Temporal polyfill, which
 * the web bundle leaves out: count back n business days from the launch, or from the business day before it
 * when the launch is not one. lead-time.test.ts holds both to the same answers.
 */
export function businessDaysBefore(date: string, n: number, c: Calendar): string {
  if (!c.workWeek.length) return date;
  const back = (d: string) => {
    let x = addDays(d, -1);
    while (!isBusinessDay(x, c)) x = addDays(x, -1);
    return x;
  };
  let d = isBusinessDay(date, c) ? date : back(date);
  for (let i = 0; i < n; i += 1) d = back(d);
  return d;
}

export interface LeadTimeState {
  text: string;
  tone: 'ok' | 'warn' | 'danger' | 'muted' | '';
}

/** One line for the releases table: the next bundle deadline, or whether the launch had its bundle in time. */
export function leadTimeState(r: Release, settings: TSettings, today: string): LeadTimeState {
  if (!r.tier) return { text: 'No tier assigned', tone: 'warn' };
  const rule = settings.tiers[`tier${r.tier}`];
  if (rule.bundle === 'none') return { text: 'No bundle needed', tone: 'muted' };
  const distributeBy = businessDaysBefore(r.targetDate, rule.distributeBusinessDays, settings);
  const publishBy = businessDaysBefore(r.targetDate, rule.publishBusinessDays, settings);
  if (r.status === 'launched' || r.status === 'rolled_back') {
    const launch = r.launchedOn ?? r.targetDate;
    return r.publishedOn && r.publishedOn < launch
      ? { text: 'Bundle published before launch', tone: 'ok' }
      : { text: 'No bundle published before launch', tone: 'danger' };
  }
  const steps = [
    { done: r.distributedOn, due: distributeBy, what: 'Distribute' },
    { done: r.publishedOn, due: publishBy, what: 'Publish' },
  ];
  const late = steps.filter((s) => (s.done ? s.done > s.due : today > s.due));
  const next = steps.find((s) => !s.done);
  if (!next) {
    return late.length
      ? { text: `Done late (${late.map((s) => s.what.toLowerCase()).join(', ')})`, tone: 'warn' }
      : { text: 'Distributed and published on time', tone: 'ok' };
  }
  const due = formatLocalDate(next.due, true);
  if (today > next.due) return { text: `${next.what} was due ${due}`, tone: 'danger' };
  return { text: `${next.what} by ${due}`, tone: late.length ? 'warn' : '' };
}
