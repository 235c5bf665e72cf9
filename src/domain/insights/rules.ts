import { SEVERITY_HINTS } from './hints.ts';

/**
 * The taxonomy's words as a tagger: a theme, severity or area is suggested by the words that name it (settings),
 * with a confidence that grows with the evidence. Corrections train a model that outranks these rules (see
 * services/insights/tagging.ts); the rules are what a new org starts with.
 */
export interface KeywordSet {
  key: string;
  keywords: readonly string[];
}

export interface Suggestion {
  key: string | null;
  confidence: number;
}

/** Lower-cased text with single spaces between words: the form keywords are matched against. */
export function matchable(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}'+#]+/gu, ' ')} `;
}

function hits(text: string, keywords: readonly string[]): number {
  let n = 0;
  for (const k of keywords) if (text.includes(` ${k} `)) n += 1;
  return n;
}

/** Compiles the keywords once: matching a million items must not re-normalise them per item. */
export function compileKeywords(sets: readonly KeywordSet[]): KeywordSet[] {
  return sets.map((s) => ({
    key: s.key,
    keywords: [...new Set(s.keywords.map((k) => matchable(k).trim()).filter(Boolean))],
  }));
}

/**
 * The set with the most keyword hits wins; confidence is its share of all hits, damped when there are few
 * (one hit is a hint, not proof). No hit → no suggestion.
 */
export function suggestByKeywords(text: string, sets: readonly KeywordSet[]): Suggestion {
  let best: Suggestion = { key: null, confidence: 0 };
  let bestHits = 0;
  let total = 0;
  for (const s of sets) {
    const n = hits(text, s.keywords);
    total += n;
    if (n > bestHits) {
      bestHits = n;
      best = { key: s.key, confidence: 0 };
    }
  }
  if (!bestHits) return best;
  const share = bestHits / total;
  const support = 1 - 0.5 ** bestHits;
  return { key: best.key, confidence: round(share * support) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Words that say how bad it is (pack §5: high = blocking/churning, medium = a workaround exists). */
const SEVERITY_CUES: KeywordSet[] = compileKeywords([
  {
    key: 'high',
    keywords: [
      'cancel',
      'cancelling',
      'churn',
      'switching to',
      'blocked',
      'blocking',
      'cannot use',
      "can't use",
      'urgent',
      'asap',
      'outage',
      'down',
      'data loss',
      'lost data',
      'unacceptable',
      'refund',
      'critical',
      'production',
      'all users',
      'nobody can',
    ],
  },
  {
    key: 'medium',
    keywords: [
      'workaround',
      'work around',
      'annoying',
      'frustrating',
      'slow',
      'sometimes',
      'intermittent',
      'for now',
    ],
  },
]);

/**
 * Severity from the source's own priority when it has one (a Zendesk "urgent"), else from the words; no cue
 * at all is "low" (nice-to-have). Keys are the pack's low/medium/high, mapped onto the org's ordered severities.
 */
export function suggestSeverity(
  text: string,
  hint: string | null,
  severities: readonly string[],
): Suggestion {
  const onScale = (level: 'low' | 'medium' | 'high') => {
    if (severities.includes(level)) return level;
    const i = { low: 0, medium: Math.floor((severities.length - 1) / 2), high: severities.length - 1 }[level];
    return severities[i] ?? null;
  };
  const fromHint = hint ? SEVERITY_HINTS[hint.trim().toLowerCase()] : undefined;
  if (hint && severities.includes(hint.trim().toLowerCase()))
    return { key: hint.trim().toLowerCase(), confidence: 0.95 };
  if (fromHint) return { key: onScale(fromHint as 'low' | 'medium' | 'high'), confidence: 0.9 };
  const cue = suggestByKeywords(text, SEVERITY_CUES);
  if (cue.key)
    return { key: onScale(cue.key as 'medium' | 'high'), confidence: Math.max(0.5, cue.confidence) };
  return { key: onScale('low'), confidence: 0.4 };
}
