import { useState } from 'react';
import type { TPerson } from '../../../shared/org.ts';
import { type TRetroView, ZRetroInput } from '../../../shared/plan.ts';
import { planApi } from '../../api-plan.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';

interface ActionDraft {
  key: number;
  title: string;
  ownerId: string;
  dueOn: string;
}

let nextKey = 1;
const blank = (): ActionDraft => ({ key: nextKey++, title: '', ownerId: '', dueOn: '' });

/** The retrospective's artifact: what is working, what is overhead, what to adjust, actions with owners. */
export function RetroForm({ retro, people }: { retro: TRetroView; people: TPerson[] }) {
  const submit = useSubmit();
  // The retrospective's occurrence is on the cadence calendar too.
  const write = useWrite([['plan'], ['cadence']]);
  const r = retro.recorded;
  const [working, setWorking] = useState(r?.working ?? '');
  const [overhead, setOverhead] = useState(r?.overhead ?? '');
  const [adjust, setAdjust] = useState(r?.adjust ?? '');
  const [actions, setActions] = useState<ActionDraft[]>(
    r?.actions.map((a) => ({ key: nextKey++, title: a.title, ownerId: a.ownerId, dueOn: a.dueOn ?? '' })) ?? [
      blank(),
    ],
  );
  const options = people.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }));
  const set = (i: number, patch: Partial<ActionDraft>) =>
    setActions((all) => all.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <Form
      id={`retro-${retro.week}`}
      submit={submit}
      label={`Record the ${retro.title.toLowerCase()}`}
      onSubmit={async () => {
        const body = validate(ZRetroInput, {
          working,
          overhead,
          adjust,
          actions: actions.map((a) => ({ title: a.title, ownerId: a.ownerId, dueOn: a.dueOn || null })),
        });
        await write(() => planApi.recordRetro(retro.week, body));
      }}
    >
      <TextField
        path="working"
        label="What is working"
        value={working}
        onChange={setWorking}
        multiline
        required
      />
      <TextField
        path="overhead"
        label="What is overhead"
        value={overhead}
        onChange={setOverhead}
        multiline
        required
      />
      <TextField
        path="adjust"
        label="What to adjust"
        value={adjust}
        onChange={setAdjust}
        multiline
        required
      />
      <fieldset className="field-section">
        <legend>Actions, each with an owner</legend>
        {actions.map((a, i) => (
          <div className="plan-retro-action" key={a.key}>
            <TextField
              path={`actions.${i}.title`}
              label={`Action ${i + 1}`}
              value={a.title}
              onChange={(v) => set(i, { title: v })}
              required
            />
            <SelectField
              path={`actions.${i}.ownerId`}
              label={`Owner of action ${i + 1}`}
              value={a.ownerId}
              onChange={(v) => set(i, { ownerId: v })}
              options={options}
              emptyLabel="Choose a person…"
              required
            />
            <TextField
              path={`actions.${i}.dueOn`}
              label={`Due date of action ${i + 1} (optional)`}
              type="date"
              value={a.dueOn}
              onChange={(v) => set(i, { dueOn: v })}
            />
            {actions.length > 1 ? (
              <button
                type="button"
                className="button"
                onClick={() => setActions((all) => all.filter((_, j) => j !== i))}
              >
                Remove action {i + 1}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className="button" onClick={() => setActions((all) => [...all, blank()])}>
          Add an action
        </button>
      </fieldset>
      <FormActions submit={submit} label={r ? 'Save the retrospective' : 'Record the retrospective'} />
    </Form>
  );
}
