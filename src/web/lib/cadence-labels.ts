import type { THolidayPolicy, TSchedule } from '../../shared/cadence.ts';
import type { TArtifactKind, TChannel, TDeliveryStatus, TVia } from '../../shared/delivery.ts';

/** Display names for the cadence and delivery enums; the API keeps the stable keys. */
export const SCHEDULE_KIND_LABELS: Record<TSchedule['kind'], string> = {
  weekly: 'Weekly',
  biweekly: 'Every other week',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  per_release: 'Per release (no calendar of its own)',
  one_off: 'On set dates (no calendar of its own)',
};

export const HOLIDAY_POLICY_LABELS: Record<THolidayPolicy, string> = {
  skip: 'Skip it',
  next_business_day: 'Move to the next business day',
  previous_business_day: 'Move to the previous business day',
  keep: 'Keep it on the holiday',
};

/** 1…4 and -1 (last), as the schedule's `nth`. */
export const NTH_OPTIONS = [
  { value: '1', label: 'First' },
  { value: '2', label: 'Second' },
  { value: '3', label: 'Third' },
  { value: '4', label: 'Fourth' },
  { value: '-1', label: 'Last' },
] as const;

export const MONTH_OF_QUARTER_OPTIONS = [
  { value: '1', label: 'First month (Jan, Apr, Jul, Oct)' },
  { value: '2', label: 'Second month (Feb, May, Aug, Nov)' },
  { value: '3', label: 'Third month (Mar, Jun, Sep, Dec)' },
] as const;

export const ARTIFACT_KIND_LABELS: Record<TArtifactKind, string> = {
  weekly_update: 'Weekly Product Update',
  roadmap: 'Roadmap changes',
  release: 'Releases',
  insights_digest: 'Insights Digest',
  decision: 'Decisions',
  ritual: 'Ritual reminders',
};

export const artifactKindLabel = (kind: string): string =>
  kind in ARTIFACT_KIND_LABELS ? ARTIFACT_KIND_LABELS[kind as TArtifactKind] : kind;

export const VIA_LABELS: Record<TVia, string> = {
  inbox: 'In-app inbox',
  email: 'Email',
  slack: 'Slack direct message',
};

export const DELIVERY_STATUS_LABELS: Record<TDeliveryStatus, string> = {
  held: 'Held (can still be undone)',
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent',
  dead: 'Dead letter',
};

/** One attempt's outcome in a delivery's log, in words. */
export const DELIVERY_RESULT_LABELS: Record<string, string> = {
  sent: 'Sent',
  failed: 'Failed, will try again',
  dead: 'Failed, gave up',
  retry_requested: 'Retry requested',
};

export const CHANNEL_LABELS: Record<string, string> = {
  email: 'Email',
  slack: 'Slack',
  inbox: 'Inbox',
  webhook: 'Webhook',
};

/** The kinds of channel (destinations that receive published artifacts), not the delivery channels above. */
export const CHANNEL_KIND_LABELS: Record<TChannel['kind'], string> = {
  slack: 'Slack channel',
  email_list: 'Email list',
};

/** Where a channel's messages go: "webhook to hooks.slack.com", "bot → C024BE91L", the list's address. */
export function channelDestination(c: TChannel): string {
  if (c.kind === 'email_list') return c.email ?? 'no address';
  if (c.webhookHost) return `webhook to ${c.webhookHost}`;
  return `bot → ${c.slackChannelId ?? c.name}`;
}

/** "Tiers 2, 3" or "all tiers". */
export const tiersText = (tiers: readonly number[] | null): string =>
  tiers?.length ? `${tiers.length === 1 ? 'Tier' : 'Tiers'} ${tiers.join(', ')}` : 'all tiers';

/** "45 min", "4 h", "1 h 30 min". */
export function minutesText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

const MESSAGE_KIND_LABELS: Record<string, string> = {
  'ritual.reminder': 'Ritual reminder',
  'ritual.artifact_overdue': 'Ritual artifact overdue',
  'slack.readiness_update': 'Readiness answer shown in Slack',
  'slack.status_thread': 'Status change told in a Slack thread',
  'contract.sign_off': 'Strategy contract sign-off asked',
  'contract.signed': 'Strategy contract signed',
  webhook: 'Outbound webhook event',
};

/** What a delivery or inbox item is about: "ritual.reminder" → "Ritual reminder". */
export function messageKindLabel(kind: string): string {
  const known = MESSAGE_KIND_LABELS[kind] ?? artifactKindLabel(kind);
  if (known !== kind) return known;
  const words = kind.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
