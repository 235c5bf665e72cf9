/**
 * The words that place an item in a product area when the org has not listed any: the area's own name and
 * description ("Invoices, payments, tax" → invoice, invoices, payment, payments, tax, taxes), and the words
 * people taught it by moving items there. Explicit words (settings) beat learnt ones, learnt beat guessed.
 */

/** Words that say nothing about where a problem is (English glue and support-ticket filler). */
const STOP_WORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both
  but by can cannot could did do does doing done down during each even every few for from get gets getting got
  had has have having he her here hers him his how i if in into is it its just keep keeps let like make makes
  many may me more most much must my no nor not now of off on once one only or other our ours out over own
  please same she should so some still such than that the their them then there these they this those through
  to too under until up upon us very via was we were what when where which while who whom why will with
  without would yes yet you your yours able across already always another anyone anything around ask asked
  back best better come day days done else ever everything first going good great help hi hello issue issues
  last lot know new next nothing problem problems really right see seems since something thanks thank today
  tried try trying use used user users using want wanted way week weeks work works working year area areas
  product products team teams customer customers feature features thing things everyone time times again
  account accounts app page pages`
    .split(/\s+/)
    .filter(Boolean),
);

/** An acronym as written (SSO, SCIM, PDF, 2FA): short but meaningful, kept whatever its length. */
const isAcronym = (raw: string) => /^[A-Z0-9]{2,6}$/.test(raw) && /[A-Z]/.test(raw);

/** The singular and plural of a word: a ticket says "invoice" where the description said "invoices". */
export function wordForms(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length < 3) return [w];
  if (w.endsWith('ies')) return [w, `${w.slice(0, -3)}y`];
  if (/(ss|us|is)$/.test(w)) return [w];
  if (/(xes|ches|shes|sses)$/.test(w)) return [w, w.slice(0, -2)];
  if (w.endsWith('s')) return [w, w.slice(0, -1)];
  if (w.endsWith('y') && !/[aeiou]y$/.test(w)) return [w, `${w.slice(0, -1)}ies`];
  if (/(x|ch|sh)$/.test(w)) return [w, `${w}es`];
  return [w, `${w}s`];
}

/** The meaningful words of a text, as written (letters and digits; "&", commas and the like split them). */
function rawWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}'+#]+/u).filter(Boolean);
}

/** A word worth matching on: not glue, long enough to mean something, or an acronym. */
export function meaningful(raw: string): boolean {
  const w = raw.toLowerCase().replace(/'s$/, '');
  if (STOP_WORDS.has(w)) return false;
  if (isAcronym(raw)) return true;
  return w.length >= 3 && !/^\d+$/.test(w);
}

/** An area's guessed words: its name and description split into meaningful words, each with its other form. */
export function wordsOfArea(name: string, description: string): string[] {
  const out = new Set<string>();
  for (const raw of rawWords(`${name} ${description}`)) {
    if (!meaningful(raw)) continue;
    for (const f of wordForms(raw.replace(/'s$/i, ''))) out.add(f);
  }
  return [...out];
}

/**
 * Words the org's corrections teach: for each area, the meaningful words of the items people moved there that
 * appear in more of its items than in any other area's (a word two areas share tells them apart from neither).
 * `ignore` holds words that say what a problem is, not where (the themes' words).
 */
export function distinctiveWords(
  examples: readonly { text: string; label: string }[],
  ignore: ReadonlySet<string> = new Set(),
): Record<string, string[]> {
  const df = new Map<string, Map<string, number>>();
  for (const e of examples) {
    const seen = new Set(
      rawWords(e.text)
        .filter(meaningful)
        .map((w) => w.toLowerCase())
        .filter((w) => !ignore.has(w)),
    );
    for (const w of seen) {
      const byLabel = df.get(w) ?? new Map<string, number>();
      byLabel.set(e.label, (byLabel.get(e.label) ?? 0) + 1);
      df.set(w, byLabel);
    }
  }
  const out: Record<string, string[]> = {};
  for (const [w, byLabel] of df) {
    const ranked = [...byLabel].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    if (!top || (second && second[1] === top[1])) continue;
    out[top[0]] = [...(out[top[0]] ?? []), w];
  }
  return out;
}

export interface AreaWordSources {
  id: string;
  /** Words listed in settings: they win. */
  explicit: readonly string[];
  /** Words taught by corrections. */
  learnt: readonly string[];
  /** Words from the area's name and description. */
  guessed: readonly string[];
}

/**
 * Each area's words, where a word claimed at a stronger level (explicit > learnt > guessed) by any area is no
 * longer matched at a weaker one: "invoice" listed for Finance in settings stops counting for Billing.
 */
export function resolveAreaWords(areas: readonly AreaWordSources[]): { key: string; keywords: string[] }[] {
  const levels = ['explicit', 'learnt', 'guessed'] as const;
  const owner = new Map<string, number>();
  for (const a of areas)
    levels.forEach((level, rank) => {
      for (const w of a[level]) {
        const k = w.trim().toLowerCase();
        if (k && (owner.get(k) ?? 99) > rank) owner.set(k, rank);
      }
    });
  return areas.map((a) => ({
    key: a.id,
    keywords: [
      ...new Set(
        levels.flatMap((level, rank) =>
          a[level].map((w) => w.trim().toLowerCase()).filter((w) => w && owner.get(w) === rank),
        ),
      ),
    ],
  }));
}
