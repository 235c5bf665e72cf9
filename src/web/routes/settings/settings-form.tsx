import { useMemo, useState } from 'react';
import type { TArea } from '../../../shared/org.ts';
import { type TSettings, type TSettingsReply, ZSettings } from '../../../shared/settings.ts';
import { api } from '../../api-client.ts';
import { CheckboxGroup, NumberField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { newRowKey, RowList } from '../../components/row-list.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';
import {
  fromInsightsValues,
  InsightsFields,
  type InsightsValues,
  toInsightsValues,
  withKeywordPaths,
} from './insights-fields.tsx';
import {
  type AttributeRow,
  fromAttributeRows,
  ReleaseAttributeFields,
  toAttributeRows,
} from './release-attribute-fields.tsx';
import { RoadmapFields } from './roadmap-fields.tsx';
import { POD_TARGET_FIELDS } from './settings-meta.ts';
import {
  DeadlineFields,
  type HolidayRow,
  ThresholdFields,
  TierRuleFields,
  weekdayOptions,
} from './settings-sections.tsx';
import { fromOidcValues, type OidcValues, SsoFields, toOidcValues } from './sso-fields.tsx';

type Values = Omit<TSettings, 'holidays' | 'releaseAttributes' | 'insights' | 'sso'> & {
  holidays: HolidayRow[];
  releaseAttributes: AttributeRow[];
  insights: InsightsValues;
  oidc: OidcValues;
};

const toValues = (s: TSettings): Values => ({
  ...s,
  holidays: s.holidays.map((h) => ({ key: newRowKey(), ...h })),
  releaseAttributes: toAttributeRows(s.releaseAttributes),
  insights: toInsightsValues(s.insights),
  oidc: toOidcValues(s.sso.oidc),
});
const toSettings = ({ oidc, ...v }: Values): TSettings => ({
  ...v,
  sso: { oidc: fromOidcValues(oidc) },
  orgName: v.orgName,
  timeZone: v.timeZone.trim(),
  workWeek: [...v.workWeek].sort((a, b) => a - b),
  holidays: v.holidays.map(({ date, name }) => ({ date, name })),
  releaseAttributes: fromAttributeRows(v.releaseAttributes),
  insights: fromInsightsValues(v.insights),
});

function HolidayFields({ rows, onChange }: { rows: HolidayRow[]; onChange: (rows: HolidayRow[]) => void }) {
  return (
    <fieldset className="section rows-editor">
      <legend>Holidays</legend>
      <p className="field-hint">Not business days: lead times and cadences skip them.</p>
      {rows.length === 0 ? <p className="muted">No holidays.</p> : null}
      <RowList
        rows={rows}
        onChange={onChange}
        rowKey={(r) => r.key}
        noun="holiday"
        blank={() => ({ key: newRowKey(), date: '', name: '' })}
      >
        {(row, i, update) => (
          <>
            <TextField
              path={`holidays.${i}.date`}
              label={`Holiday ${i + 1} date`}
              hideLabel
              type="date"
              value={row.date}
              onChange={(date) => update({ date })}
            />
            <TextField
              path={`holidays.${i}.name`}
              label={`Holiday ${i + 1} name`}
              hideLabel
              value={row.name}
              placeholder="Name"
              onChange={(name) => update({ name })}
            />
          </>
        )}
      </RowList>
    </fieldset>
  );
}

/** The whole settings document, PUT in one piece (the API replaces it). */
export function SettingsForm({
  settings,
  areas,
  secretSet,
  onSaved,
  onCancel,
}: {
  settings: TSettings;
  /** Whether the single sign-on client secret is set (the API never sends it). */
  secretSet: boolean;
  /** For the area keywords, keyed by slug. */
  areas: readonly Pick<TArea, 'slug' | 'name'>[];
  onSaved: (reply: TSettingsReply) => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  // Settings shape most pages (the time zone, the tiers): every page reading them reads them again.
  const write = useWrite([['settings'], ['home']]);
  const [v, setV] = useState(() => toValues(settings));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setV((prev) => ({ ...prev, [key]: value }));
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  const onSubmit = async () => {
    try {
      const body = validate(ZSettings, toSettings(v));
      const saved = await write(() => api.settings.put(body));
      onSaved(saved);
    } catch (err) {
      throw withKeywordPaths(err);
    }
  };

  return (
    <Form
      id="settings"
      submit={submit}
      onSubmit={onSubmit}
      label="Edit settings"
      className="form settings-form"
    >
      <fieldset className="section">
        <legend>Org and calendar</legend>
        <div className="form-grid">
          <TextField path="orgName" label="Org name" value={v.orgName} onChange={set('orgName')} required />
          <TextField
            path="timeZone"
            label="Time zone"
            value={v.timeZone}
            onChange={set('timeZone')}
            list="time-zones"
            hint="IANA name, like Europe/Paris. Rituals and deadlines use it."
            required
          />
          <datalist id="time-zones">
            {timeZones.map((tz) => (
              <option key={tz} value={tz} />
            ))}
          </datalist>
        </div>
        <CheckboxGroup
          path="workWeek"
          legend="Work week"
          options={weekdayOptions}
          values={v.workWeek}
          onChange={set('workWeek')}
        />
      </fieldset>
      <HolidayFields rows={v.holidays} onChange={set('holidays')} />
      <DeadlineFields value={v.deadlines} onChange={set('deadlines')} />
      <RoadmapFields value={v.roadmap} onChange={set('roadmap')} />
      <ThresholdFields value={v.thresholds} onChange={set('thresholds')} />
      <TierRuleFields value={v.tiers} onChange={set('tiers')} />
      <ReleaseAttributeFields rows={v.releaseAttributes} onChange={set('releaseAttributes')} />
      <InsightsFields value={v.insights} areas={areas} onChange={set('insights')} />
      <SsoFields value={v.oidc} secretSet={secretSet} onChange={set('oidc')} />
      <fieldset className="section">
        <legend>Pod targets (3-1-1)</legend>
        <div className="form-grid">
          {POD_TARGET_FIELDS.map((f) => (
            <NumberField
              key={f.key}
              path={`pods.${f.key}`}
              label={f.label}
              value={v.pods[f.key]}
              min={0}
              onChange={(n) => set('pods')({ ...v.pods, [f.key]: n })}
            />
          ))}
        </div>
      </fieldset>
      <FormActions submit={submit}>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}
