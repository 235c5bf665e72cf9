import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TBroadcastHeld } from '../../../shared/broadcasts.ts';
import type { TMe } from '../../../shared/org.ts';
import type { TPublishedView, TViewVersion } from '../../../shared/roadmap.ts';
import { inProductOrg } from '../../../shared/roles.ts';
import { ApiError } from '../../api-client.ts';
import { ConfirmBroadcast } from '../../components/confirm-broadcast.tsx';
import { MarkdownBlock } from '../../components/markdown-block.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { UndoBanner } from '../../components/undo-banner.tsx';
import { ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { useMe } from '../../lib/session.tsx';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useFormatInstant } from '../../lib/use-org-time-zone.ts';
import { useInvalidate, useWrite } from '../../lib/use-write.ts';
import { type AudienceTab, AudienceTabs, audienceLabel, isAudience } from './audience-tabs.tsx';
import { exportUrl, roadmapApi, type ViewVersionParam } from './roadmap-api.ts';
import { RoadmapTabs } from './roadmap-tabs.tsx';
import './roadmap.css';

/** Product Ops (format + distribution) and up republish the view (the API's roadmap_view policy). */
const canRepublish = (me: TMe) =>
  me.roles.some((r) => r === 'product_ops' || r === 'head_of_product' || r === 'admin');

function versionFrom(s: string | null): ViewVersionParam {
  if (s === 'draft') return 'draft';
  const n = Number(s);
  return s && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Who published and when, in words: names, and times in the org's zone. */
interface Say {
  at: (iso: string) => string;
  who: (actor: string | null) => string;
}

function VersionPicker({
  value,
  versions,
  withDraft,
  onChange,
  say,
}: {
  say: Say;
  value: ViewVersionParam;
  versions: readonly TViewVersion[];
  /** The draft is the product org's preview: stakeholders read what was published. */
  withDraft: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <div className="filter">
      <label htmlFor="view-version" className="filter-label">
        Version
      </label>
      <select
        id="view-version"
        value={value === undefined ? '' : String(value)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Latest published</option>
        {versions.map((v) => (
          <option key={v.version} value={String(v.version)}>
            Version {v.version}, {say.at(v.publishedAt)}, {say.who(v.publishedBy)}
          </option>
        ))}
        {withDraft ? <option value="draft">Draft: what republishing would publish</option> : null}
      </select>
    </div>
  );
}

function ViewMeta({ data, say }: { data: TPublishedView; say: Say }) {
  const quarters = data.view.quarters.map((q) => q.label).join(' and ');
  const items = data.view.items.length === 1 ? '1 item' : `${data.view.items.length} items`;
  if (data.version === null)
    return (
      <div className="notice warn">
        <p>
          Draft preview, not published: this is what republishing now would publish ({items}, {quarters}).
        </p>
      </div>
    );
  return (
    <p className="summary-line">
      Version {data.version}
      {data.publishedAt ? `, published ${say.at(data.publishedAt)}` : ''}
      {data.publishedBy ? ` by ${say.who(data.publishedBy)}` : ''}. {items}, {quarters}. Dates are ranges, not
      commitments.
    </p>
  );
}

function ExportLinks({ audience, version }: { audience: AudienceTab; version: ViewVersionParam }) {
  const a = audience || undefined;
  const who = audienceLabel(audience);
  return (
    <p className="button-row export-links">
      <a className="button small" href={exportUrl('md', a, version)} download>
        Download markdown<span className="visually-hidden"> ({who})</span>
      </a>
      <a className="button small" href={exportUrl('html', a, version)} target="_blank" rel="noopener">
        Print-friendly page<span className="visually-hidden"> ({who}, opens in a new tab)</span>
      </a>
    </p>
  );
}

/** Republishing after its preview (issue 17): the note, if any, is written in the confirm step. */
function RepublishForm({ onPublished }: { onPublished: (held: TBroadcastHeld | null) => void }) {
  const write = useWrite(ROADMAP_CHANGES);
  return (
    <section className="create-panel" aria-labelledby="republish-heading">
      <h2 id="republish-heading">Republish</h2>
      <p className="section-intro">
        Publishes the draft (the ratified items) as a new version, within 24 hours of each Roadmap Review.
      </p>
      <ConfirmBroadcast
        label="Republish stakeholder view"
        confirmLabel="Republish now"
        pendingText="Publishing…"
        preview={(note) => roadmapApi.publishPreview(note)}
        run={async (note) => (await write(() => roadmapApi.publish(note))).undo}
        onDone={onPublished}
      />
    </section>
  );
}

function Versions({ versions, say }: { versions: readonly TViewVersion[]; say: Say }) {
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-heading" className="release-section">
      <h2 id="versions-heading">Publication history</h2>
      <ul className="view-versions">
        {[...versions]
          .sort((a, b) => b.version - a.version)
          .map((v) => (
            <li key={v.version}>
              <strong>Version {v.version}</strong>{' '}
              <span className="muted">
                {say.at(v.publishedAt)}, {say.who(v.publishedBy)}
              </span>
              {v.changes.length ? (
                <ul>
                  {v.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
      </ul>
    </section>
  );
}

const notPublished = (e: Error | null) => e instanceof ApiError && e.status === 404;

/** C4: the stakeholder roadmap view (current + next quarter, ranges), per audience, by version; republish. */
export function StakeholderViewPage() {
  const me = useMe();
  const say: Say = { at: useFormatInstant(), who: useActorText() };
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState('');
  const requested = params.get('audience');
  const audience: AudienceTab = isAudience(requested) ? requested : '';
  const version = versionFrom(params.get('version'));
  const views = useLoad(['roadmap', 'views'], (signal) => roadmapApi.views(signal));
  const view = useLoad(['roadmap', 'views', audience, version ?? 'latest'], (signal) =>
    roadmapApi.view(audience || undefined, version, signal),
  );
  const show = (next: { audience?: AudienceTab; version?: string }) => {
    const p = new URLSearchParams();
    const a = next.audience ?? audience;
    const v = next.version ?? (version === undefined ? '' : String(version));
    if (a) p.set('audience', a);
    if (v) p.set('version', v);
    setParams(p, { replace: true });
  };
  const versions = views.data?.items ?? [];
  const [held, setHeld] = useState<TBroadcastHeld | null>(null);
  const invalidate = useInvalidate();
  // After a publication or its undo the queries are invalidated; an old version shown moves to the latest.
  const toLatest = () => {
    if (version !== undefined) show({ version: '' });
  };
  return (
    <Page
      title="Stakeholder roadmap view"
      intro={
        <p>
          What Sales, Support, CS and Exec see: the ratified roadmap for the current and next quarter, as
          ranges. Product Ops republishes it within a day of each Roadmap Review.
        </p>
      }
    >
      <RoadmapTabs />
      <LiveStatus>{status}</LiveStatus>
      {held ? (
        <UndoBanner
          held={held}
          onUndone={(restored) => {
            setHeld(null);
            setStatus(`Undone. ${restored}`);
            void invalidate(...ROADMAP_CHANGES);
            toLatest();
          }}
          onDismiss={() => setHeld(null)}
        />
      ) : null}
      <div className="filters view-controls">
        <VersionPicker
          value={version}
          versions={versions}
          withDraft={inProductOrg(me.roles)}
          onChange={(v) => show({ version: v })}
          say={say}
        />
      </div>
      {canRepublish(me) ? (
        <RepublishForm
          onPublished={(h) => {
            setHeld(h);
            setStatus('Published a new version.');
            toLatest();
          }}
        />
      ) : null}
      {views.error ? <LoadError error={views.error} retry={views.reload} /> : null}
      <AudienceTabs value={audience} onChange={(a) => show({ audience: a })}>
        {notPublished(view.error) ? (
          <div className="notice">
            <p>
              Nothing published yet.
              {inProductOrg(me.roles)
                ? ' Choose the draft version to see what the first publication would hold.'
                : ' Product Ops publishes it after the next Roadmap Review.'}
            </p>
          </div>
        ) : view.error ? (
          <LoadError error={view.error} retry={view.reload} />
        ) : !view.data ? (
          <Loading what="the view" />
        ) : (
          <div aria-busy={view.loading}>
            <ViewMeta data={view.data} say={say} />
            <ExportLinks audience={audience} version={version} />
            <MarkdownBlock text={view.data.markdown} />
          </div>
        )}
      </AudienceTabs>
      <Versions versions={versions} say={say} />
    </Page>
  );
}
