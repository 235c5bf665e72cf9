import type { TArea } from '../../../shared/org.ts';
import type { TSettings } from '../../../shared/settings.ts';
import { ApiError, type FieldProblem } from '../../api-client.ts';
import { NumberField, TextField } from '../../components/fields.tsx';
import { InvalidInput } from '../../lib/forms.ts';
import {
  fromLabelledRows,
  fromThemeRows,
  joinWords,
  LabelledFields,
  type LabelledRow,
  splitWords,
  ThemeFields,
  type ThemeRow,
  toLabelledRows,
  toThemeRows,
} from './insights-rows.tsx';

type Insights = TSettings['insights'];
type ListKey = 'segments' | 'severities' | 'evidenceTypes' | 'sources';

export type InsightsValues = Omit<Insights, 'themes' | ListKey | 'areaKeywords'> & {
  themes: ThemeRow[];
  segments: LabelledRow[];
  severities: LabelledRow[];
  evidenceTypes: LabelledRow[];
  sources: LabelledRow[];
  /** Comma-separated keywords by area slug. */
  areaKeywords: Record<string, string>;
  /** Slugs the saved settings already had: kept even when emptied, so an unchanged save is a no-op. */
  savedAreas: string[];
};

export const toInsightsValues = (i: Insights): InsightsValues => ({
  ...i,
  themes: toThemeRows(i.themes),
  segments: toLabelledRows(i.segments),
  severities: toLabelledRows(i.severities),
  evidenceTypes: toLabelledRows(i.evidenceTypes),
  sources: toLabelledRows(i.sources),
  areaKeywords: Object.fromEntries(Object.entries(i.areaKeywords).map(([slug, ws]) => [slug, joinWords(ws)])),
  savedAreas: Object.keys(i.areaKeywords),
});

export const fromInsightsValues = ({ savedAreas, ...v }: InsightsValues): Insights => ({
  ...v,
  themes: fromThemeRows(v.themes),
  segments: fromLabelledRows(v.segments),
  severities: fromLabelledRows(v.severities),
  evidenceTypes: fromLabelledRows(v.evidenceTypes),
  sources: fromLabelledRows(v.sources),
  areaKeywords: Object.fromEntries(
    Object.entries(v.areaKeywords)
      .map(([slug, text]) => [slug, splitWords(text)] as const)
      .filter(([slug, words]) => words.length > 0 || savedAreas.includes(slug)),
  ),
});

/** A problem with one keyword ("insights.themes.2.keywords.3") belongs to the box that holds them all. */
const keywordBox = (p: FieldProblem): FieldProblem => ({
  ...p,
  path: p.path.replace(/^(insights\.(?:themes\.\d+\.keywords|areaKeywords\.[^.]+))\.\d+$/, '$1'),
});
export function withKeywordPaths(err: unknown): unknown {
  if (err instanceof InvalidInput) return new InvalidInput(err.fields.map(keywordBox));
  if (err instanceof ApiError) {
    return new ApiError({
      status: err.status,
      code: err.code,
      message: err.message,
      fields: err.fields.map(keywordBox),
    });
  }
  return err;
}

/** The insights taxonomy (pack §5): themes and their words, the lists items are tagged with, area words. */
export function InsightsFields({
  value: v,
  areas,
  onChange,
}: {
  value: InsightsValues;
  areas: readonly Pick<TArea, 'slug' | 'name'>[];
  onChange: (v: InsightsValues) => void;
}) {
  const set =
    <K extends keyof InsightsValues>(key: K) =>
    (value: InsightsValues[K]) =>
      onChange({ ...v, [key]: value });
  const known = new Set(areas.map((a) => a.slug));
  const areaRows = [
    ...areas.map((a) => ({ slug: a.slug, name: a.name })),
    ...Object.keys(v.areaKeywords)
      .filter((slug) => !known.has(slug))
      .map((slug) => ({ slug, name: `${slug} (no such area)` })),
  ];
  return (
    <fieldset className="section">
      <legend>Insights taxonomy</legend>
      <ThemeFields rows={v.themes} onChange={set('themes')} />
      <LabelledFields
        path="insights.segments"
        legend="Segments"
        noun="segment"
        hint="The customer segments an insight can come from."
        rows={v.segments}
        onChange={set('segments')}
      />
      <LabelledFields
        path="insights.severities"
        legend="Severities"
        noun="severity"
        hint="Ordered from least to most severe: the first row is the least severe, the last the most. Two to six."
        rows={v.severities}
        onChange={set('severities')}
      />
      <LabelledFields
        path="insights.evidenceTypes"
        legend="Evidence types"
        noun="evidence type"
        hint="What kind of evidence an insight is: a ticket, a call note, a survey answer…"
        rows={v.evidenceTypes}
        onChange={set('evidenceTypes')}
      />
      <LabelledFields
        path="insights.sources"
        legend="Sources"
        noun="source"
        hint="Where insights come in from. At least one."
        rows={v.sources}
        onChange={set('sources')}
      />
      <fieldset className="rows-editor">
        <legend>Area keywords</legend>
        <p className="field-hint">
          Comma-separated words that suggest an area (and so its PM) for an incoming item.
        </p>
        {areaRows.length === 0 ? <p className="muted">No areas yet.</p> : null}
        <div className="form-grid">
          {areaRows.map((a) => (
            <TextField
              key={a.slug}
              path={`insights.areaKeywords.${a.slug}`}
              label={`Keywords for ${a.name}`}
              placeholder="keyword, another keyword"
              value={v.areaKeywords[a.slug] ?? ''}
              onChange={(text) => set('areaKeywords')({ ...v.areaKeywords, [a.slug]: text })}
            />
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <NumberField
          path="insights.triageThemes"
          label="Themes routed in the weekly triage"
          value={v.triageThemes}
          min={1}
          max={20}
          onChange={set('triageThemes')}
        />
        <NumberField
          path="insights.digestThemes"
          label="Themes shown in the monthly digest"
          value={v.digestThemes}
          min={1}
          max={20}
          onChange={set('digestThemes')}
        />
      </div>
    </fieldset>
  );
}
