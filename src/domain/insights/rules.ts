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

/** Lower-cased text with single spaces between words: the form keywords are written in. */
export function matchable(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}'+#]+/gu, ' ')} `;
}

const WORD_CHAR = /[\p{L}\p{N}'+#]/u;
/** 1 for a BMP code unit that is part of a word as matchable() sees it; surrogates are looked at in pairs. */
const IN_WORD = Uint8Array.from({ length: 65536 }, (_, c) =>
  c < 0xd800 || c > 0xdfff ? (WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0) : 2,
);

/**
 * The words of matchable(text), without building it: one pass over a character table instead of a Unicode
 * regex (a bulk import splits a million tickets).
 */
export function matchableWords(text: string): string[] {
  const s = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    let inWord = i < s.length ? IN_WORD[s.charCodeAt(i)]! : 0;
    let width = 1;
    if (inWord === 2) {
      // A surrogate pair is one code point, a word character when it is a letter or digit; a lone half is not.
      const cp = s.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      inWord = WORD_CHAR.test(String.fromCodePoint(cp)) ? 1 : 0;
    }
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      words.push(s.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  return words;
}

/**
 * Keyword sets compiled for matching: each keyword as its words, filed under its first word, so a text's
 * words are looked up once each instead of searching the text for every keyword (` k ` in text ⇔ k's words
 * are consecutive words of the text).
 */
export interface CompiledKeywords {
  keys: string[];
  byFirstWord: Map<string, { rest: string[]; set: number; id: number }[]>;
  /** Distinct (set, keyword) pairs. */
  size: number;
}

/** Compiles the keywords once: matching a million items must not re-normalise them per item. */
export function compileKeywords(sets: readonly KeywordSet[]): CompiledKeywords {
  const byFirstWord: CompiledKeywords['byFirstWord'] = new Map();
  let size = 0;
  sets.forEach((s, set) => {
    const keywords = new Set(s.keywords.map((k) => matchable(k).trim()).filter(Boolean));
    for (const k of keywords) {
      const [first, ...rest] = k.split(' ');
      const list = byFirstWord.get(first!) ?? [];
      list.push({ rest, set, id: size++ });
      byFirstWord.set(first!, list);
    }
  });
  return { keys: sets.map((s) => s.key), byFirstWord, size };
}

/** Whether `rest` follows position `at` of `words`. */
function follows(words: readonly string[], at: number, rest: readonly string[]): boolean {
  for (let j = 0; j < rest.length; j++) if (words[at + j] !== rest[j]) return false;
  return true;
}

/** Per set, how many of its distinct keywords occur in `words`. */
function hits(words: readonly string[], compiled: CompiledKeywords): Int32Array {
  const perSet = new Int32Array(compiled.keys.length);
  const seen = new Uint8Array(compiled.size);
  for (let i = 0; i < words.length; i++) {
    const candidates = compiled.byFirstWord.get(words[i]!);
    if (!candidates) continue;
    for (const k of candidates) {
      if (seen[k.id] || !follows(words, i + 1, k.rest)) continue;
      seen[k.id] = 1;
      perSet[k.set]!++;
    }
  }
  return perSet;
}

/**
 * The set with the most keyword hits wins; confidence is its share of all hits, damped when there are few
 * (one hit is a hint, not proof). No hit → no suggestion. `words` are matchableWords(text).
 */
export function suggestByKeywords(words: readonly string[], compiled: CompiledKeywords): Suggestion {
  const perSet = hits(words, compiled);
  let best = -1;
  let bestHits = 0;
  let total = 0;
  perSet.forEach((n, set) => {
    total += n;
    if (n > bestHits) {
      bestHits = n;
      best = set;
    }
  });
  if (!bestHits) return { key: null, confidence: 0 };
  const share = bestHits / total;
  const support = 1 - 0.5 ** bestHits;
  return { key: compiled.keys[best]!, confidence: round(share * support) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Words that say how bad it is (pack §5: high = blocking/churning, medium = a workaround exists). */
const SEVERITY_CUES = compileKeywords([
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
  words: readonly string[],
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
  const cue = suggestByKeywords(words, SEVERITY_CUES);
  if (cue.key)
    return { key: onScale(cue.key as 'medium' | 'high'), confidence: Math.max(0.5, cue.confidence) };
  return { key: onScale('low'), confidence: 0.4 };
}
