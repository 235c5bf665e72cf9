import { Link } from 'react-router';
import type { TReview } from '../../../shared/roadmap.ts';
import { formatLocalDate } from '../../lib/org-time.ts';

/** Decisions whose review date has come: the review looks at them again (pack §4: "reviewed biweekly"). */
export function DueDecisions({ items }: { items: TReview['dueDecisions'] }) {
  return (
    <section aria-labelledby="due-heading" className="review-section">
      <h2 id="due-heading">Decisions due for review</h2>
      {items.length === 0 ? (
        <p className="muted">No decision's review date has come.</p>
      ) : (
        <ul className="plain">
          {items.map((d) => (
            <li key={d.id}>
              <Link to={`/decisions/${d.id}`}>
                #{d.number} {d.title}
              </Link>{' '}
              <span className="badge warn">Review due {formatLocalDate(d.nextReviewDate, true)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The entries recorded during this review (the ritual's output artifact, with the updated roadmap). */
export function RecordedDecisions({ items }: { items: TReview['decisions'] }) {
  if (items.length === 0) return <p className="muted">No decision recorded in this review yet.</p>;
  return (
    <ul className="plain recorded-decisions" aria-label="Decisions recorded in this review">
      {items.map((d) => (
        <li key={d.id}>
          <Link to={`/decisions/${d.id}`}>
            #{d.number} {d.title}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Insight themes that span several areas surface here (SPEC C6), for the Head of Product to assign. */
export function CrossAreaThemes({ themes }: { themes: TReview['crossAreaThemes'] }) {
  return (
    <section aria-labelledby="themes-heading" className="review-section">
      <h2 id="themes-heading">Insight themes across areas</h2>
      {themes.length === 0 ? (
        <p className="muted">No insight theme spans several areas this time.</p>
      ) : (
        <ul className="plain">
          {themes.map((t) => (
            <li key={t.key}>
              <Link to={`/insights/themes/${encodeURIComponent(t.key)}`}>{t.label}</Link>{' '}
              <span className="muted">spans {t.areas.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
