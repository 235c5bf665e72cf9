import { useNavigate } from 'react-router';
import type { TBroadcastHeld } from '../../../shared/broadcasts.ts';
import { insightsApi } from '../../api-insights.ts';
import { ConfirmBroadcast } from '../../components/confirm-broadcast.tsx';
import { formatMonth } from '../../lib/org-time.ts';
import { DIGEST_CHANGES } from '../../lib/query-keys.ts';
import { useWrite } from '../../lib/use-write.ts';

/** What the digest page gets after a publication: the undo banner while its messages wait. */
export interface DigestPublished {
  held: TBroadcastHeld | null;
}

/**
 * Product Ops publishes (or republishes, as a new version) a month's digest after its preview (issue 17), then
 * reads it, with Undo while the messages wait.
 */
export function PublishDigestButton({ month, again = false }: { month: string; again?: boolean }) {
  const navigate = useNavigate();
  const label = formatMonth(`${month}-01`);
  const write = useWrite(DIGEST_CHANGES);
  return (
    <ConfirmBroadcast
      key={month}
      label={`${again ? 'Republish' : 'Publish'} digest for ${label}`}
      confirmLabel={again ? 'Republish the digest' : 'Publish the digest'}
      pendingText="Publishing…"
      preview={() => insightsApi.publishDigestPreview(month)}
      // The publication invalidates the digests: the digest page reads the new version.
      run={async () => (await write(() => insightsApi.publishDigest(month))).undo}
      onDone={(held) => navigate(`/insights/digests/${month}`, { state: { held } satisfies DigestPublished })}
    />
  );
}
