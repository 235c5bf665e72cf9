import type { Db } from '../../db/client.ts';
import type { TBroadcastPreview } from '../../shared/broadcasts.ts';
import type { Actor } from '../actor.ts';
import { dryRun, heldPreview, type SendingConfig } from '../broadcasts/preview.ts';
import { ZOutcomeUndo } from './outcome-undo.ts';
import { recordOutcome } from './review-actions.ts';

/** Stands in for a rejection's reason not written yet, so the PM's message can be shown. */
export const REASON_PLACEHOLDER = '(your reason)';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Ratifying or rejecting an item's changes, previewed: the outcome is recorded in a transaction that is rolled
 * back and what it queued is read (the PM's message for a rejection, the Slack threads that follow the item).
 */
export async function previewOutcome(o: {
  db: Db;
  actor: Actor;
  occurrenceId: string;
  input: { itemId: string; outcome: 'ratified' | 'rejected'; note?: string };
  now: Date;
  undoSeconds: number;
  config: SendingConfig;
}): Promise<TBroadcastPreview> {
  const rejected = o.input.outcome === 'rejected';
  const note = o.input.note?.trim() || (rejected ? REASON_PLACEHOLDER : undefined);
  const held = await dryRun(o.db, async (tx) => {
    const done = await recordOutcome({
      db: tx,
      actor: o.actor,
      occurrenceId: o.occurrenceId,
      input: { itemId: o.input.itemId, outcome: o.input.outcome, ...(note ? { note } : {}) },
      now: o.now,
      hold: { seconds: o.undoSeconds },
    });
    return heldPreview(tx, done.hold!.id, o.config);
  });
  const recipe = ZOutcomeUndo.parse(held.recipe);
  const title = recipe.stateBefore.title;
  const effect = rejected
    ? recipe.ratifiedBefore === null
      ? `${title} is dropped: stakeholders never saw it.`
      : `${title} goes back to what stakeholders saw; its PM and whoever made the changes are told why.`
    : `Stakeholders read this version of ${title} from now on (the roadmap, status answers); the stakeholder view shows it once republished.`;
  const threads = recipe.shareKeys.length;
  return {
    action: `${rejected ? 'Reject' : 'Ratify'} the changes to ${title}`,
    message: held.message,
    recipients: held.recipients,
    warnings: [
      effect,
      ...(held.recipients.total === 0 ? ['Nobody is messaged directly.'] : []),
      ...(threads ? [`${plural(threads, 'Slack thread')} where it was shared will hear the new state.`] : []),
      ...held.warnings,
    ],
    note: {
      path: 'note',
      label: rejected
        ? 'Why the changes are rejected (the PM reads it)'
        : 'Note on the ratification (optional)',
      required: rejected,
    },
    undoSeconds: o.undoSeconds,
  };
}
