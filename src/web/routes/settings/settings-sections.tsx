import type { TSettings } from '../../../shared/settings.ts';
import {
  CheckboxField,
  CheckboxGroup,
  NumberField,
  SelectField,
  TextField,
} from '../../components/fields.tsx';
import { WEEKDAYS } from '../../lib/labels.ts';
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  BUNDLE_LABELS,
  READINESS_LABELS,
  SECTION_OPTIONS,
  SIGN_OFF_OPTIONS,
  THRESHOLD_FIELDS,
  TIERS,
} from './settings-meta.ts';

type Deadlines = TSettings['deadlines'];
type Tiers = TSettings['tiers'];
type TierRule = Tiers['tier1'];

export const weekdayOptions = WEEKDAYS.map((label, i) => ({ value: i + 1, label }));
const weekdaySelectOptions = WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }));

export interface HolidayRow {
  key: number;
  date: string;
  name: string;
}

function WeeklyDeadline({
  path,
  label,
  value,
  onChange,
}: {
  path: 'weeklyUpdateDue' | 'weeklyUpdatePublish';
  label: string;
  value: Deadlines['weeklyUpdateDue'];
  onChange: (v: Deadlines['weeklyUpdateDue']) => void;
}) {
  return (
    <fieldset className="inline-fields">
      <legend>{label}</legend>
      <SelectField
        path={`deadlines.${path}.weekday`}
        label={`${label}: day`}
        value={String(value.weekday)}
        options={weekdaySelectOptions}
        onChange={(d) => onChange({ ...value, weekday: Number(d) })}
      />
      <TextField
        path={`deadlines.${path}.time`}
        label={`${label}: time`}
        type="time"
        value={value.time}
        onChange={(time) => onChange({ ...value, time })}
      />
    </fieldset>
  );
}

export function DeadlineFields({ value, onChange }: { value: Deadlines; onChange: (v: Deadlines) => void }) {
  return (
    <fieldset className="section">
      <legend>Deadlines (org time)</legend>
      <WeeklyDeadline
        path="weeklyUpdateDue"
        label="Weekly update due"
        value={value.weeklyUpdateDue}
        onChange={(weeklyUpdateDue) => onChange({ ...value, weeklyUpdateDue })}
      />
      <WeeklyDeadline
        path="weeklyUpdatePublish"
        label="Weekly update published"
        value={value.weeklyUpdatePublish}
        onChange={(weeklyUpdatePublish) => onChange({ ...value, weeklyUpdatePublish })}
      />
      <TextField
        path="deadlines.weeklyUpdateReminderMinutes"
        label="Remind PMs who have not submitted (minutes before due, comma-separated)"
        hint="1440 = a day before, 120 = two hours before."
        value={value.weeklyUpdateReminderMinutes.join(', ')}
        onChange={(text) =>
          onChange({
            ...value,
            weeklyUpdateReminderMinutes: text
              .split(',')
              .map((part) => part.trim())
              .filter(Boolean)
              .map(Number),
          })
        }
      />
      <NumberField
        path="deadlines.roadmapViewRepublishHours"
        label="Republish the roadmap view within (hours after the review)"
        value={value.roadmapViewRepublishHours}
        min={1}
        max={168}
        onChange={(roadmapViewRepublishHours) => onChange({ ...value, roadmapViewRepublishHours })}
      />
      <TextField
        path="deadlines.releaseWarningBusinessDays"
        label="Warn release owners before a bundle deadline (business days before, comma-separated)"
        hint="2, 0 = two business days before and on the morning of the deadline. At most three."
        value={value.releaseWarningBusinessDays.join(', ')}
        onChange={(text) =>
          onChange({
            ...value,
            releaseWarningBusinessDays: text
              .split(',')
              .map((part) => part.trim())
              .filter(Boolean)
              .map(Number),
          })
        }
      />
      <TextField
        path="deadlines.readinessCheckTime"
        label="Launch Readiness Check time"
        hint="Tier 3 releases meet on their publication deadline day, at this time."
        type="time"
        value={value.readinessCheckTime}
        onChange={(readinessCheckTime) => onChange({ ...value, readinessCheckTime })}
      />
    </fieldset>
  );
}

export function ThresholdFields({
  value,
  onChange,
}: {
  value: TSettings['thresholds'];
  onChange: (v: TSettings['thresholds']) => void;
}) {
  return (
    <fieldset className="section">
      <legend>Thresholds and targets</legend>
      <div className="form-grid">
        {THRESHOLD_FIELDS.map((f) => (
          <NumberField
            key={f.key}
            path={`thresholds.${f.key}`}
            label={`${f.label} (${f.unit})`}
            value={value[f.key]}
            min={0}
            step={f.step}
            onChange={(n) => onChange({ ...value, [f.key]: n })}
          />
        ))}
        <TextField
          path="thresholds.metricsBaselineFrom"
          label="Metrics baseline from"
          type="date"
          hint="Empty: each metric's baseline is its first weeks of use. A date: the four weeks from that date's week."
          value={value.metricsBaselineFrom ?? ''}
          onChange={(text) => onChange({ ...value, metricsBaselineFrom: text || null })}
        />
        <TextField
          path="thresholds.supportSources"
          label="Sources that are support tickets"
          hint="Insight source keys, separated by commas: the confused-customer metric counts only their items."
          value={value.supportSources.join(', ')}
          onChange={(text) =>
            onChange({
              ...value,
              supportSources: text
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            })
          }
        />
      </div>
    </fieldset>
  );
}

function TierFields({
  tier,
  label,
  value,
  onChange,
}: {
  tier: keyof Tiers;
  label: string;
  value: TierRule;
  onChange: (v: TierRule) => void;
}) {
  const p = `tiers.${tier}`;
  return (
    <fieldset className="tier">
      <legend>{label}</legend>
      <SelectField
        path={`${p}.bundle`}
        label={`${label} enablement bundle`}
        value={value.bundle}
        options={Object.entries(BUNDLE_LABELS).map(([v, l]) => ({ value: v, label: l }))}
        onChange={(bundle) => onChange({ ...value, bundle: bundle as TierRule['bundle'] })}
      />
      <NumberField
        path={`${p}.distributeBusinessDays`}
        label={`${label}: distribute (business days before launch)`}
        value={value.distributeBusinessDays}
        min={0}
        max={60}
        onChange={(distributeBusinessDays) => onChange({ ...value, distributeBusinessDays })}
      />
      <NumberField
        path={`${p}.publishBusinessDays`}
        label={`${label}: publish (business days before launch)`}
        value={value.publishBusinessDays}
        min={0}
        max={60}
        onChange={(publishBusinessDays) => onChange({ ...value, publishBusinessDays })}
      />
      <SelectField
        path={`${p}.readinessCheck`}
        label={`${label} readiness check`}
        value={value.readinessCheck}
        options={Object.entries(READINESS_LABELS).map(([v, l]) => ({ value: v, label: l }))}
        onChange={(r) => onChange({ ...value, readinessCheck: r as TierRule['readinessCheck'] })}
      />
      <CheckboxGroup
        path={`${p}.announceTo`}
        legend={`${label}: announce to`}
        options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
        values={value.announceTo}
        onChange={(announceTo) => onChange({ ...value, announceTo })}
      />
      <CheckboxGroup
        path={`${p}.requiredSections`}
        legend={`${label}: bundle sections required before the gate opens`}
        options={SECTION_OPTIONS}
        values={value.requiredSections}
        onChange={(requiredSections) => onChange({ ...value, requiredSections })}
      />
      <CheckboxGroup
        path={`${p}.signOffs`}
        legend={`${label}: readiness sign-offs required`}
        hint="Training is required by the training session setting below."
        options={SIGN_OFF_OPTIONS}
        values={value.signOffs}
        onChange={(signOffs) => onChange({ ...value, signOffs })}
      />
      <CheckboxField
        path={`${p}.trainingSession`}
        label={`${label}: training session for Support and Sales`}
        checked={value.trainingSession}
        onChange={(trainingSession) => onChange({ ...value, trainingSession })}
      />
      <CheckboxField
        path={`${p}.postLaunchCapture`}
        label={`${label}: post-launch capture (day 3 and day 14)`}
        checked={value.postLaunchCapture}
        onChange={(postLaunchCapture) => onChange({ ...value, postLaunchCapture })}
      />
    </fieldset>
  );
}

export function TierRuleFields({ value, onChange }: { value: Tiers; onChange: (v: Tiers) => void }) {
  return (
    <fieldset className="section">
      <legend>Release tiers</legend>
      <div className="tiers">
        {TIERS.map((t) => (
          <TierFields
            key={t.key}
            tier={t.key}
            label={t.label}
            value={value[t.key]}
            onChange={(rule) => onChange({ ...value, [t.key]: rule })}
          />
        ))}
      </div>
    </fieldset>
  );
}
