import { useNavigate } from 'react-router';
import type { TBroadcastHeld } from '../../../shared/broadcasts.ts';
import { insightsApi } from '../../api-insights.ts';
import { ConfirmBroadcast } from '../../components/confirm-broadcast.tsx';
import { now } from '../../lib/clock.ts';
import { formatMonth } from '../../lib/org-time.ts';

/** What the digest page gets after a publication: reload, and the undo banner while its messages wait. */
export interface DigestPublished {
  published: number;
  held: TBroadcastHeld | null;
}

/**
 * Product Ops publishes (or republishes, as a new version) a month's digest after its preview (issue 17), then
 * reads it, with Undo while the messages wait.
 */
export function PublishDigestButton({ month, again = false }: { month: string; again?: boolean }) {
  const navigate = useNavigate();
  const label = formatMonth(`${month}-01`);
  return (
    <ConfirmBroadcast
      key={month}
      label={`${again ? 'Republish' : 'Publish'} digest for ${label}`}
      confirmLabel={again ? 'Republish the digest' : 'Publish the digest'}
      pendingText="Publishing…"
      preview={() => insightsApi.publishDigestPreview(month)}
      run={async () => (await insightsApi.publishDigest(month)).undo}
      // The digest page loads the new version; navigating to it again reloads it there too.
      onDone={(held) =>
        navigate(`/insights/digests/${month}`, {
          state: { published: now(), held } satisfies DigestPublished,
        })
      }
    />
  );
}
