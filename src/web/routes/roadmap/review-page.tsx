import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TBroadcastHeld } from '../../../shared/broadcasts.ts';
import { todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TReview } from '../../../shared/roadmap.ts';
import { api } from '../../api-client.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { ConfirmBroadcast } from '../../components/confirm-broadcast.tsx';
import { fieldId } from '../../components/form.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { UndoBanner } from '../../components/undo-banner.tsx';
import { emptyDraft } from '../../lib/decision-draft.ts';
import { formatDateTimeIn, formatLocalDate } from '../../lib/org-time.ts';
import { ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useInvalidate, useWrite } from '../../lib/use-write.ts';
import { DecisionForm } from '../decisions/decision-form.tsx';
import { canRecordDecision, useDecisionOptions } from '../decisions/decision-options.ts';
import { ReviewActions } from './review-actions.tsx';
import { ReviewAgenda } from './review-agenda.tsx';
import { ReviewAreas } from './review-areas.tsx';
import { CrossAreaThemes, DueDecisions, RecordedDecisions } from './review-decisions.tsx';
import { SlaStatus } from './review-sla.tsx';
import { reviewsApi, roadmapApi } from './roadmap-api.ts';
import './roadmap.css';
import '../decisions/decisions.css';

const FORM_ID = 'review-decision';

function stateLine(r: TReview, timeZone: string): string {
  if (r.closedAt) return `Closed ${formatDateTimeIn(r.closedAt, timeZone)}.`;
  if (r.startedAt) return `In progress since ${formatDateTimeIn(r.startedAt, timeZone)}.`;
  return `Scheduled for ${formatDateTimeIn(r.startsAt, timeZone)}; not started.`;
}

/** Start / Close (Product Ops and up) and, once closed, the republish SLA and the republish button. */
function RunPanel({
  review: r,
  timeZone,
  onReview,
  onHeld,
}: {
  review: TReview;
  timeZone: string;
  onReview: (r: TReview) => void;
  onHeld: (held: TBroadcastHeld | null) => void;
}) {
  const write = useWrite(ROADMAP_CHANGES);
  const run = (call: (id: string) => Promise<TReview>) => async () => onReview(await call(r.occurrenceId));
  return (
    <section aria-labelledby="run-heading" className="review-section review-run">
      <h2 id="run-heading" className="visually-hidden">
        Review state
      </h2>
      <p>
        {stateLine(r, timeZone)} {r.since ? <>Changes since {formatDateTimeIn(r.since, timeZone)}.</> : null}
      </p>
      {r.permissions.run && !r.startedAt ? (
        <ActionButton primary run={run(reviewsApi.start)} pendingText="Starting…">
          Start review
        </ActionButton>
      ) : null}
      {r.permissions.run && r.startedAt && !r.closedAt ? (
        <ActionButton run={run(reviewsApi.close)} pendingText="Closing…">
          Close review
        </ActionButton>
      ) : null}
      <p>
        Stakeholder view: <SlaStatus review={r} timeZone={timeZone} />
        {r.viewVersion !== null ? <> (version {r.viewVersion})</> : null}
      </p>
      {r.closedAt && r.permissions.republish ? (
        <ConfirmBroadcast
          primary={!r.republishedAt}
          label="Republish stakeholder view"
          confirmLabel="Republish now"
          pendingText="Republishing…"
          preview={(note) => roadmapApi.publishPreview(note)}
          run={async (note) => (await write(() => roadmapApi.publish(note))).undo}
          onDone={async (held) => {
            onHeld(held);
            onReview(await reviewsApi.get(r.occurrenceId));
          }}
        />
      ) : null}{' '}
      {r.closedAt ? <Link to="/roadmap/view">Open the stakeholder view</Link> : null}
    </section>
  );
}

/** Decisions taken in the review: recorded here, they carry the review's occurrence and are listed below. */
function DecisionsPanel({
  review: r,
  linkItem,
  onRecorded,
}: {
  review: TReview;
  linkItem: { itemId: string } | null;
  onRecorded: () => void;
}) {
  const me = useMe();
  const mayRecord = canRecordDecision(me) && r.startedAt !== null;
  const options = useDecisionOptions(mayRecord);
  return (
    <section aria-labelledby="decisions-heading" className="review-section">
      <h2 id="decisions-heading">Decisions in this review</h2>
      <RecordedDecisions items={r.decisions} />
      {canRecordDecision(me) && !r.startedAt ? (
        <p className="muted">Once the review starts, decisions recorded here are linked to it.</p>
      ) : null}
      {options.error ? <LoadError error={options.error} retry={options.reload} /> : null}
      {mayRecord && options.data ? (
        <>
          <h3>Record a decision</h3>
          <DecisionForm
            id={FORM_ID}
            options={options.data}
            initial={emptyDraft(todayIn(options.data.timeZone, systemClock.now()), me.id)}
            occurrenceId={r.occurrenceId}
            linkItem={linkItem}
            onSaved={onRecorded}
          />
        </>
      ) : null}
    </section>
  );
}

/** Review mode (C4): the generated agenda, the areas' changes to ratify, decisions, the republish SLA. */
export function ReviewPage() {
  const { occurrenceId = '' } = useParams();
  const me = useMe();
  const data = useLoad(['roadmap', 'reviews', occurrenceId], async (signal) => {
    const [review, { settings }] = await Promise.all([
      reviewsApi.get(occurrenceId, signal),
      api.settings.get(signal),
    ]);
    return { review, timeZone: settings.timeZone };
  });
  const [linkItem, setLinkItem] = useState<{ itemId: string } | null>(null);
  const [status, setStatus] = useState('');
  const [held, setHeld] = useState<TBroadcastHeld | null>(null);
  const invalidate = useInvalidate();
  // "Record a decision about …" links the item in the form and moves there.
  useEffect(() => {
    if (linkItem) document.getElementById(fieldId(FORM_ID, 'title'))?.focus();
  }, [linkItem]);
  const back = (
    <p>
      <Link to="/roadmap/reviews">← Roadmap Reviews</Link>
    </p>
  );
  if (!data.data) {
    return (
      <Page title="Roadmap Review" intro={back}>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="the review" />}
      </Page>
    );
  }
  const { review: r, timeZone } = data.data;
  const setReview = (review: TReview) => data.setData({ review, timeZone });
  const running = r.startedAt !== null && r.closedAt === null;
  const ctx = {
    occurrenceId: r.occurrenceId,
    canRatify: r.permissions.ratify && running,
    hint:
      r.permissions.ratify && !running ? (r.closedAt ? null : 'Start the review to ratify changes.') : null,
    timeZone,
    onReview: setReview,
    onHeld: setHeld,
    onDecide: canRecordDecision(me) && r.startedAt ? (itemId: string) => setLinkItem({ itemId }) : null,
  };
  return (
    <Page title={`Roadmap Review, ${formatLocalDate(r.localDate, true)}`} intro={back}>
      <div aria-busy={data.loading}>
        <LiveStatus>{status}</LiveStatus>
        {held ? (
          <UndoBanner
            held={held}
            onUndone={(restored) => {
              setHeld(null);
              setStatus(`Undone. ${restored}`);
              void invalidate(...ROADMAP_CHANGES);
            }}
            onDismiss={() => setHeld(null)}
          />
        ) : null}
        <RunPanel
          review={r}
          timeZone={timeZone}
          onReview={setReview}
          onHeld={(h) => {
            setHeld(h);
            setStatus('Republished.');
          }}
        />
        <ReviewAgenda agenda={r.agenda} />
        <ReviewAreas areas={r.areas} ctx={ctx} />
        <DueDecisions items={r.dueDecisions} />
        <CrossAreaThemes themes={r.crossAreaThemes} />
        <DecisionsPanel
          review={r}
          linkItem={linkItem}
          onRecorded={() => {
            setStatus('Decision recorded and linked to this review.');
          }}
        />
        <ReviewActions review={r} onReview={setReview} />
      </div>
    </Page>
  );
}
