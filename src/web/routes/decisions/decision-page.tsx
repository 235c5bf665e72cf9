import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TDecisionLogEntry } from '../../../shared/decisions.ts';
import { api } from '../../api-client.ts';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { formatInstant, formatLocalDate } from '../../lib/org-time.ts';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { DecisionHistory } from './decision-history.tsx';
import { type DecisionOptions, useDecisionOptions } from './decision-options.ts';
import { DecisionBadges, DecisionLinks, hasLinks } from './decision-table.tsx';
import { decisionsApi } from './decisions-api.ts';
import { RevisitForm } from './revisit-form.tsx';
import '../cadence/cadence.css';
import './decisions.css';

function Supersession({ entry: d }: { entry: TDecisionLogEntry }) {
  if (!d.supersededBy && !d.supersedes) return null;
  return (
    <div className="notice supersession">
      {d.supersededBy ? (
        <p>
          Superseded by{' '}
          <Link to={`/decisions/${d.supersededBy.id}`}>
            decision #{d.supersededBy.number}: {d.supersededBy.title}
          </Link>
          . This entry is kept as it was decided.
        </p>
      ) : null}
      {d.supersedes ? (
        <p>
          Supersedes{' '}
          <Link to={`/decisions/${d.supersedes.id}`}>
            decision #{d.supersedes.number}: {d.supersedes.title}
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}

function EntryDetails({ entry: d, timeZone }: { entry: TDecisionLogEntry; timeZone: string }) {
  const who = useActorText();
  return (
    <dl className="details decision-details">
      <dt>Date</dt>
      <dd>{formatLocalDate(d.decidedOn, true)}</dd>
      <dt>Decision</dt>
      <dd>
        {d.title} <DecisionBadges entry={d} />
      </dd>
      <dt>Context</dt>
      <dd className="prose">{d.context}</dd>
      <dt>Options considered</dt>
      <dd>
        <ol className="option-list">
          {d.options.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are fixed once recorded and may repeat
            <li key={i}>{o}</li>
          ))}
        </ol>
      </dd>
      <dt>Rationale</dt>
      <dd className="prose">{d.rationale}</dd>
      <dt>Owner</dt>
      <dd>
        <Link to={`/people/${d.ownerId}`}>{d.ownerName}</Link>
      </dd>
      <dt>Review date</dt>
      <dd>
        {formatLocalDate(d.nextReviewDate, true)}
        {d.nextReviewDate !== d.reviewDate ? (
          <span className="muted"> (first set for {formatLocalDate(d.reviewDate, true)})</span>
        ) : null}
      </dd>
      <dt>Linked to</dt>
      <dd>{hasLinks(d) ? <DecisionLinks entry={d} /> : <span className="muted">nothing</span>}</dd>
      {d.occurrenceId ? (
        <>
          <dt>Recorded in</dt>
          <dd>
            <Link to={`/roadmap/reviews/${d.occurrenceId}`}>the Roadmap Review</Link>
          </dd>
        </>
      ) : null}
      <dt>Recorded by</dt>
      <dd>
        {who(d.createdBy)}, {formatInstant(d.createdAt, timeZone)}
      </dd>
    </dl>
  );
}

function RevisitSection({
  entry,
  options,
  onSaved,
}: {
  entry: TDecisionLogEntry;
  options: DecisionOptions | undefined;
  onSaved: (e: TDecisionLogEntry) => void;
}) {
  if (!entry.permissions.update || entry.status === 'superseded') return null;
  return (
    <section aria-labelledby="revisit-heading" className="release-section">
      <h2 id="revisit-heading">Revisit</h2>
      <p className="section-intro">
        Nothing here is edited in place. Keep the decision with a note and a new review date, or supersede it
        with a new entry; either way it is added to the history.
      </p>
      {options ? (
        <RevisitForm
          entry={entry}
          options={options}
          today={todayIn(options.timeZone, systemClock.now())}
          onSaved={onSaved}
        />
      ) : (
        <Loading what="the form" />
      )}
    </section>
  );
}

/** C4: one decision log entry, its links and its append-only history; its owner revisits or supersedes it. */
export function DecisionPage() {
  const { id = '' } = useParams();
  const entry = useLoad(['decisions', id], (signal) => decisionsApi.get(id, signal));
  const mayRevisit = Boolean(entry.data?.permissions.update && entry.data.status === 'active');
  // The pickers' lists only for whoever may revisit; everyone needs the org's time zone.
  const options = useDecisionOptions(mayRevisit);
  const settings = useLoad(['settings'], (signal) => api.settings.get(signal));
  const [status, setStatus] = useState('');
  const back = (
    <p>
      <Link to="/decisions">← Decision log</Link>
    </p>
  );
  const d = entry.data;
  if (!d) {
    return (
      <Page title="Decision" intro={back}>
        {entry.error ? (
          <LoadError error={entry.error} retry={entry.reload} />
        ) : (
          <Loading what="the decision" />
        )}
      </Page>
    );
  }
  const timeZone = settings.data?.settings.timeZone ?? 'UTC';
  return (
    <Page title={`Decision #${d.number}: ${d.title}`} intro={back}>
      <div aria-busy={entry.loading}>
        <LiveStatus>{status}</LiveStatus>
        <Supersession entry={d} />
        <EntryDetails entry={d} timeZone={timeZone} />
        <section aria-labelledby="history-heading" className="release-section">
          <h2 id="history-heading">History</h2>
          <DecisionHistory events={d.history} timeZone={timeZone} />
        </section>
        {/* The revisit form invalidates the entry: it is read again, a supersession's links complete. */}
        <RevisitSection
          key={d.history.length}
          entry={d}
          options={options.data}
          onSaved={(saved) => {
            setStatus(
              saved.status === 'superseded'
                ? `Superseded by decision #${saved.supersededBy?.number ?? '?'}.`
                : `Kept. Next review ${formatLocalDate(saved.nextReviewDate, true)}.`,
            );
          }}
        />
      </div>
    </Page>
  );
}
