import { forwardRef } from 'react';
import { Link } from 'react-router';
import type { TInsightItem } from '../../../shared/insights.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { KIND_LABELS, labelIn, percent, shortLabel, type Taxonomy } from './labels.ts';

/** One tag with how sure the tagger was, or a tick once a person set or confirmed it. */
export function TagChip({
  name,
  value,
  confidence,
  corrected,
  tone,
}: {
  name: string;
  value: string;
  confidence: number;
  corrected: boolean;
  tone?: string;
}) {
  return (
    <li className={`chip${tone ? ` ${tone}` : ''}${corrected ? ' corrected' : ''}`}>
      <span className="visually-hidden">{name}: </span>
      {value}
      <span className="chip-confidence">
        {corrected ? (
          <>
            <span aria-hidden="true"> ✓</span>
            <span className="visually-hidden"> (set by a person)</span>
          </>
        ) : (
          <>
            {' '}
            {percent(confidence)}
            <span className="visually-hidden"> sure</span>
          </>
        )}
      </span>
    </li>
  );
}

export const excerpt = (text: string, n = 180) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** The tags of an item as chips: kind, theme, severity, area. */
export function TagChips({ item, tax }: { item: TInsightItem; tax: Taxonomy }) {
  const set = (tag: string) => item.correctedTags.includes(tag);
  return (
    <ul className="chips" aria-label="Tags">
      <TagChip
        name="Kind"
        value={KIND_LABELS[item.kind] ?? item.kind}
        confidence={item.kindConfidence}
        corrected={set('kind')}
        tone="kind"
      />
      <TagChip
        name="Theme"
        value={item.theme ? labelIn(tax.themes, item.theme) : 'No theme'}
        confidence={item.themeConfidence}
        corrected={set('theme')}
        tone="theme"
      />
      <TagChip
        name="Severity"
        value={shortLabel(labelIn(tax.severities, item.severity))}
        confidence={item.severityConfidence}
        corrected={set('severity')}
        tone={`severity sev-${Math.max(
          0,
          tax.severities.findIndex((s) => s.key === item.severity),
        )}`}
      />
      <TagChip
        name="Area"
        value={item.areaName ?? 'No area'}
        confidence={item.areaConfidence}
        corrected={set('area')}
        tone="area"
      />
    </ul>
  );
}

/**
 * A row of the inbox. Its title is the link that opens the item; focusing it (Tab, j/k) or clicking the row
 * selects it for the tag panel.
 */
export const InsightRow = forwardRef<
  HTMLAnchorElement,
  { item: TInsightItem; tax: Taxonomy; selected: boolean; onSelect: () => void }
>(function InsightRow({ item, tax, selected, onSelect }, ref) {
  const reviewed = item.correctedTags.length > 0;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard selects with j/k or by focusing the row's link
    <li
      className={`insight-row${selected ? ' selected' : ''}${reviewed ? ' reviewed' : ''}`}
      aria-current={selected ? 'true' : undefined}
      onFocus={onSelect}
      onClick={onSelect}
    >
      <h3 className="insight-title">
        <Link ref={ref} to={`/insights/${item.id}`}>
          {item.title || excerpt(item.body, 80)}
        </Link>
        {reviewed ? <span className="badge ok">✓ Reviewed</span> : null}
      </h3>
      {item.body && item.title ? <p className="insight-excerpt">{excerpt(item.body)}</p> : null}
      <p className="insight-meta muted">
        {labelIn(tax.sources, item.source)} ·{' '}
        <time dateTime={item.occurredAt}>{formatLocalDate(item.occurredAt.slice(0, 10), true)}</time>
        {item.customer ? ` · ${item.customer}` : ''}
        {item.segment ? ` · ${labelIn(tax.segments, item.segment)}` : ''}
      </p>
      <TagChips item={item} tax={tax} />
    </li>
  );
});
