import { inProductOrg } from '../../../shared/role-names.ts';
import { SubNav } from '../../components/sub-nav.tsx';
import { useMe } from '../../lib/session.tsx';

/** The settings pages' own navigation: tracker connections are the product org's, so only it sees the tab. */
export function SettingsTabs() {
  const me = useMe();
  if (!inProductOrg(me.roles)) return null;
  return (
    <SubNav
      label="Settings pages"
      tabs={[
        { to: '/settings', label: 'Org configuration', end: true },
        { to: '/settings/trackers', label: 'Trackers', end: false },
      ]}
    />
  );
}
