import { Link } from 'react-router';
import type { z } from 'zod';
import type { ZDecisionEvent } from '../../../shared/decisions.ts';
import { formatInstant, formatLocalDate } from '../../lib/org-time.ts';
import { useActorText } from '../../lib/use-actor-text.ts';

type DecisionEvent = z.infer<typeof ZDecisionEvent>;

const KIND_LABELS: Record<DecisionEvent['kind'], string> = {
  recorded: 'Recorded',
  revisited: 'Revisited: kept',
  superseded: 'Superseded',
  supersedes: 'Supersedes',
  review_reminded: 'Review reminder sent',
};

function Related({ event: e }: { event: DecisionEvent }) {
  if (!e.relatedDecisionId) return null;
  const word = e.kind === 'superseded' ? 'by' : e.kind === 'supersedes' ? '' : 'see';
  return (
    <>
      {word ? ` ${word} ` : ' '}
      <Link to={`/decisions/${e.relatedDecisionId}`}>decision #{e.relatedNumber ?? '?'}</Link>
    </>
  );
}

/** What happened to the entry, oldest first: it is only ever added to. */
export function DecisionHistory({
  events,
  timeZone,
}: {
  events: readonly DecisionEvent[];
  timeZone: string;
}) {
  const who = useActorText();
  if (events.length === 0) return <p className="muted">No history yet.</p>;
  const oldestFirst = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <ol className="plain decision-history" aria-label="History, oldest first">
      {oldestFirst.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end
        <li key={i}>
          <strong>{KIND_LABELS[e.kind]}</strong>
          <Related event={e} /> · {who(e.by)} ·{' '}
          <span className="muted">
            <time dateTime={e.at}>{formatInstant(e.at, timeZone)}</time>
          </span>
          {e.nextReviewDate ? <> · next review {formatLocalDate(e.nextReviewDate, true)}</> : null}
          {e.note ? <span className="cell-note prose">{e.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
