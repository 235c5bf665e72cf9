import type { TSettings } from '../../../shared/settings.ts';
import { TextField } from '../../components/fields.tsx';
import { newRowKey, RowList } from '../../components/row-list.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';

type Insights = TSettings['insights'];
type Labelled = Insights['segments'][number];
export type LabelledRow = Labelled & { key_: number };
/** A theme with its keywords as one comma-separated text box. */
export type ThemeRow = LabelledRow & { keywords: string };

/** "a, b ,, c" → ["a", "b", "c"]; the inverse of `joinWords` for words without commas. */
export const splitWords = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
export const joinWords = (words: readonly string[]): string => words.join(', ');

export const toLabelledRows = (xs: readonly Labelled[]): LabelledRow[] =>
  xs.map((x) => ({ key: x.key, label: x.label, key_: newRowKey() }));
export const fromLabelledRows = (rows: readonly LabelledRow[]): Labelled[] =>
  rows.map(({ key, label }) => ({ key: key.trim(), label }));
export const toThemeRows = (themes: Insights['themes']): ThemeRow[] =>
  themes.map((t) => ({ key: t.key, label: t.label, keywords: joinWords(t.keywords), key_: newRowKey() }));
export const fromThemeRows = (rows: readonly ThemeRow[]): Insights['themes'] =>
  rows.map(({ key, label, keywords }) => ({ key: key.trim(), label, keywords: splitWords(keywords) }));

/** A row's key and label boxes ("Theme 2 key", "Theme 2 label"). */
function KeyLabelFields({
  path,
  name,
  row,
  update,
}: {
  path: string;
  name: string;
  row: LabelledRow;
  update: (change: Partial<LabelledRow>) => void;
}) {
  return (
    <>
      <TextField
        path={`${path}.key`}
        label={`${name} key`}
        hideLabel
        placeholder="key"
        value={row.key}
        onChange={(key) => update({ key })}
      />
      <TextField
        path={`${path}.label`}
        label={`${name} label`}
        hideLabel
        placeholder="Label"
        value={row.label}
        onChange={(label) => update({ label })}
      />
    </>
  );
}

/** The themes insights are tagged with, and the words in a ticket that suggest each one. */
export function ThemeFields({ rows, onChange }: { rows: ThemeRow[]; onChange: (rows: ThemeRow[]) => void }) {
  return (
    <RowsFieldset
      path="insights.themes"
      legend="Themes"
      hint="Keywords are comma-separated; an incoming item that mentions one is suggested that theme. Renaming a key leaves insights tagged with the old one unknown."
    >
      <RowList
        rows={rows}
        onChange={onChange}
        rowKey={(r) => r.key_}
        noun="theme"
        blank={() => ({ key: '', label: '', keywords: '', key_: newRowKey() })}
      >
        {(row, i, update) => (
          <>
            <KeyLabelFields path={`insights.themes.${i}`} name={`Theme ${i + 1}`} row={row} update={update} />
            <TextField
              path={`insights.themes.${i}.keywords`}
              label={`Theme ${i + 1} keywords`}
              hideLabel
              placeholder="keyword, another keyword"
              value={row.keywords}
              onChange={(keywords) => update({ keywords })}
            />
          </>
        )}
      </RowList>
    </RowsFieldset>
  );
}

/** A list of key + label rows: segments, severities, evidence types, sources. */
export function LabelledFields({
  path,
  legend,
  noun,
  hint,
  rows,
  onChange,
}: {
  path: string;
  legend: string;
  /** "segment": names the rows ("Segment 2 key") and the buttons. */
  noun: string;
  hint: string;
  rows: LabelledRow[];
  onChange: (rows: LabelledRow[]) => void;
}) {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <RowsFieldset path={path} legend={legend} hint={hint}>
      {rows.length === 0 ? <p className="muted">None.</p> : null}
      <RowList
        rows={rows}
        onChange={onChange}
        rowKey={(r) => r.key_}
        noun={noun}
        blank={() => ({ key: '', label: '', key_: newRowKey() })}
      >
        {(row, i, update) => (
          <KeyLabelFields path={`${path}.${i}`} name={`${Noun} ${i + 1}`} row={row} update={update} />
        )}
      </RowList>
    </RowsFieldset>
  );
}
