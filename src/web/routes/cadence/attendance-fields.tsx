import type { TAttendance } from '../../../shared/cadence.ts';
import { FieldError, useField, useGroupErrors } from '../../components/form.tsx';

export type Marks = Record<string, boolean | null>;

/** The attendance checklist: present or absent per expected person; unanswered means not recorded yet. */
export function AttendanceFields({
  people,
  marks,
  onChange,
}: {
  people: readonly TAttendance[];
  marks: Marks;
  onChange: (marks: Marks) => void;
}) {
  const f = useField('attendance', 'Attendance');
  const errors = useGroupErrors('attendance', true);
  const error = errors.length ? errors.join('; ') : null;
  const present = people.filter((p) => marks[p.personId] === true).length;
  const answered = people.filter((p) => marks[p.personId] !== null && marks[p.personId] !== undefined).length;
  const all = (value: boolean) => onChange(Object.fromEntries(people.map((p) => [p.personId, value])));
  return (
    <fieldset
      className={`field-section attendance${error ? ' has-error' : ''}`}
      id={f.id}
      tabIndex={-1}
      aria-describedby={error ? f.errorId : undefined}
    >
      <legend>Attendance</legend>
      <p className="field-hint" aria-live="polite">
        {people.length === 0
          ? 'Nobody is expected: the ritual has no attendees.'
          : `${present} of ${people.length} present${answered < people.length ? `, ${people.length - answered} not recorded` : ''}.`}
      </p>
      <FieldError id={f.errorId} error={error} />
      {people.length ? (
        <>
          <div className="attendance-all">
            <button type="button" className="button small" onClick={() => all(true)}>
              Mark everyone present
            </button>
            <button type="button" className="button small" onClick={() => all(false)}>
              Mark everyone absent
            </button>
          </div>
          <ul className="attendance-list">
            {people.map((p) => {
              const value = marks[p.personId] ?? null;
              const name = `${f.id}-${p.personId}`;
              return (
                <li key={p.personId}>
                  <fieldset className="attendance-person">
                    <legend>{p.name}</legend>
                    {([true, false] as const).map((v) => (
                      <span className="radio" key={String(v)}>
                        <input
                          type="radio"
                          id={`${name}-${v ? 'present' : 'absent'}`}
                          name={name}
                          checked={value === v}
                          onChange={() => onChange({ ...marks, [p.personId]: v })}
                        />
                        <label htmlFor={`${name}-${v ? 'present' : 'absent'}`}>
                          {v ? 'Present' : 'Absent'}
                        </label>
                      </span>
                    ))}
                    {value === null ? <span className="muted">not recorded</span> : null}
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </fieldset>
  );
}
