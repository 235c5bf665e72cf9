import type { Db } from '../../db/client.ts';
import type { TBroadcastPreview } from '../../shared/broadcasts.ts';
import type { Actor } from '../actor.ts';
import { dryRun, heldPreview, type SendingConfig } from '../broadcasts/preview.ts';
import { publishView } from './publish.ts';
import { ZViewPublishUndo } from './publish-undo.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Republishing the stakeholder view, previewed: the publication runs in a transaction that is rolled back and
 * the messages it queued are read (subscribers hear only of moves beyond their tolerance, so messages differ;
 * the first is shown, the counts cover all).
 */
export async function previewViewPublish(o: {
  db: Db;
  actor: Actor;
  note?: string;
  now: Date;
  undoSeconds: number;
  config: SendingConfig;
}): Promise<TBroadcastPreview> {
  const { held, changes } = await dryRun(o.db, async (tx) => {
    const row = await publishView({
      db: tx,
      actor: o.actor,
      now: o.now,
      ...(o.note?.trim() ? { note: o.note.trim() } : {}),
      hold: { seconds: o.undoSeconds },
    });
    return { held: await heldPreview(tx, row.hold!.id, o.config), changes: row.changes };
  });
  const recipe = ZViewPublishUndo.parse(held.recipe);
  const moved = changes.length - (o.note?.trim() ? 1 : 0);
  const warnings = [
    `Stakeholders read version ${recipe.version} from now on${moved ? ` (${plural(moved, 'change')} since the last version)` : ' (nothing moved since the last version)'}.`,
    ...(recipe.reviews.length
      ? [`${plural(recipe.reviews.length, 'closed review')} waiting for it will count as republished.`]
      : []),
    ...(held.recipients.total === 0
      ? ['Nobody is messaged: no subscriber hears of a move this small (or nothing moved).']
      : []),
    ...held.warnings,
  ];
  return {
    action: `Republish the stakeholder roadmap view (version ${recipe.version})`,
    message: held.message,
    recipients: held.recipients,
    warnings,
    note: { path: 'note', label: 'Note on this version (optional, shown with its changes)', required: false },
    undoSeconds: o.undoSeconds,
  };
}
