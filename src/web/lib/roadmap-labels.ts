import {
  CONFIDENCE_LABELS,
  CONFIDENCES,
  ROADMAP_STATUS_LABELS,
  ROADMAP_STATUSES,
  type TChangeKind,
  type TConfidence,
  type TRoadmapChange,
  type TRoadmapStatus,
  VISIBILITIES,
} from '../../shared/roadmap.ts';
import { plural } from './labels.ts';

/** Badge tones (styles.css .badge.*). */
export const ROADMAP_STATUS_TONES: Record<TRoadmapStatus, string> = {
  exploring: 'muted',
  planned: '',
  in_progress: '',
  shipped: 'ok',
  paused: 'warn',
  dropped: 'danger',
};

export const VISIBILITY_LABELS: Record<(typeof VISIBILITIES)[number], string> = {
  stakeholders: 'Stakeholders (once ratified)',
  internal: 'Internal only',
};

export const ROADMAP_STATUS_OPTIONS = ROADMAP_STATUSES.map((s) => ({
  value: s,
  label: ROADMAP_STATUS_LABELS[s],
}));
export const CONFIDENCE_OPTIONS = CONFIDENCES.map((c) => ({ value: c, label: CONFIDENCE_LABELS[c] }));
export const VISIBILITY_OPTIONS = VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }));

/** What a bar or a link to an item says: "Usage billing, Early Dec – late Jan 2027, high confidence, planned". */
export function itemLabel(item: {
  title: string;
  rangeText: string;
  confidence: TConfidence;
  status: TRoadmapStatus;
  pending?: boolean;
}): string {
  const parts = [
    item.title,
    item.rangeText,
    `${item.confidence} confidence`,
    ROADMAP_STATUS_LABELS[item.status].toLowerCase(),
  ];
  if (item.pending) parts.push('waiting for the next review');
  return parts.join(', ');
}

interface KindStyle {
  label: string;
  /** A symbol repeating what the label says (hidden from screen readers). */
  symbol: string;
  tone: 'ok' | 'warn' | 'danger' | 'muted' | '';
}

export const CHANGE_KINDS_SHOWN: Record<TChangeKind, KindStyle> = {
  added: { label: 'Added', symbol: '+', tone: 'ok' },
  dropped: { label: 'Dropped', symbol: '×', tone: 'danger' },
  moved_quarter: { label: 'Moved quarter', symbol: '⇄', tone: 'warn' },
  slipped: { label: 'Slipped', symbol: '→', tone: 'warn' },
  pulled_in: { label: 'Pulled in', symbol: '←', tone: 'ok' },
  status: { label: 'Status', symbol: '●', tone: '' },
  confidence: { label: 'Confidence', symbol: '◐', tone: '' },
  dependency_added: { label: 'Dependency added', symbol: '⛓', tone: '' },
  dependency_removed: { label: 'Dependency removed', symbol: '⛓', tone: 'muted' },
  dependency_broken: { label: 'Dependency broken', symbol: '⚠', tone: 'danger' },
  area: { label: 'Area', symbol: '↪', tone: '' },
  visibility: { label: 'Visibility', symbol: '👁', tone: '' },
  wording: { label: 'Wording', symbol: '✎', tone: 'muted' },
};

/** "Slipped 14 days", "Pulled in 1 day", "Added": the kind, with the size of a move. */
export function changeHeadline(c: Pick<TRoadmapChange, 'kind' | 'days'>): string {
  const { label } = CHANGE_KINDS_SHOWN[c.kind];
  if ((c.kind === 'slipped' || c.kind === 'pulled_in') && c.days !== null)
    return `${label} ${plural(Math.abs(c.days), 'day')}`;
  return label;
}

/** "Added: 3, Slipped: 2, Dependency broken: 1": counts by kind, in the order of CHANGE_KINDS_SHOWN. */
export function changeCounts(changes: readonly Pick<TRoadmapChange, 'kind'>[]): string {
  const counts = new Map<TChangeKind, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return (Object.keys(CHANGE_KINDS_SHOWN) as TChangeKind[])
    .filter((k) => counts.has(k))
    .map((k) => `${CHANGE_KINDS_SHOWN[k].label}: ${counts.get(k)}`)
    .join(', ');
}
