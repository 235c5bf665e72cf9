import type { TLeadTime } from '../../shared/release-detail.ts';
import type { TRelease } from '../../shared/releases.ts';
import { formatLocalDate } from './org-time.ts';

export interface LeadTimeState {
  text: string;
  tone: 'ok' | 'warn' | 'danger' | 'muted' | '';
}

/** One line for the releases table: the next bundle deadline, or whether the launch had its bundle in time. */
export function leadTimeState(r: TRelease, today: string): LeadTimeState {
  if (!r.tier) return { text: 'No tier assigned', tone: 'warn' };
  const { distributeBy, publishBy } = r;
  if (!distributeBy || !publishBy) return { text: 'No bundle needed', tone: 'muted' };
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

export interface LaunchDateAdvice {
  tone: 'ok' | 'warn';
  /** What the lead times say of this launch date, in words, dates written out. */
  lines: string[];
}

/**
 * What the create form says before saving, from GET /releases/leadtime for the chosen tier and date: whether
 * the launch respects the tier's lead times (business days, the org's holidays) and the dates the bundle must
 * be distributed and published by.
 */
export function launchDateAdvice(lt: TLeadTime, tierName: string): LaunchDateAdvice {
  const day = (d: string) => formatLocalDate(d, true);
  if (lt.launch < lt.today) {
    return { tone: 'warn', lines: [`The launch date ${day(lt.launch)} is in the past.`] };
  }
  if (lt.distributeBy === null || lt.publishBy === null) {
    return {
      tone: 'ok',
      lines: [
        `${tierName} needs no enablement bundle: any launch date works; mention it in the weekly update.`,
      ],
    };
  }
  const [distribute, publish] = lt.deadlines;
  const left = (d: TLeadTime['deadlines'][number] | undefined) =>
    d?.businessDaysLeft === null || d?.businessDaysLeft === undefined
      ? ''
      : d.businessDaysLeft === 0
        ? ' (today)'
        : d.businessDaysLeft > 0
          ? ` (in ${d.businessDaysLeft} business day${d.businessDaysLeft === 1 ? '' : 's'})`
          : ' (already passed)';
  const dates =
    `Distribute the bundle to Support & Sales by ${day(lt.distributeBy)}${left(distribute)}; ` +
    `publish the final bundle by ${day(lt.publishBy)}${left(publish)}.`;
  if (lt.canMeet) return { tone: 'ok', lines: [`Respects the lead times of ${tierName}.`, dates] };
  return {
    tone: 'warn',
    lines: [
      `Too soon for ${tierName}: the bundle could not go out in time for a launch on ${day(lt.launch)}.`,
      dates,
      `The earliest launch that respects the lead times is ${day(lt.earliestCompliantLaunch)}.`,
    ],
  };
}
