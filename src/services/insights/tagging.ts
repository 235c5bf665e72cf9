import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, taggerModels } from '../../db/schema/index.ts';
import {
  compileKeywords,
  type KeywordSet,
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

interface OrgModels {
  kind?: KindTagger;
  theme?: Model;
  severity?: Model;
  area?: Model;
}

/** The models the org's corrections trained (rows hold the serialized JSON; see learning.ts). */
async function orgModels(db: Db): Promise<OrgModels> {
  const out: OrgModels = {};
  for (const r of await db.select().from(taggerModels)) {
    const json = JSON.stringify(r.model);
    if (r.field === 'kind') out.kind = deserializeTagger(json);
    else if (r.field === 'theme' || r.field === 'severity' || r.field === 'area')
      out[r.field] = deserializeModel(json);
  }
  return out;
}

/** Area words: the org's keywords per area slug, plus each area's own name. */
async function areaKeywords(db: Db, settings: TSettings): Promise<KeywordSet[]> {
  const rows = await db.select().from(areas).orderBy(asc(areas.name));
  return compileKeywords(
    rows.map((a) => ({ key: a.id, keywords: [a.name, ...(settings.insights.areaKeywords[a.slug] ?? [])] })),
  );
}

const fromModel = (model: Model | undefined, text: string): Suggestion | null => {
  if (!model) return null;
  const p = predict(model, text);
  return p.confidence >= MODEL_TRUST ? { key: p.label, confidence: round(p.confidence) } : null;
};

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The org's tagger: the built-in kind model (or the org's, once corrections trained one), the taxonomy's words
 * for theme and area, the priority and words for severity — each overruled by a model the org's corrections
 * trained when that model is sure. Built once per import: tagging a million items reuses it.
 */
export async function loadTagger(db: Db, settings?: TSettings): Promise<Tagger> {
  const s = settings ?? (await getSettings(db));
  const models = await orgModels(db);
  const kinds = models.kind ?? builtinKindTagger();
  const themes = compileKeywords(s.insights.themes);
  const areaSets = await areaKeywords(db, s);
  const severities = s.insights.severities.map((x) => x.key);
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
        segment: byKeyOrLabel(s.insights.segments, item.segment),
        evidenceType: byKeyOrLabel(s.insights.evidenceTypes, item.evidenceType) ?? 'quote',
      };
    },
  };
}

/** The source's own type wins over an unsure model: a Zendesk "question" is a question. */
function kindOf(p: { label: string; confidence: number }, hint: string | null): Suggestion {
  const hinted = hint ? KIND_HINTS[hint.trim().toLowerCase()] : undefined;
  if (hinted && (p.confidence < 0.6 || p.label === hinted))
    return { key: hinted, confidence: Math.max(0.6, round(p.confidence)) };
  return { key: p.label, confidence: round(p.confidence) };
}
