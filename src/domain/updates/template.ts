/**
 * The Weekly Product Update template (pack §4) as data: every heading and bullet label the parsers read and
 * the renderer writes comes from here, so the published artifact cannot drift from what PMs are asked for.
 */

export const UPDATE_TITLE = 'Weekly Product Update';
export const HIGHLIGHTS_HEADING = 'Org-wide highlights (Product Ops)';

/** The cross-cutting section Product Ops adds (pack §3: "dependencies, upcoming launches"). */
export const HIGHLIGHT_LABELS = {
  keyLaunches: 'Key launches this week',
  upcoming: 'Upcoming launches (next 2 weeks)',
  /** Only when there are some: the template has no such line, and "None" here would be noise. */
  held: 'On hold (not launching until a new go decision)',
  risks: 'Cross-cutting risks/dependencies',
} as const;

/** The five bullets each PM submits, in template order; `key` is the YAML key and the JSON field name. */
export const UPDATE_SECTIONS = [
  { key: 'wins', label: 'Wins / shipped' },
  { key: 'next', label: "What's next" },
  { key: 'risks', label: 'Risks / asks' },
  { key: 'metrics', label: 'Metrics snapshot' },
  { key: 'links', label: 'Links (PRDs/specs/notes)' },
] as const;

export type UpdateSectionKey = (typeof UPDATE_SECTIONS)[number]['key'];

/**
 * One PM's submission: each bullet is a list of markdown strings (possibly empty), or no bullets and
 * `nothingThisWeek` set on purpose: the PM contributed, and readers see "Nothing to report this week".
 */
export type WeeklyUpdate = Record<UpdateSectionKey, string[]> & { nothingThisWeek?: boolean };

/** What the published update says for an area whose PM had nothing to report. */
export const NOTHING_THIS_WEEK_LINE = 'Nothing to report this week.';

/** How a PM writes it in an update file: a line of its own in markdown, a key in YAML. */
const NOTHING_PHRASES = new Set(['nothing this week', 'nothing to report this week', 'nothing to report']);
export const NOTHING_THIS_WEEK_KEYS = ['nothing_this_week', 'nothingThisWeek'] as const;

export function isNothingThisWeek(text: string): boolean {
  return NOTHING_PHRASES.has(
    text
      .toLowerCase()
      .replace(/[*_.!:]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

export const UPDATE_SECTION_KEYS: readonly UpdateSectionKey[] = UPDATE_SECTIONS.map((s) => s.key);

/** Bounds that keep one submission readable in Slack and email; the template asks for a handful of bullets. */
export const UPDATE_LIMITS = { itemsPerSection: 20, itemLength: 2000 } as const;

export interface UpdateProblem {
  /** Dot path like `wins.2`; the section key, or '' when the problem is not inside a section. */
  path: string;
  /** 1-based line in the submitted file, when known. */
  line?: number;
  message: string;
}

export type ParseUpdateResult = { ok: true; update: WeeklyUpdate } | { ok: false; problems: UpdateProblem[] };

/**
 * "None", "N/A", "-" … written as the only content of an item. PMs write these to say "nothing this week";
 * kept as items they would publish as a risk named "None" and open a follow-up for it.
 */
const NONE_MARKERS = new Set(['none', 'n/a', 'na', 'nothing', '-', '—', '–', 'null', '~']);

export function isNoneMarker(text: string): boolean {
  return NONE_MARKERS.has(
    text
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, ''),
  );
}

export const emptyUpdate = (): WeeklyUpdate => ({ wins: [], next: [], risks: [], metrics: [], links: [] });

/**
 * Checks the assembled update: item count and length per section, and at least one item overall — an
 * empty submission would mark the PM as "contributed" while telling stakeholders nothing.
 */
export function updateProblems(
  update: WeeklyUpdate,
  lineOf?: (path: string) => number | undefined,
): UpdateProblem[] {
  const problems: UpdateProblem[] = [];
  const at = (path: string) => {
    const line = lineOf?.(path);
    return line === undefined ? { path } : { path, line };
  };
  for (const { key, label } of UPDATE_SECTIONS) {
    const items = update[key];
    if (items.length > UPDATE_LIMITS.itemsPerSection) {
      problems.push({
        ...at(key),
        message: `${label} has ${items.length} items; keep it to at most ${UPDATE_LIMITS.itemsPerSection}`,
      });
    }
    items.forEach((item, i) => {
      if (item.length > UPDATE_LIMITS.itemLength) {
        problems.push({
          ...at(`${key}.${i}`),
          message: `is ${item.length} characters long; keep an item under ${UPDATE_LIMITS.itemLength}`,
        });
      }
    });
  }
  const empty = UPDATE_SECTION_KEYS.every((k) => update[k].length === 0);
  if (update.nothingThisWeek && !empty) {
    problems.push({
      path: 'nothingThisWeek',
      message:
        '"nothing this week" cannot come with bullets: remove the bullets or the "nothing this week" line',
    });
  }
  if (empty && !update.nothingThisWeek) {
    problems.push({
      path: '',
      message: `the update is empty: give at least one item under ${UPDATE_SECTIONS.map((s) => s.label).join(', ')}, or say "Nothing this week" on purpose (YAML: nothing_this_week: true; markdown: a line "Nothing this week")`,
    });
  }
  return problems;
}

/** Shared tail of both parsers: the limits and the "not empty" rule above. */
export function checkedUpdate(
  update: WeeklyUpdate,
  lineOf: (path: string) => number | undefined,
): ParseUpdateResult {
  const problems = updateProblems(update, lineOf);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, update };
}
