import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type TQbr, type TQbrContent, ZQbrPublishInput } from '../../../shared/charter.ts';
import { charterApi, linesOf } from '../../api-charter.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { MarkdownBlock } from '../../components/markdown-block.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';
import { useWrite } from '../../lib/use-write.ts';
import { itemChoices } from '../releases/new-release-form.tsx';
import { roadmapApi } from '../roadmap/roadmap-api.ts';
import '../releases/releases.css';

/** An instant in the org's zone, labelled ("" until the zone is known). */
function useWhen() {
  const tz = useOrgTimeZone();
  return (iso: string) => (tz ? `${formatDateTimeIn(iso, tz)} (${tz})` : '');
}

/** The published QBRs and this quarter's, from /qbr. */
export function QbrIndexPage() {
  const data = useLoad(['qbr', 'index'], (signal) => charterApi.qbrIndex(signal));
  const when = useWhen();
  return (
    <Page title="Quarterly Planning / QBR">
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? null : (
        <>
          <p>
            <Link to={`/qbr/${data.data.current}`}>This quarter's QBR ({data.data.current})</Link>
          </p>
          <h2>Published</h2>
          {data.data.items.length ? (
            <ul aria-label="Published QBRs">
              {data.data.items.map((q) => (
                <li key={q.quarter}>
                  <Link to={`/qbr/${q.quarter}`}>{q.title}</Link>, version {q.version}, {when(q.publishedAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p>None yet.</p>
          )}
        </>
      )}
    </Page>
  );
}

function Figures({ c }: { c: TQbrContent }) {
  return (
    <section aria-label="Success metrics">
      <h2>Success metrics ({c.metricsWindow})</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Current</th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            {c.metrics.map((m) => (
              <tr key={m.key}>
                <td>
                  <Link to={`/metrics/${m.key}`}>{m.label}</Link>
                </td>
                <td>{m.current}</td>
                <td>{m.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Top frictions</h2>
      <ol aria-label="Top frictions">
        {c.frictions.map((f) => (
          <li key={f.id}>
            <strong>{f.title}</strong>: {f.evidence || f.description} — rituals:{' '}
            {f.rituals.map((r) => r.name).join(', ') || 'none'}
          </li>
        ))}
      </ol>
      {c.unmappedRituals.length ? (
        <p className="warning" role="status">
          Rituals that map to no friction: {c.unmappedRituals.map((r) => r.name).join(', ')}.
        </p>
      ) : null}
    </section>
  );
}

function PublishForm({ qbr }: { qbr: TQbr }) {
  const submit = useSubmit();
  const write = useWrite([['qbr']]);
  const d = qbr.draft;
  const [text, setText] = useState({
    priorities: d.priorities.map((p) => p.text).join('\n'),
    worked: d.retrospective.worked.join('\n'),
    didNot: d.retrospective.didNot.join('\n'),
    prune: d.retrospective.prune.join('\n'),
  });
  const set = (key: keyof typeof text) => (v: string) => setText((t) => ({ ...t, [key]: v }));
  // A priority line that is a roadmap item's title links to it (kept from the last version, or added below).
  const [links, setLinks] = useState(
    () => new Map(d.priorities.flatMap((p) => (p.roadmapItem ? [[p.text, p.roadmapItem.id] as const] : []))),
  );
  const items = useLoad(['roadmap', 'items'], (signal) => roadmapApi.items(signal));
  const addItem = (id: string) => {
    const item = items.data?.find((it) => it.id === id);
    if (!item) return;
    setLinks((m) => new Map(m).set(item.title, item.id));
    setText((t) => ({ ...t, priorities: [...linesOf(t.priorities), item.title].join('\n') }));
  };
  return (
    <Form
      id="qbr"
      label="Publish the QBR"
      submit={submit}
      onSubmit={async () => {
        const body = validate(ZQbrPublishInput, {
          priorities: linesOf(text.priorities).map((t) => ({
            text: t,
            ...(links.get(t) ? { roadmapItemId: links.get(t) } : {}),
          })),
          retrospective: {
            worked: linesOf(text.worked),
            didNot: linesOf(text.didNot),
            prune: linesOf(text.prune),
          },
        });
        await write(() => charterApi.publishQbr(qbr.quarter, body));
      }}
    >
      <TextField
        path="priorities"
        label="Quarterly priorities"
        hint="One a line."
        multiline
        value={text.priorities}
        onChange={set('priorities')}
      />
      {items.data ? (
        <SelectField
          path="roadmapItemId"
          label="Add a roadmap item as a priority"
          value=""
          emptyLabel="Choose an item"
          options={itemChoices(items.data, '')}
          onChange={addItem}
        />
      ) : null}
      <TextField
        path="retrospective.worked"
        label="What worked"
        hint="One a line."
        multiline
        value={text.worked}
        onChange={set('worked')}
      />
      <TextField
        path="retrospective.didNot"
        label="What didn't"
        hint="One a line."
        multiline
        value={text.didNot}
        onChange={set('didNot')}
      />
      <TextField
        path="retrospective.prune"
        label="What to prune"
        hint="One a line."
        multiline
        value={text.prune}
        onChange={set('prune')}
      />
      <FormActions
        submit={submit}
        label={qbr.latest ? 'Publish a new version' : 'Publish'}
        pendingText="Publishing…"
      />
    </Form>
  );
}

function Versions({ quarter, latest }: { quarter: string; latest: number }) {
  const [shown, setShown] = useState(latest);
  const v = useLoad(['qbr', quarter, shown], (signal) => charterApi.qbrVersion(quarter, shown, signal));
  const when = useWhen();
  const who = useActorText();
  return (
    <section aria-label="Published versions">
      <h2>Published versions</h2>
      <p>
        {Array.from({ length: latest }, (_, i) => latest - i).map((n) => (
          <button
            key={n}
            type="button"
            className="button small"
            aria-pressed={n === shown}
            onClick={() => setShown(n)}
          >
            Version {n}
          </button>
        ))}
      </p>
      {v.data ? (
        <>
          <p>
            Version {v.data.version}, published by {who(v.data.publishedBy)} {when(v.data.publishedAt)}.
          </p>
          <MarkdownBlock text={v.data.markdown} />
        </>
      ) : null}
    </section>
  );
}

/** Issue 16: a quarter's Planning/QBR (pack §3): the draft, the publish form, the published versions. */
export function QbrPage() {
  const { quarter = '' } = useParams();
  const data = useLoad(['qbr', quarter], (signal) => charterApi.qbr(quarter, signal));
  const q = data.data;
  return (
    <Page
      title={`Quarterly Planning / QBR — ${q?.label ?? quarter}`}
      intro={
        <p>
          The quarterly plan, the Product Ops retrospective and the top frictions, published as an immutable
          version. The figures and <Link to="/frictions">frictions</Link> are taken as they stand when you
          publish.
        </p>
      }
    >
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!q ? (
        data.error ? null : (
          <Loading what="the QBR" />
        )
      ) : (
        <>
          <h2>Draft</h2>
          <Figures c={q.draft} />
          {q.permissions.publish ? <PublishForm key={q.latest?.version ?? 0} qbr={q} /> : null}
          {q.latest ? (
            <Versions key={q.latest.version} quarter={q.quarter} latest={q.latest.version} />
          ) : (
            <p>Not published yet.</p>
          )}
        </>
      )}
    </Page>
  );
}
