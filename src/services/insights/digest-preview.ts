import type { Db } from '../../db/client.ts';
import type { TBroadcastPreview } from '../../shared/broadcasts.ts';
import type { Actor } from '../actor.ts';
import { findArtifactVersion } from '../artifacts.ts';
import { dryRun, heldPreview, type SendingConfig } from '../broadcasts/preview.ts';
import { INSIGHTS_DIGEST, publishDigest } from './digest.ts';

/**
 * Publishing a month's digest, previewed: the publication runs in a transaction that is rolled back and the
 * outbox rows it wrote are read, so the message and its recipients are what Publish would send now.
 */
export async function previewDigestPublish(o: {
  db: Db;
  actor: Actor;
  month: string;
  now: Date;
  undoSeconds: number;
  config: SendingConfig;
}): Promise<TBroadcastPreview> {
  const previous = await findArtifactVersion(o.db, INSIGHTS_DIGEST, o.month);
  const { held, themes } = await dryRun(o.db, async (tx) => {
    const published = await publishDigest({
      db: tx,
      actor: o.actor,
      month: o.month,
      now: o.now,
      hold: { seconds: o.undoSeconds },
    });
    return { held: await heldPreview(tx, published.hold!.id, o.config), themes: published.themes.length };
  });
  const warnings = [
    ...(previous
      ? [
          `Version ${previous.version} was published already: this sends version ${previous.version + 1} to everyone again.`,
        ]
      : []),
    ...(themes === 0 ? [`No themes in ${o.month}: the digest will be empty.`] : []),
    ...(held.recipients.total === 0
      ? ['Nobody will receive it: no person or channel hears about the insights digest.']
      : []),
    ...held.warnings,
  ];
  return {
    action: `${previous ? 'Republish' : 'Publish'} the Monthly Insights Digest for ${o.month}`,
    message: held.message,
    recipients: held.recipients,
    warnings,
    note: null,
    undoSeconds: o.undoSeconds,
  };
}
