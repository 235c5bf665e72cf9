import type { TQuote } from '../../../shared/insights.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { labelIn, shortLabel, type Taxonomy } from './labels.ts';

/** A representative quote with where it came from and how many near-duplicates it stands for. */
export function QuoteBlock({ quote, tax }: { quote: TQuote; tax: Taxonomy }) {
  const text = quote.body || quote.title;
  return (
    <figure className="insight-quote">
      <blockquote>
        {quote.title && quote.body ? <strong>{quote.title}: </strong> : null}
        {text}
      </blockquote>
      <figcaption className="muted">
        {quote.customer ? `${quote.customer} · ` : ''}
        {labelIn(tax.sources, quote.source)} · {shortLabel(labelIn(tax.severities, quote.severity))} ·{' '}
        <time dateTime={quote.occurredAt}>{formatLocalDate(quote.occurredAt.slice(0, 10), true)}</time>
        {quote.duplicates > 0 ? <span className="badge">+{quote.duplicates} similar</span> : null}
      </figcaption>
    </figure>
  );
}
