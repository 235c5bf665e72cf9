import type { TSettings } from '../../../shared/settings.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { newRowKey, RowList } from '../../components/row-list.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';
import { TIER_OPTIONS } from '../../lib/release-labels.ts';

type Attribute = TSettings['releaseAttributes'][number];
export type AttributeRow = Attribute & { key_: number };

export const toAttributeRows = (attrs: readonly Attribute[]): AttributeRow[] =>
  attrs.map((a) => ({ ...a, key_: newRowKey() }));
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
  return (
    <RowsFieldset
      path="releaseAttributes"
      legend="Release attributes"
      hint="A release's suggested tier is the highest tier any of its attributes implies. Keys are snake_case; renaming a key leaves releases that use the old one unknown to the suggestion."
    >
      <RowList
        rows={rows}
        onChange={onChange}
        rowKey={(r) => r.key_}
        noun="attribute"
        blank={(): AttributeRow => ({ key: '', label: '', tier: 2, key_: newRowKey() })}
      >
        {(row, i, update) => (
          <>
            <TextField
              path={`releaseAttributes.${i}.key`}
              label={`Attribute ${i + 1} key`}
              hideLabel
              placeholder="key"
              value={row.key}
              onChange={(key) => update({ key })}
            />
            <TextField
              path={`releaseAttributes.${i}.label`}
              label={`Attribute ${i + 1} label`}
              hideLabel
              placeholder="Label"
              value={row.label}
              onChange={(label) => update({ label })}
            />
            <SelectField
              path={`releaseAttributes.${i}.tier`}
              label={`Attribute ${i + 1} tier`}
              hideLabel
              value={String(row.tier)}
              options={TIER_OPTIONS}
              onChange={(t) => update({ tier: Number(t) as Attribute['tier'] })}
            />
          </>
        )}
      </RowList>
    </RowsFieldset>
  );
}
