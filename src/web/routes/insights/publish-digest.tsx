import { useNavigate } from 'react-router';
import { insightsApi } from '../../api-insights.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { now } from '../../lib/clock.ts';
import { formatMonth } from '../../lib/org-time.ts';

/** Product Ops publishes (or republishes, as a new version) a month's digest, then reads it. */
export function PublishDigestButton({ month, again = false }: { month: string; again?: boolean }) {
  const navigate = useNavigate();
  return (
    <ActionButton
      primary
      pendingText="Publishing…"
      run={async () => {
        await insightsApi.publishDigest(month);
        // The digest page loads the new version; navigating to it again reloads it there too.
        navigate(`/insights/digests/${month}`, { state: { published: now() } });
      }}
    >
      {again ? 'Republish' : 'Publish'} digest for {formatMonth(`${month}-01`)}
    </ActionButton>
  );
}
