import { MONTH_NAMES } from '../../../shared/calendar.ts';
import type { TSettings } from '../../../shared/settings.ts';
import { NumberField, SelectField } from '../../components/fields.tsx';

type Roadmap = TSettings['roadmap'];

/** Fiscal quarters and the default move tolerance of roadmap subscribers. */
export function RoadmapFields({ value, onChange }: { value: Roadmap; onChange: (v: Roadmap) => void }) {
  return (
    <fieldset className="section">
      <legend>Roadmap</legend>
      <div className="form-grid">
        <SelectField
          path="roadmap.fiscalYearStartMonth"
          label="Fiscal year starts in"
          hint="Roadmap quarters follow it (January: calendar quarters)."
          value={String(value.fiscalYearStartMonth)}
          options={MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m }))}
          onChange={(m) => onChange({ ...value, fiscalYearStartMonth: Number(m) })}
        />
        <NumberField
          path="roadmap.moveToleranceDays"
          label="Tell roadmap subscribers about items moved more than (days)"
          hint="The default; each subscriber can choose their own."
          value={value.moveToleranceDays}
          min={0}
          max={365}
          onChange={(moveToleranceDays) => onChange({ ...value, moveToleranceDays })}
        />
      </div>
    </fieldset>
  );
}
