import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, taggerModels } from '../../db/schema/index.ts';
import {
  compileKeywords,
  matchable,
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
    item: Pick<IncomingItem, 'title' | 'body' | 'segment' | 'evidenceType' | 'severityHint' | 'kindHint'>,
  ): Tags;
}

/** A learnt model speaks only when it is at least this sure; otherwise the taxonomy's words decide. */
const MODEL_TRUST = 0.5;

/** Source systems' own types, where they say what an item is (Zendesk "question" is a how-to). */
const KIND_HINTS: Record<string, string> = {
  question: 'confusion',
  problem: 'bug',
  incident: 'bug',
  bug: 'bug',
  feature: 'feature_request',
  feature_request: 'feature_request',
  complaint: 'complaint',
  praise: 'praise',
  confusion: 'confusion',
};

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
  areas: { id: string; slug: string; name: string }[];
  models: Partial<Record<TagField, string>>;
}

export async function loadTaggerConfig(db: Db, settings?: TSettings): Promise<TaggerConfig> {
  const s = settings ?? (await getSettings(db));
  const rows = await db.select().from(areas).orderBy(asc(areas.name));
  const models: TaggerConfig['models'] = {};
  for (const r of await db.select().from(taggerModels))
    if ((TAG_FIELDS as readonly string[]).includes(r.field))
      models[r.field as TagField] = JSON.stringify(r.model);
  return {
    insights: s.insights,
    areas: rows.map((a) => ({ id: a.id, slug: a.slug, name: a.name })),
    models,
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
 * for theme and area (an area's own name counts), the priority and words for severity — each overruled by a
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
    config.areas.map((a) => ({ key: a.id, keywords: [a.name, ...(insights.areaKeywords[a.slug] ?? [])] })),
  );
  const severities = insights.severities.map((x) => x.key);
  return {
    tag(item) {
      const text = `${item.title}\n${item.body}`;
      const words = matchable(text);
      const kind = kindOf(kinds.predict(text), item.kindHint);
      const theme = fromModel(models.theme, text) ?? suggestByKeywords(words, themes);
      const severity =
        fromModel(models.severity, text) ?? suggestSeverity(words, item.severityHint, severities);
      const area = fromModel(models.area, text) ?? suggestByKeywords(words, areaSets);
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

export async function loadTagger(db: Db, settings?: TSettings): Promise<Tagger> {
  return makeTagger(await loadTaggerConfig(db, settings));
}

/** The source's own type wins over an unsure model: a Zendesk "question" is a question. */
function kindOf(p: { label: string; confidence: number }, hint: string | null): Suggestion {
  const hinted = hint ? KIND_HINTS[hint.trim().toLowerCase()] : undefined;
  if (hinted && (p.confidence < 0.6 || p.label === hinted))
    return { key: hinted, confidence: Math.max(0.6, round(p.confidence)) };
  return { key: p.label, confidence: round(p.confidence) };
}
