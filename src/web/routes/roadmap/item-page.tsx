import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TArea } from '../../../shared/org.ts';
import type { TRelease } from '../../../shared/releases.ts';
import type { TRoadmapItem } from '../../../shared/roadmap.ts';
import { api } from '../../api-client.ts';
import { releasesApi } from '../../api-releases.ts';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { TrackerPanel } from '../../components/tracker-panel.tsx';
import { useSubmit } from '../../lib/forms.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { VISIBILITY_LABELS } from '../../lib/roadmap-labels.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useFormatInstant } from '../../lib/use-org-time-zone.ts';
import { useWrite } from '../../lib/use-write.ts';
import { EditItemForm } from './item-form.tsx';
import { ItemHistory } from './item-history.tsx';
import { DecisionsSection, DependenciesSection, LinksSection } from './item-links.tsx';
import { stakeholdersSee } from './items-table.tsx';
import { roadmapApi } from './roadmap-api.ts';
import { ConfidenceBadge, PendingBadge, RoadmapStatusBadge } from './roadmap-badges.tsx';
import './roadmap.css';

interface Loaded {
  item: TRoadmapItem;
  items: TRoadmapItem[];
  areas: TArea[];
  releases: TRelease[];
  themes: { key: string; label: string }[];
}

async function load(id: string, signal: AbortSignal): Promise<Loaded> {
  const [item, items, areas, releases, { settings }] = await Promise.all([
    roadmapApi.item(id, signal),
    roadmapApi.items(signal),
    api.areas.all(signal),
    releasesApi.list({}, signal),
    api.settings.get(signal),
  ]);
  const themes = settings.insights.themes.map((t) => ({ key: t.key, label: t.label }));
  return { item, items, areas, releases, themes };
}

function PendingNotice({ item }: { item: TRoadmapItem }) {
  if (!item.pending) return null;
  return (
    <div className="notice warn">
      <p>
        {item.ratifiedVersion === null
          ? 'New item: stakeholders see nothing of it until the next Roadmap Review ratifies it.'
          : `Stakeholders see version ${item.ratifiedVersion}. This working version (${item.version}) is waiting for the next review.`}{' '}
        <Link to="/roadmap/reviews">Roadmap reviews</Link>
      </p>
    </div>
  );
}

function ItemDetails({ item }: { item: TRoadmapItem }) {
  const at = useFormatInstant();
  return (
    <dl className="details">
      <dt>Area</dt>
      <dd>{item.areaName}</dd>
      <dt>Owner</dt>
      <dd>{item.ownerPmName ?? 'no PM owns the area'}</dd>
      <dt>When</dt>
      <dd>
        {item.rangeText} <span className="muted">({item.quarters})</span>
        <span className="cell-note">
          <time dateTime={item.earliest}>{formatLocalDate(item.earliest, true)}</time> to{' '}
          <time dateTime={item.latest}>{formatLocalDate(item.latest, true)}</time>
        </span>
      </dd>
      <dt>Confidence</dt>
      <dd>
        <ConfidenceBadge confidence={item.confidence} />
      </dd>
      <dt>Status</dt>
      <dd>
        <RoadmapStatusBadge status={item.status} /> {item.pending ? <PendingBadge /> : null}
      </dd>
      <dt>Visibility</dt>
      <dd>{VISIBILITY_LABELS[item.visibility]}</dd>
      <dt>Stakeholders see</dt>
      <dd>{stakeholdersSee(item)}</dd>
      <dt>Last changed</dt>
      <dd>
        <time dateTime={item.updatedAt}>{at(item.updatedAt)}</time> (version {item.version})
      </dd>
      <dt>Stakeholder summary</dt>
      <dd className="prose">{item.summary}</dd>
      <dt>What Sales may say</dt>
      <dd className="prose">
        {item.customerNote || <span className="muted">Nothing beyond the summary.</span>}
      </dd>
    </dl>
  );
}

/** Dropping is an edit (status "dropped"), asked twice and with a reason; the history keeps the item. */
function DropControl({ item, onDropped }: { item: TRoadmapItem; onDropped: (it: TRoadmapItem) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const write = useWrite(ROADMAP_CHANGES);
  const dropButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (!confirming && wasConfirming.current) dropButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (!confirming)
    return (
      <button
        type="button"
        ref={dropButton}
        className="button danger-outline"
        onClick={() => setConfirming(true)}
      >
        Drop item
      </button>
    );
  return (
    <div className="confirm drop-confirm">
      <Form
        id="drop-item"
        submit={submit}
        label="Drop item"
        onSubmit={async () =>
          onDropped(
            await write(() => roadmapApi.update(item.id, { status: 'dropped', note: note || undefined })),
          )
        }
      >
        <p className="confirm-question">
          Drop {item.title}? It leaves the roadmap at the next review; its history stays.
        </p>
        <TextField path="note" label="Why drop it" value={note} onChange={setNote} />
        <FormActions submit={submit} label="Yes, drop it" pendingText="Dropping…">
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </FormActions>
      </Form>
    </div>
  );
}

function ItemOverview({
  data,
  onSaved,
}: {
  data: Loaded;
  onSaved: (it: TRoadmapItem, what: string) => void;
}) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const { item } = data;
  return (
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="visually-hidden">
        Overview
      </h2>
      <PendingNotice item={item} />
      <ItemDetails item={item} />
      {item.permissions.update ? (
        <div className="button-row">
          <button
            type="button"
            className="button"
            aria-expanded={editing}
            onClick={() => setEditing((e) => !e)}
          >
            Edit item
          </button>
          {item.status !== 'dropped' ? (
            <DropControl item={item} onDropped={(it) => onSaved(it, `Dropped ${it.title}.`)} />
          ) : null}
        </div>
      ) : null}
      {editing ? (
        <EditItemForm
          item={item}
          lists={{ me, areas: data.areas, items: data.items, themes: data.themes }}
          onCancel={() => setEditing(false)}
          onSaved={(it) => {
            setEditing(false);
            onSaved(it, 'Saved: the change waits for the next review.');
          }}
        />
      ) : null}
    </section>
  );
}

/** C4: one roadmap item: its working state, what stakeholders see, edits, dependencies, links, history. */
export function RoadmapItemPage() {
  const { id = '' } = useParams();
  const [status, setStatus] = useState('');
  const data = useLoad(['roadmap', 'item', id], (signal) => load(id, signal));
  const back = <Link to="/roadmap">← Roadmap</Link>;
  if (!data.data) {
    return (
      <Page title="Roadmap item" intro={back}>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="the item" />}
      </Page>
    );
  }
  const d = data.data;
  const onSaved = (it: TRoadmapItem, what: string) => {
    data.setData({ ...d, item: it, items: d.items.map((x) => (x.id === it.id ? it : x)) });
    setStatus(what);
  };
  return (
    <Page title={d.item.title} intro={back}>
      <LiveStatus>{status}</LiveStatus>
      <div aria-busy={data.loading}>
        <ItemOverview data={d} onSaved={onSaved} />
        <DependenciesSection item={d.item} items={d.items} />
        <LinksSection item={d.item} releases={d.releases} themes={d.themes} />
        <DecisionsSection id={d.item.id} />
        <TrackerPanel type="roadmap_item" id={d.item.id} canEdit={d.item.permissions.update} />
        <ItemHistory id={d.item.id} version={d.item.version} />
      </div>
    </Page>
  );
}
