import { labelIn, ranked, severityRank, shortLabel, type Taxonomy } from './labels.ts';

/**
 * How a theme's items split by severity, as one bar of segments (least severe first). The words are the
 * bar's accessible name; the colours only repeat them.
 */
export function SeverityMix({ counts, tax }: { counts: Record<string, number>; tax: Taxonomy }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => severityRank(tax, a[0]) - severityRank(tax, b[0]));
  const words = parts.map(([k, n]) => `${shortLabel(labelIn(tax.severities, k))} ${n}`).join(', ');
  if (total === 0) return <span className="muted">No severity data</span>;
  return (
    <div className="severity-mix">
      <div className="severity-bar" role="img" aria-label={`Severity mix: ${words}`}>
        {parts.map(([k, n]) => (
          <span
            key={k}
            className={`severity-part sev-${severityRank(tax, k)}`}
            style={{ width: `${(n / total) * 100}%` }}
          />
        ))}
      </div>
      <span className="severity-words" aria-hidden="true">
        {words}
      </span>
    </div>
  );
}

/** "SMB 4 · Enterprise 2", largest first. */
export function CountList({
  counts,
  labelOf,
  empty = 'none',
}: {
  counts: Record<string, number>;
  labelOf: (key: string) => string;
  empty?: string;
}) {
  const rows = ranked(counts);
  if (rows.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="count-list">
      {rows.map(([k, n]) => (
        <li key={k}>
          {labelOf(k)} <span className="count">{n}</span>
        </li>
      ))}
    </ul>
  );
}
