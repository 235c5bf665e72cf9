import type { THolidayPolicy, TSchedule } from '../../../shared/cadence.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { FieldError, useField, useGroupErrors } from '../../components/form.tsx';
import {
  HOLIDAY_POLICY_LABELS,
  MONTH_OF_QUARTER_OPTIONS,
  NTH_OPTIONS,
  SCHEDULE_KIND_LABELS,
} from '../../lib/cadence-labels.ts';
import { WEEKDAYS } from '../../lib/labels.ts';
import type { ScheduleDraft } from './ritual-values.ts';

const kindOptions = (Object.keys(SCHEDULE_KIND_LABELS) as TSchedule['kind'][]).map((k) => ({
  value: k,
  label: SCHEDULE_KIND_LABELS[k],
}));
const weekdayOptions = WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: d }));
const policyOptions = (Object.keys(HOLIDAY_POLICY_LABELS) as THolidayPolicy[]).map((p) => ({
  value: p,
  label: HOLIDAY_POLICY_LABELS[p],
}));

/** The schedule editor: the kind decides which fields follow; errors land on schedule.<field>. */
export function ScheduleFields({
  value,
  onChange,
  holidayPolicy,
  onHolidayPolicyChange,
  timeZone,
}: {
  value: ScheduleDraft;
  onChange: (value: ScheduleDraft) => void;
  holidayPolicy: THolidayPolicy;
  onHolidayPolicyChange: (value: THolidayPolicy) => void;
  timeZone: string;
}) {
  const f = useField('schedule', 'Schedule');
  const groupErrors = useGroupErrors('schedule');
  const error = groupErrors.length ? groupErrors.join('; ') : null;
  const set = (key: keyof ScheduleDraft) => (v: string) => onChange({ ...value, [key]: v });
  const calendar = value.kind !== 'per_release' && value.kind !== 'one_off';
  return (
    <fieldset
      className={`field-section${error ? ' has-error' : ''}`}
      id={f.id}
      tabIndex={-1}
      aria-describedby={error ? f.errorId : undefined}
    >
      <legend>Schedule</legend>
      <p className="field-hint">Times are in the org’s time zone, {timeZone}.</p>
      <FieldError id={f.errorId} error={error} />
      <div className="form-grid">
        <SelectField
          path="schedule.kind"
          label="Repeats"
          value={value.kind}
          options={kindOptions}
          onChange={(kind) => onChange({ ...value, kind: kind as TSchedule['kind'] })}
        />
        {value.kind === 'quarterly' ? (
          <SelectField
            path="schedule.monthOfQuarter"
            label="Month of the quarter"
            value={value.monthOfQuarter}
            options={MONTH_OF_QUARTER_OPTIONS}
            onChange={set('monthOfQuarter')}
          />
        ) : null}
        {value.kind === 'monthly' || value.kind === 'quarterly' ? (
          <SelectField
            path="schedule.nth"
            label="Which one in the month"
            value={value.nth}
            options={NTH_OPTIONS}
            onChange={set('nth')}
            hint="“Last” works in every month; there is not always a fifth."
          />
        ) : null}
        {calendar ? (
          <>
            <SelectField
              path="schedule.weekday"
              label="Weekday"
              value={value.weekday}
              options={weekdayOptions}
              onChange={set('weekday')}
            />
            <TextField
              path="schedule.time"
              label="Starts at"
              type="time"
              value={value.time}
              onChange={set('time')}
            />
          </>
        ) : null}
        {value.kind === 'biweekly' ? (
          <TextField
            path="schedule.anchor"
            label="A week it happens"
            type="date"
            value={value.anchor}
            onChange={set('anchor')}
            hint="Any date in a week with a meeting; it repeats every other week from there."
          />
        ) : null}
        {calendar ? (
          <SelectField
            path="holidayPolicy"
            label="On a holiday"
            value={holidayPolicy}
            options={policyOptions}
            onChange={(p) => onHolidayPolicyChange(p as THolidayPolicy)}
          />
        ) : null}
      </div>
      {!calendar ? (
        <p className="muted">Each release creates its own occurrence (the Launch Readiness Check).</p>
      ) : null}
    </fieldset>
  );
}
