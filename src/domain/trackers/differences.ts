import { MONTH_NAMES } from '../../shared/calendar.ts';
import { RELEASE_STATUS_LABELS, type TReleaseStatus } from '../../shared/releases.ts';
import { ROADMAP_STATUS_LABELS, type TRoadmapStatus } from '../../shared/roadmap.ts';
import type { TTrackerDifferenceKind } from '../../shared/trackers.ts';

/**
 * Where a tracker and prodops disagree (issue 18). The tracker never changes prodops: a difference is flagged to
 * the PM and Product Ops, who decide which one is right. Pure: the subject's dates and status, the last pull.
 */
export type SubjectFacts =
  | { type: 'release'; targetDate: string; status: TReleaseStatus }
  | { type: 'roadmap_item'; earliest: string; latest: string; status: TRoadmapStatus };

export interface PulledWork {
  state: 'open' | 'closed';
  /** The due day (YYYY-MM-DD) or null when the tracker has none. */
  dueOn: string | null;
  openIssues: number;
  closedIssues: number;
}

export interface Difference {
  kind: TTrackerDifferenceKind;
  trackerValue: string;
  prodopsValue: string;
}

const DONE_RELEASE: readonly TReleaseStatus[] = ['launched', 'rolled_back'];
const DONE_ITEM: readonly TRoadmapStatus[] = ['shipped', 'dropped'];

const isDone = (s: SubjectFacts) =>
  s.type === 'release' ? DONE_RELEASE.includes(s.status) : DONE_ITEM.includes(s.status);

/** Closed, or every issue in it closed (at least one): the tracker says the work is done. */
export const trackerSaysDone = (w: PulledWork): boolean =>
  w.state === 'closed' || (w.openIssues === 0 && w.closedIssues > 0);

export function differencesOf(subject: SubjectFacts, work: PulledWork): Difference[] {
  if (isDone(subject)) return [];
  const out: Difference[] = [];
  if (work.dueOn) {
    if (subject.type === 'release' && work.dueOn !== subject.targetDate)
      out.push({ kind: 'due_date', trackerValue: work.dueOn, prodopsValue: subject.targetDate });
    if (subject.type === 'roadmap_item' && (work.dueOn < subject.earliest || work.dueOn > subject.latest))
      out.push({
        kind: 'due_date',
        trackerValue: work.dueOn,
        prodopsValue: `${subject.earliest}/${subject.latest}`,
      });
  }
  if (trackerSaysDone(work))
    out.push({ kind: 'tracker_done', trackerValue: work.state, prodopsValue: subject.status });
  return out;
}

/** "18 December 2026" */
export function dayInWords(day: string): string {
  return `${Number(day.slice(8, 10))} ${MONTH_NAMES[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

const statusWords = (subjectType: SubjectFacts['type'], status: string) =>
  subjectType === 'release'
    ? (RELEASE_STATUS_LABELS[status as TReleaseStatus] ?? status)
    : (ROADMAP_STATUS_LABELS[status as TRoadmapStatus] ?? status);

/** The difference as people read it, e.g. "GitHub's due date is 18 December 2026; the launch date is 15 December 2026". */
export function differenceText(
  d: Difference,
  o: { tracker: string; subjectType: SubjectFacts['type']; closedWords?: string },
): string {
  if (d.kind === 'tracker_done')
    return `${o.tracker} says the work is done (${d.trackerValue === 'closed' ? (o.closedWords ?? 'milestone closed') : 'every issue closed'}); prodops says ${statusWords(o.subjectType, d.prodopsValue)}`;
  if (o.subjectType === 'release')
    return `${o.tracker}'s due date is ${dayInWords(d.trackerValue)}; the launch date in prodops is ${dayInWords(d.prodopsValue)}`;
  const [from = '', to = ''] = d.prodopsValue.split('/');
  return `${o.tracker}'s due date is ${dayInWords(d.trackerValue)}, outside the roadmap range ${dayInWords(from)} – ${dayInWords(to)}`;
}

/** "7 of 12 issues closed" */
export function progressText(open: number, closed: number): string {
  const total = open + closed;
  return total === 0 ? 'no issues yet' : `${closed} of ${total} issue${total === 1 ? '' : 's'} closed`;
}

/** What a link points at, in words: "GitHub milestone acme/billing #7", "Jira epic ED-12", "Linear project". */
export function targetWords(link: {
  kind: string;
  repo: string;
  ref: string;
  title?: string | null;
}): string {
  if (link.kind === 'linear') return `Linear project${link.title ? ` ${link.title}` : ''}`;
  if (link.kind === 'jira')
    return link.repo === 'version'
      ? `Jira version ${link.title ?? link.ref}`
      : `Jira epic ${link.ref}${link.title ? ` · ${link.title}` : ''}`;
  return `GitHub milestone ${link.repo} #${link.ref}${link.title ? ` · ${link.title}` : ''}`;
}

/** Why the tracker says the work is done when the target itself is closed. */
export function closedWords(link: { kind: string; repo: string }): string {
  if (link.kind === 'jira') return link.repo === 'version' ? 'version released' : 'epic done';
  if (link.kind === 'linear') return 'project completed';
  return 'milestone closed';
}
