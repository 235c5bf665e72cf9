import type { Db } from '../../db/client.ts';
import type { TBroadcastPreview } from '../../shared/broadcasts.ts';
import type { Actor } from '../actor.ts';
import { dryRun, heldPreview, type SendingConfig } from '../broadcasts/preview.ts';
import { releaseBundle } from './bundle.ts';
import { ZBundleReleaseUndo } from './bundle-undo.ts';

/**
 * Distributing or publishing a bundle, previewed: the action runs in a transaction that is rolled back and the
 * messages it queued are read, so the preview is what the button sends (Support and Sales get their own
 * "I'm ready" links; the first message is shown, the counts cover all).
 */
export async function previewBundleRelease(o: {
  db: Db;
  actor: Actor;
  releaseId: string;
  stage: 'distribution' | 'publication';
  now: Date;
  undoSeconds: number;
  config: SendingConfig;
}): Promise<TBroadcastPreview> {
  const { held, missing } = await dryRun(o.db, async (tx) => {
    const out = await releaseBundle({ ...o, db: tx, hold: { seconds: o.undoSeconds } });
    const held = await heldPreview(tx, out.hold!.id, o.config);
    return { held, missing: out.missing };
  });
  const recipe = ZBundleReleaseUndo.parse(held.recipe);
  const warnings = [
    ...(missing.length ? [`Sections still missing: ${missing.join(', ')}. The message says so.`] : []),
    ...(held.recipients.total === 0 ? ['Nobody will receive it: nobody hears about this release.'] : []),
    ...held.warnings,
  ];
  return {
    action:
      o.stage === 'distribution'
        ? `Distribute the bundle to Support & Sales (version ${recipe.version})`
        : `Publish the final bundle (version ${recipe.version})`,
    message: held.message,
    recipients: held.recipients,
    warnings,
    note: null,
    undoSeconds: o.undoSeconds,
  };
}
