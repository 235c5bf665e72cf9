import { useState } from 'react';
import { type TRaciEntry, ZRaciInput } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { TextField } from '../../components/fields.tsx';
import { FieldError, Form, FormActions, useField } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';

/** The RACI matrix as a reader sees it. */
export function RaciTable({ items }: { items: TRaciEntry[] }) {
  if (items.length === 0) return <p className="muted">No RACI entries yet.</p>;
  return (
    <div className="table-wrap">
      <table className="raci">
        <caption className="visually-hidden">RACI matrix</caption>
        <thead>
          <tr>
            <th scope="col">Activity</th>
            <th scope="col">Responsible</th>
            <th scope="col">Accountable</th>
            <th scope="col">Consulted</th>
            <th scope="col">Informed</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.activity}>
              <th scope="row">{e.activity}</th>
              <td>{e.responsible}</td>
              <td>{e.accountable}</td>
              <td>{e.consulted.join(', ')}</td>
              <td>{e.informed.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Row {
  key: number;
  activity: string;
  responsible: string;
  accountable: string;
  consulted: string;
  informed: string;
}

let rowKey = 1;
const toRow = (e: TRaciEntry): Row => ({
  key: rowKey++,
  ...e,
  consulted: e.consulted.join(', '),
  informed: e.informed.join(', '),
});
const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const toEntry = (r: Row): TRaciEntry => ({
  activity: r.activity,
  responsible: r.responsible,
  accountable: r.accountable,
  consulted: list(r.consulted),
  informed: list(r.informed),
});

const COLUMNS = [
  { key: 'activity', label: 'Activity' },
  { key: 'responsible', label: 'Responsible' },
  { key: 'accountable', label: 'Accountable' },
  { key: 'consulted', label: 'Consulted' },
  { key: 'informed', label: 'Informed' },
] as const;

function ItemsError() {
  const f = useField('items', 'RACI entries');
  return <FieldError id={f.errorId} error={f.error} />;
}

/** Edits the whole matrix; PUT replaces it. Consulted and Informed take comma-separated names. */
export function RaciEditor({
  items,
  onSaved,
  onCancel,
}: {
  items: TRaciEntry[];
  onSaved: (items: TRaciEntry[]) => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const [rows, setRows] = useState(() => items.map(toRow));
  const update = (key: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const onSubmit = async () => {
    const body = validate(ZRaciInput, { items: rows.map(toEntry) });
    const saved = await api.raci.put(body.items);
    onSaved(saved.items);
  };

  return (
    <Form id="raci" submit={submit} onSubmit={onSubmit} label="Edit RACI matrix">
      <ItemsError />
      <p className="field-hint">Consulted and Informed: several names separated by commas.</p>
      <div className="table-wrap">
        <table className="raci-editor">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key}>
                {COLUMNS.map((c) => (
                  <td key={c.key}>
                    <TextField
                      path={`items.${i}.${c.key}`}
                      label={`Row ${i + 1} ${c.label.toLowerCase()}`}
                      hideLabel
                      value={row[c.key]}
                      onChange={(value) => update(row.key, { [c.key]: value })}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                  >
                    Remove<span className="visually-hidden"> row {i + 1}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="button"
        onClick={() =>
          setRows((rs) => [
            ...rs,
            { key: rowKey++, activity: '', responsible: '', accountable: '', consulted: '', informed: '' },
          ])
        }
      >
        Add row
      </button>
      <FormActions submit={submit}>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}
