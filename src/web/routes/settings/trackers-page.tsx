import { inProductOrg } from '../../../shared/role-names.ts';
import { TRACKER_KINDS } from '../../../shared/trackers.ts';
import { Page } from '../../components/page.tsx';
import { useMe } from '../../lib/session.tsx';
import { SettingsTabs } from './settings-tabs.tsx';
import { TrackerSection } from './tracker-section.tsx';
import './settings.css';
import './trackers.css';

/**
 * Issue 18, Settings → Trackers: the org's GitHub, Jira Cloud and Linear connections. Product Ops sets them
 * (also possible through the API and the org file's `trackers:`), syncs and acknowledges differences; the rest
 * of the product org reads them. Stakeholders do not see trackers at all.
 */
export function TrackersPage() {
  const me = useMe();
  const show = inProductOrg(me.roles);
  return (
    <Page
      title="Trackers"
      intro={
        <p>
          Releases and roadmap items link to GitHub milestones, Jira epics or versions and Linear projects.
          Their progress and dates are pulled in every 15 minutes; where a tracker and prodops disagree it is
          flagged here and on the release or item, never written over.
        </p>
      }
    >
      <SettingsTabs />
      {show ? (
        TRACKER_KINDS.map((kind) => <TrackerSection key={kind} kind={kind} />)
      ) : (
        <p className="empty">Tracker connections are the product org’s: ask Product Ops about them.</p>
      )}
    </Page>
  );
}
