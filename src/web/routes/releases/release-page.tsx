import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api-client.ts';
import { releasesApi } from '../../api-releases.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
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
import { ReadinessSection } from './readiness-section.tsx';
import { ReleaseHeader } from './release-header.tsx';
import { TierSection } from './tier-section.tsx';

/** C5: one release from tier to launch: bundle, readiness, go/no-go, the gate, post-launch capture. */
export function ReleasePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const [links, setLinks] = useState(0);
  const data = useLoad(`release:${id}`, async (signal) => {
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
  const { detail, settings } = data.data;
  const tz = settings.timeZone;
  const reload = data.reload;
  return (
    <Page title={detail.release.title} intro={back}>
      <div aria-busy={data.loading}>
        <PolishBanner detail={detail} me={me} />
        <BurdenBanner detail={detail} />
        <ReleaseHeader detail={detail} onChanged={reload} />
        <TierSection detail={detail} timeZone={tz} />
        <LeadTimeSection
          leadTime={detail.leadTime}
          launched={detail.release.status === 'launched' || detail.release.status === 'rolled_back'}
        />
        <BundleSection detail={detail} timeZone={tz} onChanged={reload} />
        <ReadinessSection detail={detail} settings={settings} onChanged={reload} />
        <DecisionSection detail={detail} timeZone={tz} onChanged={reload} />
        <GateSection detail={detail} timeZone={tz} onChanged={reload} />
        <PostLaunchSection detail={detail} timeZone={tz} onChanged={reload} />
        <LinkedRoadmap link={{ releaseId: id }} refresh={links}>
          <LinkItemForm
            detail={detail}
            onLinked={() => {
              setLinks((n) => n + 1);
              reload();
            }}
          />
        </LinkedRoadmap>
      </div>
    </Page>
  );
}
