import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { taggerModels } from '../../db/schema/index.ts';
import {
  builtinKindTagger,
  learnFromCorrections,
  serializeModel,
  serializeTagger,
  trainClassifier,
} from '../../domain/insights/tagger/index.ts';
import { type ActionHandler, scheduleAction } from '../scheduling.ts';
import { TAG_FIELDS, type TagField } from './tagging.ts';

/** Corrections arrive in bursts (keyboard triage): one retrain per minute of them, shortly after. */
const DEBOUNCE_MS = 60_000;
/** A field's own model needs this many corrected items over at least two labels to say anything useful. */
const MIN_EXAMPLES = 6;
/** The most recent corrections a model learns from: an org's taxonomy drifts; old labels fade out. */
const MAX_EXAMPLES = 5000;

export async function scheduleRetrain(tx: Db, now: Date): Promise<void> {
  const bucket = Math.floor(now.getTime() / DEBOUNCE_MS);
  await scheduleAction(tx, {
    kind: 'insights.retrain',
    key: `insights.retrain:${bucket}`,
    dueAt: new Date((bucket + 1) * DEBOUNCE_MS + 5_000),
    latePolicy: 'run_late',
    payload: {},
  });
}

/** The latest correction of each item for a field, with the item's text: the org's labelled examples. */
async function examplesFor(db: Db, field: TagField) {
  const rows = (
    (await db.execute(sql`
      select * from (
        select distinct on (c.item_id) c.to_value as label, i.title, i.body, c.at
        from insight_corrections c join insight_items i on i.id = c.item_id
        where c.field = ${field} order by c.item_id, c.at desc
      ) latest where label is not null order by at desc limit ${MAX_EXAMPLES}`)) as unknown as {
      rows: { label: string; title: string; body: string }[];
    }
  ).rows;
  return rows.map((r) => ({ text: `${r.title}\n${r.body}`, label: r.label }));
}

/**
 * Retrains the org's taggers from its corrections: the kind model is the built-in one plus the corrections
 * (weighted above its seed corpus); theme, severity and area get a model of their own once there is enough.
 */
export async function retrainTaggers(db: Db, now: Date): Promise<Record<TagField, number>> {
  const counts = {} as Record<TagField, number>;
  for (const field of TAG_FIELDS) {
    const examples = await examplesFor(db, field);
    counts[field] = examples.length;
    const labels = new Set(examples.map((e) => e.label));
    const serialized =
      field === 'kind'
        ? examples.length
          ? serializeTagger(learnFromCorrections(builtinKindTagger(), examples))
          : null
        : examples.length >= MIN_EXAMPLES && labels.size >= 2
          ? serializeModel(trainClassifier(examples))
          : null;
    if (!serialized) {
      await db.delete(taggerModels).where(eq(taggerModels.field, field));
      continue;
    }
    const value = JSON.parse(serialized) as unknown;
    await db
      .insert(taggerModels)
      .values({ field, model: value, examples: examples.length })
      .onConflictDoUpdate({
        target: taggerModels.field,
        set: { model: value, examples: examples.length, trainedAt: now },
      });
  }
  return counts;
}

export const retrainHandler: ActionHandler<'insights.retrain'> = async ({ tx, now }) => {
  await retrainTaggers(tx, now);
};
