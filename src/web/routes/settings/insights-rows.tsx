import type { TSettings } from '../../../shared/settings.ts';
import { TextField } from '../../components/fields.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';

type Insights = TSettings['insights'];
type Labelled = Insights['segments'][number];
export type LabelledRow = Labelled & { key_: number };
/** A theme with its keywords as one comma-separated text box. */
export type ThemeRow = LabelledRow & { keywords: string };

let rowKey = 1;
export const nextRowKey = () => rowKey++;

/** "a, b ,, c" → ["a", "b", "c"]; the inverse of `joinWords` for words without commas. */
export const splitWords = (text: string): string[] =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
export const joinWords = (words: readonly string[]): string => words.join(', ');

export const toLabelledRows = (xs: readonly Labelled[]): LabelledRow[] =>
  xs.map((x) => ({ key: x.key, label: x.label, key_: rowKey++ }));
export const fromLabelledRows = (rows: readonly LabelledRow[]): Labelled[] =>
  rows.map(({ key, label }) => ({ key: key.trim(), label }));
export const toThemeRows = (themes: Insights['themes']): ThemeRow[] =>
  themes.map((t) => ({ key: t.key, label: t.label, keywords: joinWords(t.keywords), key_: rowKey++ }));
export const fromThemeRows = (rows: readonly ThemeRow[]): Insights['themes'] =>
  rows.map(({ key, label, keywords }) => ({ key: key.trim(), label, keywords: splitWords(keywords) }));

/** The themes insights are tagged with, and the words in a ticket that suggest each one. */
export function ThemeFields({ rows, onChange }: { rows: ThemeRow[]; onChange: (rows: ThemeRow[]) => void }) {
  const update = (k: number, change: Partial<ThemeRow>) =>
    onChange(rows.map((r) => (r.key_ === k ? { ...r, ...change } : r)));
  return (
    <RowsFieldset
      path="insights.themes"
      legend="Themes"
      hint="Keywords are comma-separated; an incoming item that mentions one is suggested that theme. Renaming a key leaves insights tagged with the old one unknown."
    >
      <ol className="rows">
        {rows.map((row, i) => (
          <li key={row.key_} className="row">
            <TextField
              path={`insights.themes.${i}.key`}
              label={`Theme ${i + 1} key`}
              hideLabel
              placeholder="key"
              value={row.key}
              onChange={(key) => update(row.key_, { key })}
            />
            <TextField
              path={`insights.themes.${i}.label`}
              label={`Theme ${i + 1} label`}
              hideLabel
              placeholder="Label"
              value={row.label}
              onChange={(label) => update(row.key_, { label })}
            />
            <TextField
              path={`insights.themes.${i}.keywords`}
              label={`Theme ${i + 1} keywords`}
              hideLabel
              placeholder="keyword, another keyword"
              value={row.keywords}
              onChange={(keywords) => update(row.key_, { keywords })}
            />
            <button
              type="button"
              className="button small"
              onClick={() => onChange(rows.filter((r) => r.key_ !== row.key_))}
            >
              Remove<span className="visually-hidden"> theme {i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: '', label: '', keywords: '', key_: rowKey++ }])}
      >
        Add theme
      </button>
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
  const update = (k: number, change: Partial<LabelledRow>) =>
    onChange(rows.map((r) => (r.key_ === k ? { ...r, ...change } : r)));
  return (
    <RowsFieldset path={path} legend={legend} hint={hint}>
      {rows.length === 0 ? <p className="muted">None.</p> : null}
      <ol className="rows">
        {rows.map((row, i) => (
          <li key={row.key_} className="row">
            <TextField
              path={`${path}.${i}.key`}
              label={`${Noun} ${i + 1} key`}
              hideLabel
              placeholder="key"
              value={row.key}
              onChange={(key) => update(row.key_, { key })}
            />
            <TextField
              path={`${path}.${i}.label`}
              label={`${Noun} ${i + 1} label`}
              hideLabel
              placeholder="Label"
              value={row.label}
              onChange={(label) => update(row.key_, { label })}
            />
            <button
              type="button"
              className="button small"
              onClick={() => onChange(rows.filter((r) => r.key_ !== row.key_))}
            >
              Remove
              <span className="visually-hidden">
                {' '}
                {noun} {i + 1}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...rows, { key: '', label: '', key_: rowKey++ }])}
      >
        Add {noun}
      </button>
    </RowsFieldset>
  );
}
