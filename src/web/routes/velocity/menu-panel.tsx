import { useState } from 'react';
import { Link } from 'react-router';
import type { TTradeOffMenu } from '../../../shared/velocity.ts';
import { ZItemSizeInput } from '../../../shared/velocity.ts';
import { velocityApi } from '../../api-velocity.ts';
import { NumberField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';

const weeksText = (n: number) => `${n} ${n === 1 ? 'week' : 'weeks'}`;
const itemsText = (n: number) => (n === 1 ? 'this one item' : `these ${n} items`);

function Choice({ title, intro, choice }: { title: string; intro: string; choice: TTradeOffMenu['focus'] }) {
  return (
    <div className="menu-choice">
      <h3>{title}</h3>
      <p className="muted">{intro}</p>
      {choice.items.length === 0 ? (
        <p className="empty">Nothing to plan.</p>
      ) : (
        <ol>
          {choice.items.map((i) => (
            <li key={i.id}>
              <Link to={`/roadmap/${i.id}`}>{i.title}</Link> — {i.sizeWeeks} engineer-weeks, lands{' '}
              {formatLocalDate(i.landsOn, true)} (in {weeksText(i.weeks)})
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function SizeForm({ item }: { item: { id: string; title: string } }) {
  const submit = useSubmit();
  // An item's size is the roadmap's and plans every pod's menu.
  const write = useWrite([['velocity'], ['roadmap']]);
  const [size, setSize] = useState(Number.NaN);
  return (
    <Form
      id={`size-${item.id}`}
      submit={submit}
      label={`Size of ${item.title}`}
      className="form size-form"
      onSubmit={async () => {
        const body = validate(ZItemSizeInput, { engineerWeeks: size });
        await write(() => velocityApi.size(item.id, body.engineerWeeks));
      }}
    >
      <NumberField
        path="engineerWeeks"
        label={`${item.title}: engineer-weeks`}
        value={size}
        onChange={setSize}
        step={0.5}
        min={0.5}
      />
      <FormActions submit={submit} label="Set size" />
    </Form>
  );
}

/**
 * The velocity framework's trade-off menu for one pod: "these few fast, or twice as many slow", from its engineers
 * and the sizes of its area's open roadmap items.
 */
export function MenuPanel({ podId }: { podId: string }) {
  const [weeks, setWeeks] = useState(13);
  const menu = useLoad(['velocity', 'menu', podId, weeks], (signal) =>
    velocityApi.menu(podId, weeks, signal),
  );
  const m = menu.data;
  return (
    <section aria-labelledby={`menu-${podId}`} className="panel">
      <h2 id={`menu-${podId}`}>Trade-off menu</h2>
      <label className="field-label" htmlFor={`horizon-${podId}`}>
        Horizon
      </label>{' '}
      <select
        className="inline-select"
        id={`horizon-${podId}`}
        value={weeks}
        onChange={(e) => setWeeks(Number(e.target.value))}
      >
        {[6, 13, 26].map((w) => (
          <option key={w} value={w}>
            {w === 13 ? '13 weeks (a quarter)' : weeksText(w)}
          </option>
        ))}
      </select>
      {menu.error ? <LoadError error={menu.error} retry={menu.reload} /> : null}
      {!m ? menu.error ? null : <Loading what="the trade-off menu" /> : <MenuBody m={m} />}
    </section>
  );
}

function MenuBody({ m }: { m: TTradeOffMenu }) {
  if (m.engineers === 0)
    return (
      <p className="empty">{m.pod.name} has no active engineers: add them to the pod to plan with it.</p>
    );
  const fast = m.focus.items.length;
  const slow = m.spread.items.length;
  return (
    <>
      <p>
        {m.pod.name} has {m.engineers} engineers: {m.capacityWeeks} engineer-weeks in{' '}
        {weeksText(m.horizonWeeks)} from {formatLocalDate(m.today, true)}.
        {fast && slow
          ? ` We can do ${itemsText(fast)} fast, or ${itemsText(slow)} slow. Which do you pick?`
          : ''}
      </p>
      <div className="menu-choices">
        <Choice
          title={`Fast: ${fast === 1 ? '1 item' : `${fast} items`}`}
          intro="The whole pod on one item at a time, in the roadmap's order: each lands as early as it can."
          choice={m.focus}
        />
        {slow ? (
          <Choice
            title={`Slow: ${slow} items`}
            intro="All started at once, the pod shared among them: more in flight, every one lands later."
            choice={m.spread}
          />
        ) : null}
      </div>
      {m.unsized.length ? (
        <>
          <h3>Not sized yet</h3>
          <p className="muted">
            An item needs a size in engineer-weeks (halves allowed) before the menu can plan it.
          </p>
          {m.unsized.map((i) => (
            <SizeForm key={i.id} item={i} />
          ))}
        </>
      ) : null}
    </>
  );
}
