import type { Db } from '../../db/client.ts';
import type { TReleasePatch, TReleaseView } from '../../shared/releases.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';

/** The tier and reason an update leaves; `stale`: the release now needs re-tiering. */
export interface NextTier {
  tier: number | null;
  tierReason: string | null;
  stale: boolean;
}

/**
 * A reason for a lower tier speaks for the attributes it was given with. Once they raise the suggestion above the
 * tier it no longer counts: a re-assignment below needs a new one, and an update that gives neither leaves the
 * release to be re-tiered (the gate's tier_review check fails until the PM does) rather than refusing the change.
 */
export function nextTier(before: TReleaseView, patch: TReleasePatch, suggested: number): NextTier {
  const tier = patch.tier === undefined ? before.tier : patch.tier;
  if (patch.tierReason !== undefined) return { tier, tierReason: patch.tierReason, stale: false };
  const rose = tier !== null && suggested > tier && suggested > (before.suggestedTier ?? 1);
  if (!rose) return { tier, tierReason: before.tierReason, stale: false };
  return { tier, tierReason: null, stale: patch.tier === undefined };
}

/** The tier history's note when a reason stops counting. */
export function staleNote(before: TReleaseView, after: TReleaseView): string {
  const old = before.tierReason?.trim();
  return `Needs re-tiering: ${after.tierReview ?? ''}${old ? ` The earlier reason no longer counts: "${old}"` : ''}`;
}

/** The release's PM (else its area's owner) hears it needs re-tiering: once per change, keyed by its tier event. */
export async function notifyRetier(tx: Db, release: TReleaseView, eventId: string): Promise<void> {
  const pmId = release.pmOwnerId ?? release.areaOwnerId;
  if (!pmId) return;
  await enqueueMessage(tx, {
    key: `release.retier:${eventId}`,
    kind: 'release.retier',
    ref: release.id,
    message: {
      title: `Re-tier ${release.title}: the attributes now suggest Tier ${release.suggestedTier}`,
      summary: release.tierReview ?? '',
      link: { label: 'Review the tier', url: `/releases/${release.id}` },
    },
    recipients: await recipientsForPeople(tx, [pmId]),
  });
}
