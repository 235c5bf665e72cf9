import { INSIGHT_KINDS } from '../../shared/insights-taxonomy.ts';

/** A source's issue types / ticket types as kinds: a Zendesk "question" is confusion. */
export const KIND_HINTS: Record<string, string> = {
  question: 'confusion',
  problem: 'bug',
  incident: 'bug',
  bug: 'bug',
  feature: 'feature_request',
  feature_request: 'feature_request',
  'feature request': 'feature_request',
  'new feature': 'feature_request',
  enhancement: 'feature_request',
  improvement: 'feature_request',
  complaint: 'complaint',
  praise: 'praise',
  confusion: 'confusion',
};

/** A source's priorities as the pack's low / medium / high. */
export const SEVERITY_HINTS: Record<string, 'low' | 'medium' | 'high'> = {
  urgent: 'high',
  high: 'high',
  critical: 'high',
  blocker: 'high',
  normal: 'medium',
  medium: 'medium',
  low: 'low',
  minor: 'low',
};

interface Taxonomy {
  segments: readonly { key: string; label: string }[];
  evidenceTypes: readonly { key: string; label: string }[];
  severities: readonly { key: string; label: string }[];
}
type Hint = 'segment' | 'evidenceType' | 'severity' | 'kind';
export type IntakeHints = Partial<Record<Hint, string | null>>;

const norm = (s: string) => s.trim().toLowerCase();
const byKeyOrLabel = (list: Taxonomy['segments'], v: string) =>
  list.some((x) => x.key === norm(v) || norm(x.label) === norm(v));

/**
 * The hints an item names that the org's taxonomy (or the source words the tagger reads) does not know, with
 * the words it does: an API caller hears 400 rather than a default stored in their value's place
 * ("catastrophic" became "low"). Files keep their own vocabularies: importers map them.
 */
export function unknownHints(item: IntakeHints, t: Taxonomy): { hint: Hint; known: string[] }[] {
  const known: Record<Hint, { ok: (v: string) => boolean; words: string[] }> = {
    segment: { ok: (v) => byKeyOrLabel(t.segments, v), words: t.segments.map((x) => x.key) },
    evidenceType: { ok: (v) => byKeyOrLabel(t.evidenceTypes, v), words: t.evidenceTypes.map((x) => x.key) },
    severity: {
      ok: (v) => t.severities.some((x) => x.key === norm(v)) || norm(v) in SEVERITY_HINTS,
      words: [...new Set([...t.severities.map((x) => x.key), ...Object.keys(SEVERITY_HINTS)])],
    },
    kind: {
      ok: (v) => norm(v) in KIND_HINTS || (INSIGHT_KINDS as readonly string[]).includes(norm(v)),
      words: [...new Set([...INSIGHT_KINDS, ...Object.keys(KIND_HINTS)])],
    },
  };
  return (Object.keys(known) as Hint[]).flatMap((hint) => {
    const v = item[hint];
    return v && !known[hint].ok(v) ? [{ hint, known: known[hint].words }] : [];
  });
}
