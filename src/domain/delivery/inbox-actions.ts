import type { TReleaseStatus } from '../../shared/releases.ts';

/** What an "I'm ready" sign-off depends on: the release it signs off. */
export interface ReadinessTarget {
  status: TReleaseStatus;
  targetDate: string;
  launchedOn: string | null;
}

export interface ActionState {
  open: boolean;
  closedReason: string | null;
}

const OPEN: ActionState = { open: true, closedReason: null };

/** "Thu 19 Nov 2026": the web app's one date format (lib/org-time formatLocalDate), for a local date. */
const DAY_WORDS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

export function dayWords(date: string): string {
  return DAY_WORDS.format(new Date(`${date}T00:00:00Z`)).replace(',', '');
}

/**
 * Whether an "I'm ready" is still worth asking for on `today` (the org's local date): not once the release
 * launched, was rolled back, or its launch day passed. The sign-off would change nothing, so the inbox shows why.
 */
export function readinessActionState(release: ReadinessTarget, today: string): ActionState {
  if (release.status === 'launched' || release.launchedOn)
    return {
      open: false,
      closedReason: `Launched on ${dayWords(release.launchedOn ?? release.targetDate)} — no sign-off needed`,
    };
  if (release.status === 'rolled_back')
    return { open: false, closedReason: 'Rolled back — no sign-off needed' };
  if (release.targetDate < today)
    return {
      open: false,
      closedReason: `Launch day was ${dayWords(release.targetDate)} — no sign-off needed`,
    };
  return OPEN;
}
