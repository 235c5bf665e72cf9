import type { TSettings } from '../../../shared/settings.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';
import { TIER_OPTIONS } from '../../lib/release-labels.ts';

type Attribute = TSettings['releaseAttributes'][number];
export type AttributeRow = Attribute & { key_: number };

let rowKey = 1;
export const toAttributeRows = (attrs: readonly Attribute[]): AttributeRow[] =>
  attrs.map((a) => ({ ...a, key_: rowKey++ }));
export const fromAttributeRows = (rows: readonly AttributeRow[]): Attribute[] =>
  rows.map(({ key, label, tier }) => ({ key: key.trim(), label, tier }));

/** The pack's tier table as the org uses it: each release attribute and the tier it implies. */
export function ReleaseAttributeFields({
  rows,
  onChange,
}: {
  rows: AttributeRow[];
  onChange: (rows: AttributeRow[]) => void;
}) {
  const update = (k: number, change: Partial<AttributeRow>) =>
    onChange(rows.map((r) => (r.key_ === k ? { ...r, ...change } : r)));
  return (
    <RowsFieldset
      path="releaseAttributes"
      legend="Release attributes"
      hint="A release's suggested tier is the highest tier any of its attributes implies. Keys are snake_case; renaming a key leaves releases that use the old one unknown to the suggestion."
    >
      <ol className="rows">
        {rows.map((row, i) => (
          <li key={row.key_} className="row">
            <TextField
              path={`releaseAttributes.${i}.key`}
              label={`Attribute ${i + 1} key`}
              hideLabel
              placeholder="key"
              value={row.key}
              onChange={(key) => update(row.key_, { key })}
            />
            <TextField
              path={`releaseAttributes.${i}.label`}
              label={`Attribute ${i + 1} label`}
              hideLabel
              placeholder="Label"
              value={row.label}
              onChange={(label) => update(row.key_, { label })}
            />
            <SelectField
              path={`releaseAttributes.${i}.tier`}
              label={`Attribute ${i + 1} tier`}
              hideLabel
              value={String(row.tier)}
              options={TIER_OPTIONS}
              onChange={(t) => update(row.key_, { tier: Number(t) as Attribute['tier'] })}
            />
            <button
              type="button"
              className="button small"
              onClick={() => onChange(rows.filter((r) => r.key_ !== row.key_))}
            >
              Remove<span className="visually-hidden"> attribute {i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: '', label: '', tier: 2, key_: rowKey++ }])}
      >
        Add attribute
      </button>
    </RowsFieldset>
  );
}
