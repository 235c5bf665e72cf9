const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isFromTo = (v: unknown): v is { from: unknown; to: unknown } => isRecord(v) && 'from' in v && 'to' in v;

const isScalar = (v: unknown) =>
  v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function FieldChange({ field, from, to }: { field: string; from: unknown; to: unknown }) {
  if (isScalar(from) && isScalar(to)) {
    return (
      <li>
        <span className="change-field">{field}</span>: {show(from)} → {show(to)}
      </li>
    );
  }
  return (
    <li>
      <details>
        <summary>
          <span className="change-field">{field}</span> changed
        </summary>
        <pre>{JSON.stringify({ from, to }, null, 2)}</pre>
      </details>
    </li>
  );
}

/** Updates are {field: {from, to}}: simple values inline, structures behind a disclosure; else the JSON. */
export function ChangeSummary({ change }: { change: unknown }) {
  if (!isRecord(change) || Object.keys(change).length === 0) {
    return <span className="muted">{change === undefined || isRecord(change) ? '—' : show(change)}</span>;
  }
  const entries = Object.entries(change);
  if (entries.every(([, v]) => isFromTo(v))) {
    return (
      <ul className="change-list">
        {entries.map(([field, v]) =>
          isFromTo(v) ? <FieldChange key={field} field={field} from={v.from} to={v.to} /> : null,
        )}
      </ul>
    );
  }
  return (
    <details className="change-json">
      <summary>{entries.map(([k]) => k).join(', ')}</summary>
      {/* It scrolls sideways: keyboard users need to focus it to scroll (axe scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region */}
      <pre tabIndex={0}>{JSON.stringify(change, null, 2)}</pre>
    </details>
  );
}
