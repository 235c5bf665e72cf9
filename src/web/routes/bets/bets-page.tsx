import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { BET_STATUS_LABELS, BET_STATUSES, type TBet, type TBetStatus } from '../../../shared/bets.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { plural } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { usePaged } from '../../lib/use-paged.ts';
import { NewBetForm } from './bet-form.tsx';
import { type BetOptions, useBetOptions } from './bet-options.ts';
import { betsApi } from './bets-api.ts';

function RecordPanel({ options }: { options: BetOptions }) {
  const me = useMe();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <CreatePanel label="Record a bet" open={open} onOpenChange={setOpen}>
      <h2>Record a bet</h2>
      <NewBetForm
        options={options}
        ownerId={me.id}
        onCancel={() => setOpen(false)}
        onSaved={(bet) => navigate(`/bets/${bet.id}`)}
      />
    </CreatePanel>
  );
}

function Filters({
  podId,
  status,
  options,
  onChange,
}: {
  podId: string;
  status: string;
  options: BetOptions | undefined;
  onChange: (next: { podId: string; status: string }) => void;
}) {
  return (
    <search className="filters" aria-label="Filter bets">
      <label>
        Pod{' '}
        <select value={podId} onChange={(e) => onChange({ podId: e.target.value, status })}>
          <option value="">Every pod</option>
          {(options?.pods ?? []).map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Status{' '}
        <select value={status} onChange={(e) => onChange({ podId, status: e.target.value })}>
          <option value="">Any status</option>
          {BET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {BET_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
    </search>
  );
}

function BetTable({ items }: { items: readonly TBet[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Bets, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Bet</th>
            <th scope="col">Cluster</th>
            <th scope="col">Approach</th>
            <th scope="col">Pod</th>
            <th scope="col">Owner</th>
            <th scope="col">Status</th>
            <th scope="col">Briefs</th>
          </tr>
        </thead>
        <tbody>
          {items.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                <Link to={`/bets/${b.id}`}>{b.title}</Link>
              </th>
              <td>{b.placement.label}</td>
              <td>{b.placement.approach.title}</td>
              <td>
                {b.pod ? (
                  <Link to={`/pods/${b.pod.id}`}>{b.pod.name}</Link>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
              <td>{b.owner.name}</td>
              <td>{BET_STATUS_LABELS[b.status]}</td>
              <td>{b.briefs.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Issue 15 (C7): the bets pods make, each placed in a cluster with the approach recommended for it. */
export function BetsPage() {
  const [params, setParams] = useSearchParams();
  const podId = params.get('pod') ?? '';
  const status = (params.get('status') ?? '') as TBetStatus | '';
  const options = useBetOptions();
  const list = usePaged(['bets', 'list', podId, status], (cursor, signal) =>
    betsApi.list({ podId: podId || undefined, status }, cursor, signal),
  );
  return (
    <Page
      title="Bets"
      intro={
        <p>
          A bet's profile (how familiar the domain is, what has to change, how measurable it is, its goal, how
          much it needs other teams and how traceable its result is) places it in a cluster, and the cluster
          says how its team should work. Experiment briefs under a bet say what would show it works, and what
          would show harm first.
        </p>
      }
    >
      {options.data ? <RecordPanel options={options.data} /> : null}
      {options.error ? <LoadError error={options.error} retry={options.reload} /> : null}
      <Filters
        podId={podId}
        status={status}
        options={options.data}
        onChange={(f) =>
          setParams(
            Object.fromEntries(Object.entries({ pod: f.podId, status: f.status }).filter(([, v]) => v)),
            { replace: true },
          )
        }
      />
      {!list.items ? (
        list.error ? (
          <LoadError error={list.error} retry={list.reload} />
        ) : (
          <Loading what="the bets" />
        )
      ) : (
        <div aria-busy={list.loading}>
          <p className="result-count" role="status">
            {list.items.length ? plural(list.items.length, 'bet') : ''}
          </p>
          {list.items.length ? <BetTable items={list.items} /> : <p className="empty">No bet yet.</p>}
          {list.hasMore ? (
            <button type="button" className="button" onClick={list.loadMore}>
              {list.loadingMore ? 'Loading…' : 'Load more bets'}
            </button>
          ) : null}
        </div>
      )}
    </Page>
  );
}
