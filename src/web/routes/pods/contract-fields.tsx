import type { TPerson } from '../../../shared/org.ts';
import { CheckboxField, SelectField, TextField } from '../../components/fields.tsx';
import { RowList } from '../../components/row-list.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';
import { type MetricRow, newRowKey, type RiskRow, type SignerRow } from '../../lib/contracts.ts';

/** How success is measured: a name and a target per row. */
export function MetricsEditor({
  rows,
  onChange,
}: {
  rows: MetricRow[];
  onChange: (rows: MetricRow[]) => void;
}) {
  return (
    <RowsFieldset path="metrics" legend="Metrics" hint="How you will measure success, each with its target.">
      <RowList
        rows={rows}
        onChange={onChange}
        rowKey={(r) => r.key}
        noun="metric"
        blank={() => ({ key: newRowKey(), name: '', target: '' })}
      >
        {(row, i, update) => (
          <>
            <TextField
              path={`metrics.${i}.name`}
              label={`Metric ${i + 1}`}
              value={row.name}
              placeholder="Billing tickets per 1,000 users"
              onChange={(name) => update({ name })}
            />
            <TextField
              path={`metrics.${i}.target`}
              label={`Metric ${i + 1} target`}
              value={row.target}
              placeholder="from 4.1 to under 2.5"
              onChange={(target) => update({ target })}
            />
          </>
        )}
      </RowList>
    </RowsFieldset>
  );
}

/** Known trade-offs, each flagged when it is a one-way door (a decision that cannot be undone cheaply). */
export function RisksEditor({ rows, onChange }: { rows: RiskRow[]; onChange: (rows: RiskRow[]) => void }) {
  return (
    <RowsFieldset
      path="risks"
      legend="Risks"
      hint="Known trade-offs. Tick the one-way doors: decisions that cannot be undone cheaply."
    >
      <RowList
        rows={rows}
        onChange={onChange}
        rowKey={(r) => r.key}
        noun="risk"
        blank={() => ({ key: newRowKey(), text: '', oneWayDoor: false })}
      >
        {(row, i, update) => (
          <>
            <TextField
              path={`risks.${i}.text`}
              label={`Risk ${i + 1}`}
              value={row.text}
              onChange={(text) => update({ text })}
            />
            <CheckboxField
              path={`risks.${i}.oneWayDoor`}
              label="One-way door"
              checked={row.oneWayDoor}
              onChange={(oneWayDoor) => update({ oneWayDoor })}
            />
          </>
        )}
      </RowList>
    </RowsFieldset>
  );
}

/** Who signs it off (active people); each is asked through their delivery preferences. */
export function SignersEditor({
  rows,
  people,
  onChange,
}: {
  rows: SignerRow[];
  people: readonly TPerson[];
  onChange: (rows: SignerRow[]) => void;
}) {
  const options = people.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }));
  return (
    <RowsFieldset
      path="signers"
      legend="Signers"
      hint="The stakeholders who sign it off. Each is asked (inbox, email or Slack, as they chose) and signs this version."
    >
      <RowList
        rows={rows}
        onChange={onChange}
        rowKey={(r) => r.key}
        noun="signer"
        blank={() => ({ key: newRowKey(), personId: '' })}
      >
        {(row, i, update) => (
          <SelectField
            path={`signers.${i}`}
            label={`Signer ${i + 1}`}
            hideLabel
            value={row.personId}
            emptyLabel="Choose a person…"
            options={options}
            onChange={(personId) => update({ personId })}
          />
        )}
      </RowList>
    </RowsFieldset>
  );
}
