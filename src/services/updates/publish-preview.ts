import type { Db } from '../../db/client.ts';
import type { TBroadcastPreview } from '../../shared/broadcasts.ts';
import type { Actor } from '../actor.ts';
import { dryRun, heldPreview, type SendingConfig } from '../broadcasts/preview.ts';
import { publishWeeklyUpdate } from './publish.ts';
import { publishCheck } from './publish-check.ts';

/** Stands in for a correction's note the publisher has not written yet, so the preview can still render. */
export const NOTE_PLACEHOLDER = '(your note: what this correction changes)';

const areaText = (a: { areaName: string; pmName: string | null }) => `${a.areaName} (${a.pmName ?? 'no PM'})`;

/**
 * Publishing the week, previewed: the publication runs in a transaction that is rolled back and the outbox rows
 * it wrote are read, so the message and its recipients are exactly what Publish would send now. A correction's
 * missing note is shown as a placeholder; an unchanged correction is the same 409 as publishing it.
 */
export async function previewPublish(o: {
  db: Db;
  actor: Actor;
  week: string;
  now: Date;
  note?: string;
  undoSeconds: number;
  config: SendingConfig;
}): Promise<TBroadcastPreview> {
  const check = await publishCheck(o.db, o.week, o.now);
  const note = check.correction ? o.note?.trim() || NOTE_PLACEHOLDER : undefined;
  const held = await dryRun(o.db, async (tx) => {
    const published = await publishWeeklyUpdate({
      db: tx,
      actor: o.actor,
      week: o.week,
      now: o.now,
      ...(note ? { note } : {}),
      hold: { seconds: o.undoSeconds },
    });
    return heldPreview(tx, published.hold!.id, o.config);
  });
  const { missing, absent } = check;
  const warnings = [
    ...(missing.length
      ? [
          `${missing.length === 1 ? '1 area is' : `${missing.length} areas are`} missing: ${missing.map(areaText).join(', ')}. The update names them once; mark a PM absent to say why instead.`,
        ]
      : []),
    ...(absent.length
      ? [`Absent: ${absent.map((a) => `${a.areaName}${a.reason ? ` (${a.reason})` : ''}`).join(', ')}.`]
      : []),
    ...(held.recipients.total === 0
      ? ['Nobody will receive it: no person or channel hears about the weekly update.']
      : []),
    ...held.warnings,
  ];
  return {
    action: check.correction
      ? `Publish correction ${check.nextVersion} of the weekly update for ${o.week}`
      : `Publish the weekly update for ${o.week}`,
    message: held.message,
    recipients: held.recipients,
    warnings,
    note: check.correction
      ? { path: 'note', label: 'What this correction changes (readers see it)', required: true }
      : null,
    undoSeconds: o.undoSeconds,
  };
}
