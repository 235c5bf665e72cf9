import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, taggerModels } from '../../db/schema/index.ts';
import { distinctiveWords, resolveAreaWords, wordsOfArea } from '../../domain/insights/area-words.ts';
import { KIND_HINTS } from '../../domain/insights/hints.ts';
import {
  compileKeywords,
  matchableWords,
  type Suggestion,
  suggestByKeywords,
  suggestSeverity,
} from '../../domain/insights/rules.ts';
import {
  builtinKindTagger,
  deserializeModel,
  deserializeTagger,
  type Tagger as KindTagger,
  type Model,
  predict,
} from '../../domain/insights/tagger/index.ts';
import type { IncomingItem } from '../../integrations/importers/index.ts';
import type { TSettings } from '../../shared/settings.ts';
import { getSettings } from '../org/settings.ts';

export const TAG_FIELDS = ['kind', 'theme', 'severity', 'area'] as const;
export type TagField = (typeof TAG_FIELDS)[number];

export interface Tags {
  kind: string;
  kindConfidence: number;
  theme: string | null;
  themeConfidence: number;
  severity: string;
  severityConfidence: number;
  areaId: string | null;
  areaConfidence: number;
  segment: string | null;
  evidenceType: string | null;
}

export interface Tagger {
  tag(
    item: Pick<IncomingItem, 'title' | 'body' | 'segment' | 'evidenceType' | 'severityHint' | 'kindHint'> & {
      tags?: readonly string[];
    },
  ): Tags;
}

/** A learnt model speaks only when it is at least this sure; otherwise the taxonomy's words decide. */
const MODEL_TRUST = 0.5;

/** Source systems' own types, where they say what an item is (Zendesk "question" is a how-to). */
const byKeyOrLabel = (list: readonly { key: string; label: string }[], value: string | null) => {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  return list.find((x) => x.key === v || x.label.toLowerCase() === v)?.key ?? null;
};

/**
 * Everything a tagger needs, as plain data: what a worker thread receives to tag a batch without the database.
 * Models stay serialized (JSON strings) until the tagger is built.
 */
export interface TaggerConfig {
  insights: TSettings['insights'];
  areas: { id: string; slug: string; name: string; description: string }[];
  models: Partial<Record<TagField, string>>;
  /** Words the org's area corrections taught, by area id. */
  learntAreaWords: Record<string, string[]>;
}

/** The most recent area corrections the learnt words come from (as the models: old labels fade out). */
const MAX_AREA_EXAMPLES = 5000;

/** The latest area each corrected item was moved to, with its text. */
async function areaCorrections(db: Db) {
  const result = await db.execute(sql`
    select * from (
      select distinct on (c.item_id) c.to_value as label, i.title, i.body, c.at
      from insight_corrections c join insight_items i on i.id = c.item_id
      where c.field = 'area' order by c.item_id, c.at desc
    ) latest where label is not null order by at desc limit ${MAX_AREA_EXAMPLES}`);
  const rows = (result as unknown as { rows: { label: string; title: string; body: string }[] }).rows;
  return rows.map((r) => ({ text: `${r.title}\n${r.body}`, label: r.label }));
}

export async function loadTaggerConfig(db: Db, settings?: TSettings): Promise<TaggerConfig> {
  const s = settings ?? (await getSettings(db));
  const rows = await db.select().from(areas).orderBy(asc(areas.name));
  const models: TaggerConfig['models'] = {};
  for (const r of await db.select().from(taggerModels))
    if ((TAG_FIELDS as readonly string[]).includes(r.field))
      models[r.field as TagField] = JSON.stringify(r.model);
  // Theme words say what a problem is, not where: a correction does not teach them to an area.
  const themeWords = new Set(s.insights.themes.flatMap((t) => t.keywords.map((k) => k.toLowerCase())));
  return {
    insights: s.insights,
    areas: rows.map((a) => ({ id: a.id, slug: a.slug, name: a.name, description: a.description })),
    models,
    learntAreaWords: distinctiveWords(await areaCorrections(db), themeWords),
  };
}

const fromModel = (model: Model | undefined, text: string): Suggestion | null => {
  if (!model) return null;
  const p = predict(model, text);
  return p.confidence >= MODEL_TRUST ? { key: p.label, confidence: round(p.confidence) } : null;
};

const round = (x: number) => Math.round(x * 1000) / 1000;
const modelOf = (json: string | undefined) => (json ? deserializeModel(json) : undefined);

/**
 * The org's tagger: the built-in kind model (or the org's, once corrections trained one), the taxonomy's words
 * for theme, and for area its name, the words listed in settings or else those of its description, and the
 * words its corrections taught; the priority and words for severity — each overruled by a
 * model the org's corrections trained when that model is sure. Built once per import and reused per item.
 */
export function makeTagger(config: TaggerConfig): Tagger {
  const { insights } = config;
  const kinds: KindTagger = config.models.kind ? deserializeTagger(config.models.kind) : builtinKindTagger();
  const models = {
    theme: modelOf(config.models.theme),
    severity: modelOf(config.models.severity),
    area: modelOf(config.models.area),
  };
  const themes = compileKeywords(insights.themes);
  const areaSets = compileKeywords(
    resolveAreaWords(
      config.areas.map((a) => {
        const listed = insights.areaKeywords[a.slug] ?? [];
        // Words listed in settings are the org's choice for that area: they replace the guessed ones.
        return {
          id: a.id,
          explicit: [a.name, ...listed],
          learnt: config.learntAreaWords[a.id] ?? [],
          guessed: listed.length ? [] : wordsOfArea(a.name, a.description),
        };
      }),
    ),
  );
  const severities = insights.severities.map((x) => x.key);
  return {
    tag(item) {
      const text = `${item.title}\n${item.body}`;
      const words = matchableWords(text);
      const kind = kindOf(kinds.predict(text), item.kindHint);
      // A tracker's label or component that names a theme or an area is the source saying so.
      const labelled = labelledAs(item.tags ?? [], insights.themes, config.areas);
      const theme = labelled.theme ?? fromModel(models.theme, text) ?? suggestByKeywords(words, themes);
      const severity =
        fromModel(models.severity, text) ?? suggestSeverity(words, item.severityHint, severities);
      const area = labelled.area ?? fromModel(models.area, text) ?? suggestByKeywords(words, areaSets);
      return {
        kind: kind.key ?? 'other',
        kindConfidence: kind.confidence,
        theme: theme.key,
        themeConfidence: theme.confidence,
        severity: severity.key ?? severities[0]!,
        severityConfidence: severity.confidence,
        areaId: area.key,
        areaConfidence: area.confidence,
        segment: byKeyOrLabel(insights.segments, item.segment),
        evidenceType: byKeyOrLabel(insights.evidenceTypes, item.evidenceType) ?? 'quote',
      };
    },
  };
}

const sameWords = (a: string, b: string) =>
  a
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ') === b;

/** The theme and area a label names by key, label, slug or name (case and separators aside). */
function labelledAs(
  tags: readonly string[],
  themes: readonly { key: string; label: string }[],
  areas: readonly { id: string; slug: string; name: string }[],
): { theme?: Suggestion; area?: Suggestion } {
  const wanted = tags.map((t) =>
    t
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' '),
  );
  const theme = themes.find((x) => wanted.some((w) => sameWords(x.key, w) || sameWords(x.label, w)));
  const area = areas.find((x) => wanted.some((w) => sameWords(x.slug, w) || sameWords(x.name, w)));
  return {
    ...(theme ? { theme: { key: theme.key, confidence: 1 } } : {}),
    ...(area ? { area: { key: area.id, confidence: 1 } } : {}),
  };
}

export async function loadTagger(db: Db, settings?: TSettings): Promise<Tagger> {
  return makeTagger(await loadTaggerConfig(db, settings));
}

/**
 * The source's own type wins over an unsure model: a Zendesk "question" is a question. It also wins over
 * `other`, which the model gives text that says nothing (an issue key alone): a typed item is not "none of them".
 */
function kindOf(p: { label: string; confidence: number }, hint: string | null): Suggestion {
  const hinted = hint ? KIND_HINTS[hint.trim().toLowerCase()] : undefined;
  if (hinted && (p.confidence < 0.6 || p.label === hinted || p.label === 'other'))
    return { key: hinted, confidence: Math.max(0.6, round(p.confidence)) };
  return { key: p.label, confidence: round(p.confidence) };
}
