import { useState } from 'react';
import { Link } from 'react-router';
import { describeSchedule } from '../../../domain/cadence/schedule-text.ts';
import type { TRitual } from '../../../shared/cadence.ts';
import type { TPerson } from '../../../shared/org.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LiveStatus } from '../../components/page.tsx';
import { minutesText } from '../../lib/cadence-labels.ts';
import { ROLE_LABELS } from '../../lib/labels.ts';
import { RitualForm } from './ritual-form.tsx';

/** Every ritual with its schedule in words, owner and artifact; Product Ops adds new ones here. */
export function RitualsSection({
  rituals,
  people,
  timeZone,
  canCreate,
}: {
  rituals: readonly TRitual[];
  people: readonly TPerson[];
  timeZone: string;
  canCreate: boolean;
}) {
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="rituals-heading">
      <div className="section-header">
        <h2 id="rituals-heading">Rituals</h2>
      </div>
      <p className="section-intro">
        The pack’s cadence: each ritual produces an artifact. Times are in the org’s time zone, {timeZone}.
      </p>
      {canCreate ? (
        <CreatePanel label="Add ritual" open={adding} onOpenChange={setAdding}>
          <h2>Add ritual</h2>
          <RitualForm
            people={people}
            timeZone={timeZone}
            onCancel={() => setAdding(false)}
            onSaved={(r) => {
              setAdding(false);
              setStatus(`Added ${r.name}.`);
            }}
          />
        </CreatePanel>
      ) : null}
      <LiveStatus>{status}</LiveStatus>
      {rituals.length === 0 ? (
        <p className="empty">No rituals yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="rituals">
            <caption className="visually-hidden">Rituals</caption>
            <thead>
              <tr>
                <th scope="col">Ritual</th>
                <th scope="col">When</th>
                <th scope="col">Owner</th>
                <th scope="col">Output artifact</th>
              </tr>
            </thead>
            <tbody>
              {rituals.map((r) => (
                <tr key={r.id} className={r.active ? undefined : 'inactive'}>
                  <th scope="row">
                    <Link to={`/cadence/rituals/${r.id}`}>{r.name}</Link>
                    {r.active ? null : <span className="badge muted">inactive</span>}
                    {r.timeBox ? <span className="cell-note">{r.timeBox}</span> : null}
                  </th>
                  <td>
                    {describeSchedule(r.schedule, timeZone)}
                    {r.durationMinutes ? (
                      <span className="cell-note">{minutesText(r.durationMinutes)}</span>
                    ) : null}
                  </td>
                  <td>
                    {ROLE_LABELS[r.ownerRole]}
                    {r.ownerName ? <span className="cell-note">{r.ownerName}</span> : null}
                  </td>
                  <td>{r.outputArtifact}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
