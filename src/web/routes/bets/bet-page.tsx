import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { placeBet } from '../../../domain/velocity/bets.ts';
import {
  BET_STATUS_LABELS,
  BET_STATUSES,
  CHANGE_LABELS,
  DEPENDENCE_LABELS,
  GOAL_LABELS,
  LEVEL_LABELS,
  type TBet,
  type TBrief,
  ZBetPatch,
} from '../../../shared/bets.ts';
import { SelectField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useBetOptions } from './bet-options.ts';
import { betsApi } from './bets-api.ts';
import { BriefForm } from './brief-form.tsx';
import { answered, PlacementPanel, type ProfileDraft, ProfileFields } from './profile-fields.tsx';

function Details({ bet: b }: { bet: TBet }) {
  const p = b.profile;
  return (
    <dl className="details">
      <dt>Pod</dt>
      <dd>
        {b.pod ? <Link to={`/pods/${b.pod.id}`}>{b.pod.name}</Link> : <span className="muted">none</span>}
      </dd>
      <dt>Owner</dt>
      <dd>
        <Link to={`/people/${b.owner.id}`}>{b.owner.name}</Link>
      </dd>
      <dt>Status</dt>
      <dd>{BET_STATUS_LABELS[b.status]}</dd>
      {b.summary ? (
        <>
          <dt>Why we believe it</dt>
          <dd className="prose">{b.summary}</dd>
        </>
      ) : null}
      <dt>Profile</dt>
      <dd>
        <ul className="plain">
          <li>Domain familiarity: {LEVEL_LABELS[p.familiarity]}</li>
          <li>
            Change required: {p.change.map((c) => CHANGE_LABELS[c]).join(', ') || 'None beyond the code'}
          </li>
          <li>Measurability: {LEVEL_LABELS[p.measurability]}</li>
          <li>Goal: {GOAL_LABELS[p.goal]}</li>
          <li>Dependence on other teams: {DEPENDENCE_LABELS[p.dependence]}</li>
          <li>Traceability: {LEVEL_LABELS[p.traceability]}</li>
        </ul>
      </dd>
      <dt>Roadmap items</dt>
      <dd>
        {b.roadmapItems.length ? (
          <ul className="plain">
            {b.roadmapItems.map((i) => (
              <li key={i.id}>
                <Link to={`/roadmap/items/${i.id}`}>{i.title}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">none linked</span>
        )}
      </dd>
    </dl>
  );
}

function EditForm({ bet, onSaved }: { bet: TBet; onSaved: (b: TBet) => void }) {
  const submit = useSubmit();
  const [status, setStatus] = useState<string>(bet.status);
  const [profile, setProfile] = useState<ProfileDraft>(bet.profile);
  const full = answered(profile);
  return (
    <Form
      id="edit-bet"
      label="Change the bet"
      submit={submit}
      onSubmit={async () => {
        onSaved(await betsApi.update(bet.id, validate(ZBetPatch, { status, profile })));
      }}
    >
      <SelectField
        path="status"
        label="Status"
        options={BET_STATUSES.map((s) => ({ value: s, label: BET_STATUS_LABELS[s] }))}
        value={status}
        onChange={setStatus}
      />
      <ProfileFields value={profile} onChange={setProfile} />
      {full ? <PlacementPanel placement={placeBet(full)} /> : null}
      <FormActions submit={submit} label="Save" />
    </Form>
  );
}

function BriefView({ brief: b }: { brief: TBrief }) {
  const who = useActorText();
  const list = (items: string[]) => (
    <ul>
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
  return (
    <article className="release-section">
      <h3>{b.experiment}</h3>
      <dl className="details">
        <dt>Opportunity</dt>
        <dd className="prose">{b.opportunity}</dd>
        <dt>Signals that it works</dt>
        <dd>{list(b.positiveSignals)}</dd>
        <dt>Harmful leading indicators to watch</dt>
        <dd>{list(b.harmfulIndicators)}</dd>
        {b.learningGoals.length ? (
          <>
            <dt>Learning goals</dt>
            <dd>{list(b.learningGoals)}</dd>
          </>
        ) : null}
        {b.optionsNotChosen.length ? (
          <>
            <dt>Options not chosen</dt>
            <dd>
              <ul>
                {b.optionsNotChosen.map((o) => (
                  <li key={o.option}>
                    {o.option}: {o.why}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {b.timeBoxEnd ? (
          <>
            <dt>Time box ends</dt>
            <dd>{formatLocalDate(b.timeBoxEnd, true)}</dd>
          </>
        ) : null}
        {b.decision ? (
          <>
            <dt>Decision</dt>
            <dd>
              <Link to={`/decisions/${b.decision.id}`}>
                #{b.decision.number} {b.decision.title}
              </Link>
            </dd>
          </>
        ) : null}
        <dt>Written by</dt>
        <dd>{who(b.createdBy)}</dd>
      </dl>
    </article>
  );
}

/** Issue 15 (C7): one bet, its cluster and approach, its links and experiment briefs. */
export function BetPage() {
  const { id = '' } = useParams();
  const bet = useLoad(['bets', id], (signal) => betsApi.get(id, signal));
  const options = useBetOptions(Boolean(bet.data?.permissions.update));
  const [status, setStatus] = useState('');
  const back = (
    <p>
      <Link to="/bets">← Bets</Link>
    </p>
  );
  const b = bet.data;
  if (!b)
    return (
      <Page title="Bet" intro={back}>
        {bet.error ? <LoadError error={bet.error} retry={bet.reload} /> : <Loading what="the bet" />}
      </Page>
    );
  return (
    <Page title={b.title} intro={back}>
      <LiveStatus>{status}</LiveStatus>
      <section aria-labelledby="placement-heading">
        {/* The panel's h3s need an h2 above them (axe heading-order). */}
        <h2 id="placement-heading" className="visually-hidden">
          Where this bet sits
        </h2>
        <PlacementPanel placement={b.placement} />
      </section>
      <Details bet={b} />
      <section aria-labelledby="briefs-heading" className="release-section">
        <h2 id="briefs-heading">Experiment briefs</h2>
        {b.briefs.length ? (
          b.briefs.map((x) => <BriefView key={x.id} brief={x} />)
        ) : (
          <p className="empty">No brief yet.</p>
        )}
        {b.permissions.update && options.data ? (
          <>
            <h3>Write an experiment brief</h3>
            <BriefForm
              betId={b.id}
              uncharted={b.placement.cluster === 'uncharted'}
              decisions={options.data.decisions}
              onSaved={() => {
                setStatus('Brief recorded.');
              }}
            />
          </>
        ) : null}
      </section>
      {b.permissions.update ? (
        <section aria-labelledby="edit-heading" className="release-section">
          <h2 id="edit-heading">Change the bet</h2>
          <EditForm
            key={b.updatedAt}
            bet={b}
            onSaved={(saved) => {
              setStatus(`Saved: ${saved.placement.label}.`);
              bet.setData(saved);
            }}
          />
        </section>
      ) : null}
    </Page>
  );
}
