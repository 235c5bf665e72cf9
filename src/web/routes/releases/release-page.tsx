import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TReleaseDetail } from '../../../shared/release-detail.ts';
import type { TSettings } from '../../../shared/settings.ts';
import { api } from '../../api-client.ts';
import { releasesApi } from '../../api-releases.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { TrackerPanel } from '../../components/tracker-panel.tsx';
import { nextStepOf, type ReleaseSection, sectionLines } from '../../lib/release-flow.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { LinkedRoadmap } from '../roadmap/linked-roadmap.tsx';
import { BundleSection } from './bundle-section.tsx';
import { DecisionSection } from './decision-section.tsx';
import { GateSection } from './gate-section.tsx';
import { LeadTimeSection } from './lead-time-section.tsx';
import { LinkItemForm } from './link-item-form.tsx';
import { BurdenBanner, PolishBanner } from './polish-banner.tsx';
import { PostLaunchSection } from './post-launch-section.tsx';
import { ReadinessSection, requiredSignOffs } from './readiness-section.tsx';
import { ReleaseFlowBar } from './release-flow-bar.tsx';
import { FoldsContext } from './release-fold.tsx';
import { ReleaseHeader } from './release-header.tsx';
import { TierSection } from './tier-section.tsx';
import './releases.css';

/**
 * Which sections are open: the one the next step points at opens (and stays open once the step moves on, so
 * work in progress does not fold away); the reader opens and closes the rest.
 */
function useFolds(target: ReleaseSection | null) {
  const [opened, setOpened] = useState<ReadonlySet<ReleaseSection>>(() => new Set(target ? [target] : []));
  useEffect(() => {
    if (target) setOpened((s) => (s.has(target) ? s : new Set([...s, target])));
  }, [target]);
  const toggle = useCallback(
    (id: ReleaseSection) =>
      setOpened((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const reveal = useCallback((id: ReleaseSection) => {
    setOpened((s) => (s.has(id) ? s : new Set([...s, id])));
    // After the section has rendered open: bring it into view and put focus on its heading's button.
    requestAnimationFrame(() => {
      const el = document.getElementById(`section-${id}`);
      el?.scrollIntoView({ block: 'start' });
      el?.querySelector<HTMLElement>('.fold-toggle, h2')?.focus({ preventScroll: true });
    });
  }, []);
  const folds = useMemo(() => ({ isOpen: (id: ReleaseSection) => opened.has(id), toggle }), [opened, toggle]);
  return { folds, reveal };
}

/** C5: one release from tier to launch: bundle, readiness, go/no-go, the gate, post-launch capture. */
export function ReleasePage() {
  const { id = '' } = useParams();
  const data = useLoad(['releases', id], async (signal) => {
    const [detail, { settings }] = await Promise.all([
      releasesApi.detail(id, signal),
      api.settings.get(signal),
    ]);
    return { detail, settings };
  });
  const back = <Link to="/releases">← All releases</Link>;
  if (!data.data) {
    return (
      <Page title="Release" intro={back}>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="the release" />}
      </Page>
    );
  }
  return <ReleaseView key={id} {...data.data} loading={data.loading} back={back} />;
}

function ReleaseView({
  detail,
  settings,
  loading,
  back,
}: {
  detail: TReleaseDetail;
  settings: TSettings;
  loading: boolean;
  back: ReactNode;
}) {
  const me = useMe();
  const tz = settings.timeZone;
  const required = requiredSignOffs(settings, detail.release.tier);
  const step = nextStepOf(detail, required);
  const lines = sectionLines(detail, required);
  const { folds, reveal } = useFolds(step.target === 'overview' ? null : step.target);
  const r = detail.release;
  return (
    <Page title={r.title} intro={back}>
      <div aria-busy={loading}>
        <ReleaseFlowBar step={step} detail={detail} reveal={reveal} />
        <PolishBanner detail={detail} me={me} />
        <BurdenBanner detail={detail} />
        <ReleaseHeader detail={detail} launchIsNext={step.kind === 'launch'} />
        <FoldsContext.Provider value={folds}>
          <TierSection detail={detail} timeZone={tz} line={lines.tier} />
          <LeadTimeSection
            leadTime={detail.leadTime}
            launched={r.status === 'launched' || r.status === 'rolled_back'}
            line={lines['lead-time']}
          />
          <BundleSection detail={detail} timeZone={tz} line={lines.bundle} />
          <ReadinessSection detail={detail} settings={settings} line={lines.readiness} />
          <DecisionSection detail={detail} timeZone={tz} line={lines.decision} />
          <GateSection detail={detail} timeZone={tz} line={lines.gate} />
          <PostLaunchSection detail={detail} timeZone={tz} line={lines['post-launch']} />
        </FoldsContext.Provider>
        <TrackerPanel type="release" id={r.id} canEdit={detail.permissions.update} />
        <LinkedRoadmap link={{ releaseId: r.id }}>
          <LinkItemForm detail={detail} />
        </LinkedRoadmap>
      </div>
    </Page>
  );
}
