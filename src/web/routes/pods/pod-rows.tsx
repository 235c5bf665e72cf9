import { addWeeks, currentWeekKey, isWeekKey } from '../../../shared/calendar.ts';
import type { TPerson } from '../../../shared/org.ts';
import { POD_ROLES, type TPodRole } from '../../../shared/roles.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';
import { now } from '../../lib/clock.ts';
import { POD_ROLE_LABELS, plural } from '../../lib/labels.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';

export interface MemberRow {
  key: number;
  personId: string;
  role: TPodRole;
}

export interface RotationRow {
  key: number;
  week: string;
  personId: string;
}

let nextKey = 1;
/** Stable React keys for rows the user adds and removes. */
export const rowKey = () => nextKey++;

const roleOptions = POD_ROLES.map((r) => ({ value: r, label: POD_ROLE_LABELS[r] }));
const ROLE_FOR_FUNCTION: Partial<Record<TPerson['function'], TPodRole>> = {
  pm: 'pm',
  design: 'designer',
  eng: 'engineer',
};

function personOptions(people: readonly TPerson[], current: string) {
  return people
    .filter((p) => p.active || p.id === current)
    .map((p) => ({ value: p.id, label: p.active ? p.name : `${p.name} (inactive)` }));
}

export function MembersEditor({
  rows,
  people,
  onChange,
  disabled,
}: {
  rows: MemberRow[];
  people: readonly TPerson[];
  onChange: (rows: MemberRow[]) => void;
  disabled?: boolean;
}) {
  const counts = POD_ROLES.map((r) => plural(rows.filter((m) => m.role === r).length, POD_ROLE_LABELS[r]));
  const update = (key: number, change: Partial<MemberRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <RowsFieldset path="members" legend="Members" hint={counts.join(' · ')}>
      {rows.length === 0 ? <p className="muted">No members yet.</p> : null}
      <ol className="rows">
        {rows.map((row, i) => (
          <li key={row.key} className="row">
            <SelectField
              path={`members.${i}.personId`}
              label={`Member ${i + 1} person`}
              hideLabel
              value={row.personId}
              emptyLabel="Choose a person…"
              options={personOptions(people, row.personId)}
              disabled={disabled}
              onChange={(personId) => {
                const fn = people.find((p) => p.id === personId)?.function;
                const role = row.personId === '' && fn ? (ROLE_FOR_FUNCTION[fn] ?? row.role) : row.role;
                update(row.key, { personId, role });
              }}
            />
            <SelectField
              path={`members.${i}.role`}
              label={`Member ${i + 1} pod role`}
              hideLabel
              value={row.role}
              options={roleOptions}
              disabled={disabled}
              onChange={(role) => update(row.key, { role: role as TPodRole })}
            />
            <button
              type="button"
              className="button small"
              disabled={disabled}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              Remove<span className="visually-hidden"> member {i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => onChange([...rows, { key: rowKey(), personId: '', role: 'engineer' }])}
      >
        Add member
      </button>
    </RowsFieldset>
  );
}

export function RotationEditor({
  rows,
  people,
  onChange,
  disabled,
}: {
  rows: RotationRow[];
  people: readonly TPerson[];
  onChange: (rows: RotationRow[]) => void;
  disabled?: boolean;
}) {
  // The org's week (UTC until its settings load; a row is only added after they have).
  const timeZone = useOrgTimeZone() ?? 'UTC';
  const thisWeek = currentWeekKey(new Date(now()), timeZone);
  const update = (key: number, change: Partial<RotationRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const add = () => {
    const last = [...rows]
      .map((r) => r.week)
      .sort()
      .at(-1);
    // A week typed by hand may not be one yet: the new row repeats it for the user to correct.
    const week = last && last >= thisWeek ? (isWeekKey(last) ? addWeeks(last, 1) : last) : thisWeek;
    onChange([...rows, { key: rowKey(), week, personId: '' }]);
  };
  return (
    <RowsFieldset
      path="rotation"
      legend="Production-engineering rotation"
      hint={`Who takes the pod's inbound bugs each week, so the others stay focused. This week is ${thisWeek}.`}
    >
      {rows.length === 0 ? <p className="muted">No rotation planned.</p> : null}
      <ol className="rows">
        {rows.map((row, i) => (
          <li key={row.key} className={`row${row.week === thisWeek ? ' current' : ''}`}>
            <TextField
              path={`rotation.${i}.week`}
              label={`Rotation ${i + 1} week`}
              hideLabel
              value={row.week}
              placeholder="2026-W47"
              disabled={disabled}
              onChange={(week) => update(row.key, { week })}
            />
            <SelectField
              path={`rotation.${i}.personId`}
              label={`Rotation ${i + 1} person`}
              hideLabel
              value={row.personId}
              emptyLabel="Choose a person…"
              options={personOptions(people, row.personId)}
              disabled={disabled}
              onChange={(personId) => update(row.key, { personId })}
            />
            <button
              type="button"
              className="button small"
              disabled={disabled}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              Remove<span className="visually-hidden"> rotation week {row.week || i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button" disabled={disabled} onClick={add}>
        Add rotation week
      </button>
    </RowsFieldset>
  );
}
