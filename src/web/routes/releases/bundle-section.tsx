import { useState } from 'react';
import { BUNDLE_SECTIONS, type BundleSectionKey } from '../../../domain/releases/bundle.ts';
import type { TBroadcastHeld } from '../../../shared/broadcasts.ts';
import type { TBundle, TReleaseDetail } from '../../../shared/release-detail.ts';
import { releasesApi } from '../../api-releases.ts';
import { ConfirmBroadcast } from '../../components/confirm-broadcast.tsx';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { MarkdownBlock } from '../../components/markdown-block.tsx';
import { LiveStatus } from '../../components/page.tsx';
import { UndoBanner } from '../../components/undo-banner.tsx';
import { useSubmit } from '../../lib/forms.ts';
import { RELEASE_CHANGES } from '../../lib/query-keys.ts';
import { timeIn } from '../../lib/release-flow.ts';
import { useInvalidate, useWrite } from '../../lib/use-write.ts';
import { Fold } from './release-fold.tsx';

type Texts = Record<BundleSectionKey, string>;
const textsOf = (b: TBundle): Texts =>
  Object.fromEntries(BUNDLE_SECTIONS.map((s) => [s.key, b.sections[s.key] ?? ''])) as Texts;

/**
 * Distributing the draft and publishing the final bundle notify Support and Sales: each shows its preview (the
 * message, who gets it, what is missing) before it goes, and can be undone while its messages are held.
 */
function SendBundle({ releaseId }: { releaseId: string }) {
  const write = useWrite(RELEASE_CHANGES);
  const invalidate = useInvalidate();
  const [held, setHeld] = useState<TBroadcastHeld | null>(null);
  const [status, setStatus] = useState('');
  const done = (text: string) => (h: TBroadcastHeld | null) => {
    setHeld(h);
    setStatus(text);
  };
  return (
    <>
      <div className="button-row">
        <ConfirmBroadcast
          label="Distribute to Support & Sales…"
          confirmLabel="Distribute"
          pendingText="Distributing…"
          // The flow bar holds the page's one primary action (the next step).
          primary={false}
          preview={() => releasesApi.bundlePreview(releaseId, 'distribute')}
          run={async () => (await write(() => releasesApi.distribute(releaseId))).undo}
          onDone={done('Distributed to Support and Sales.')}
        />
        <ConfirmBroadcast
          label="Publish final bundle…"
          confirmLabel="Publish the final bundle"
          pendingText="Publishing…"
          primary={false}
          preview={() => releasesApi.bundlePreview(releaseId, 'publish')}
          run={async () => (await write(() => releasesApi.publish(releaseId))).undo}
          onDone={done('Final bundle published.')}
        />
      </div>
      <LiveStatus>{status}</LiveStatus>
      {held ? (
        <UndoBanner
          held={held}
          onUndone={(restored) => {
            setHeld(null);
            setStatus(`Undone. ${restored}`);
            void invalidate(...RELEASE_CHANGES);
          }}
          onDismiss={() => setHeld(null)}
        />
      ) : null}
    </>
  );
}

/** One textarea per template section; saving sends all nine (an emptied one is cleared). */
function BundleEditor({ releaseId, bundle }: { releaseId: string; bundle: TBundle }) {
  const write = useWrite(RELEASE_CHANGES);
  const submit = useSubmit();
  const [texts, setTexts] = useState(() => textsOf(bundle));
  const [note, setNote] = useState('');
  return (
    <Form
      id="bundle"
      label="Enablement bundle draft"
      submit={submit}
      onSubmit={async () => {
        await write(() => releasesApi.saveBundle(releaseId, texts));
        setNote('Saved.');
      }}
    >
      {BUNDLE_SECTIONS.map((s) => (
        <TextField
          key={s.key}
          path={`sections.${s.key}`}
          label={s.heading}
          multiline
          placeholder={s.hint}
          value={texts[s.key]}
          onChange={(text) => {
            setNote('');
            setTexts((t) => ({ ...t, [s.key]: text }));
          }}
        />
      ))}
      <FormActions submit={submit} label="Save bundle" note={note} />
    </Form>
  );
}

function Checklist({ bundle, tier }: { bundle: TBundle; tier: number | null }) {
  return (
    <ul className="checklist" aria-label="Bundle checklist">
      {bundle.checklist.map((c) => (
        <li key={c.key} className={c.done ? 'check ok' : 'check'}>
          <span aria-hidden="true">{c.done ? '✓' : '○'}</span>{' '}
          <span className="visually-hidden">{c.done ? 'Written: ' : 'Not written yet: '}</span>
          {c.heading}{' '}
          <span className="muted">{c.required ? `(required for Tier ${tier})` : '(optional)'}</span>
        </li>
      ))}
    </ul>
  );
}

function Versions({ bundle, timeZone }: { bundle: TBundle; timeZone: string }) {
  if (!bundle.versions.length) return <p className="muted">Not distributed or published yet.</p>;
  return (
    <ol className="plain versions" aria-label="Bundle versions">
      {bundle.versions.map((v) => (
        <li key={v.version}>
          Version {v.version}: {v.stage === 'distribution' ? 'distributed for readiness' : 'final, published'}{' '}
          <span className="muted">
            {timeIn(v.publishedAt, timeZone)} by {v.publishedBy}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Pack §4 Launch Enablement Bundle: the draft, its completeness for the tier, distribution and publication. */
export function BundleSection({
  detail,
  timeZone,
  line,
}: {
  detail: TReleaseDetail;
  timeZone: string;
  line: string;
}) {
  const r = detail.release;
  const { bundle } = detail;
  const needsBundle = detail.leadTime !== null && detail.leadTime.distributeBy !== null;
  return (
    <Fold id="bundle" title="Enablement bundle" line={line}>
      {!needsBundle ? (
        <p className="muted">
          {r.tier === null
            ? 'Assign a tier first: it decides whether a bundle is needed and which sections.'
            : 'This tier needs no enablement bundle.'}
        </p>
      ) : (
        <>
          <Checklist bundle={bundle} tier={r.tier} />
          {detail.permissions.update ? (
            // Folded once published: the final version is out, edits are corrections.
            <details className="bundle-editor" open={!bundle.publishedOn}>
              <summary>Edit the bundle draft</summary>
              <BundleEditor key={r.id} releaseId={r.id} bundle={bundle} />
            </details>
          ) : null}
          {detail.permissions.enablement ? <SendBundle releaseId={r.id} /> : null}
          <h3>Versions</h3>
          <Versions bundle={bundle} timeZone={timeZone} />
          <details className="inline-disclosure bundle-preview">
            <summary>Preview the bundle (as saved)</summary>
            <MarkdownBlock text={bundle.markdown} />
          </details>
        </>
      )}
    </Fold>
  );
}
