import type { ReactNode } from 'react';

let nextKey = 1;
/** A fresh React key for a row the user adds to a list field (rows have no id of their own yet). */
export const newRowKey = () => nextKey++;

/**
 * The rows of a list field, each with its Remove button, and an Add button. The row's own fields come from
 * `children`, which gets an `update` that merges a change into that row.
 */
export function RowList<T>({
  rows,
  onChange,
  rowKey,
  noun,
  blank,
  children,
}: {
  rows: T[];
  onChange: (rows: T[]) => void;
  rowKey: (row: T) => number;
  /** "holiday": names the buttons ("Remove holiday 2", "Add holiday"). */
  noun: string;
  /** A new empty row, with a fresh key (newRowKey). */
  blank: () => T;
  children: (row: T, index: number, update: (change: Partial<T>) => void) => ReactNode;
}) {
  const update = (key: number) => (change: Partial<T>) =>
    onChange(rows.map((r) => (rowKey(r) === key ? { ...r, ...change } : r)));
  return (
    <>
      <ol className="rows">
        {rows.map((row, i) => (
          <li key={rowKey(row)} className="row">
            {children(row, i, update(rowKey(row)))}
            <button
              type="button"
              className="button small"
              onClick={() => onChange(rows.filter((r) => rowKey(r) !== rowKey(row)))}
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
      <button type="button" className="button" onClick={() => onChange([...rows, blank()])}>
        Add {noun}
      </button>
    </>
  );
}
