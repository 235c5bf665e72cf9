import type { TPerson } from '../../../shared/org.ts';
import { NumberField, SelectField, TextField } from '../../components/fields.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';
import { minutesText } from '../../lib/cadence-labels.ts';
import { type AgendaRow, type PersonRow, rowKey, type TextRow } from './ritual-values.ts';

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button small" onClick={onClick}>
      Remove<span className="visually-hidden"> {label}</span>
    </button>
  );
}

/** Agenda items with their time boxes; the hint compares the total with the meeting's length. */
export function AgendaEditor({
  rows,
  durationMinutes,
  onChange,
}: {
  rows: AgendaRow[];
  durationMinutes: number;
  onChange: (rows: AgendaRow[]) => void;
}) {
  const total = rows.reduce((sum, r) => sum + (Number.isNaN(r.minutes) ? 0 : r.minutes), 0);
  const update = (key: number, change: Partial<AgendaRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const hint =
    Number.isNaN(durationMinutes) || durationMinutes === 0
      ? `Time boxes add up to ${minutesText(total)}.`
      : `Time boxes add up to ${minutesText(total)} of the ${minutesText(durationMinutes)} meeting${
          total > durationMinutes ? ': more than the meeting lasts' : ''
        }.`;
  return (
    <RowsFieldset path="agenda" legend="Agenda" hint={hint}>
      {rows.length === 0 ? <p className="muted">No agenda yet.</p> : null}
      <ol className="rows agenda-rows">
        {rows.map((row, i) => (
          <li key={row.key} className="row">
            <NumberField
              path={`agenda.${i}.minutes`}
              label={`Agenda item ${i + 1} minutes`}
              hideLabel
              value={row.minutes}
              min={0}
              max={480}
              onChange={(minutes) => update(row.key, { minutes })}
            />
            <TextField
              path={`agenda.${i}.item`}
              label={`Agenda item ${i + 1}`}
              hideLabel
              value={row.item}
              onChange={(item) => update(row.key, { item })}
            />
            <RemoveButton
              label={`agenda item ${i + 1}`}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: rowKey(), minutes: 5, item: '' }])}
      >
        Add agenda item
      </button>
    </RowsFieldset>
  );
}

/** What people bring: one line each. */
export function InputsEditor({ rows, onChange }: { rows: TextRow[]; onChange: (rows: TextRow[]) => void }) {
  return (
    <RowsFieldset path="inputs" legend="Inputs" hint="What has to be ready before it starts.">
      {rows.length === 0 ? <p className="muted">No inputs listed.</p> : null}
      <ol className="rows">
        {rows.map((row, i) => (
          <li key={row.key} className="row">
            <TextField
              path={`inputs.${i}`}
              label={`Input ${i + 1}`}
              hideLabel
              value={row.text}
              onChange={(text) => onChange(rows.map((r) => (r.key === row.key ? { ...r, text } : r)))}
            />
            <RemoveButton
              label={`input ${i + 1}`}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: rowKey(), text: '' }])}
      >
        Add input
      </button>
    </RowsFieldset>
  );
}

/** Named attendees, on top of the roles and functions. */
export function PeopleEditor({
  rows,
  people,
  onChange,
}: {
  rows: PersonRow[];
  people: readonly TPerson[];
  onChange: (rows: PersonRow[]) => void;
}) {
  const options = (current: string) =>
    people
      .filter((p) => p.active || p.id === current)
      .map((p) => ({ value: p.id, label: p.active ? p.name : `${p.name} (inactive)` }));
  return (
    <RowsFieldset
      path="attendees.personIds"
      legend="Also invite these people"
      hint="On top of everyone with the roles and functions above."
    >
      {rows.length === 0 ? null : (
        <ol className="rows">
          {rows.map((row, i) => (
            <li key={row.key} className="row">
              <SelectField
                path={`attendees.personIds.${i}`}
                label={`Invited person ${i + 1}`}
                hideLabel
                value={row.personId}
                emptyLabel="Choose a person…"
                options={options(row.personId)}
                onChange={(personId) =>
                  onChange(rows.map((r) => (r.key === row.key ? { ...r, personId } : r)))
                }
              />
              <RemoveButton
                label={`invited person ${i + 1}`}
                onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
              />
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: rowKey(), personId: '' }])}
      >
        Add a person
      </button>
    </RowsFieldset>
  );
}
