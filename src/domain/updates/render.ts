import type { CrossCuttingRisk, ReleaseForHighlights, WeeklyHighlights } from './highlights.ts';
import type { WeeklyUpdate } from './template.ts';
import {
  HIGHLIGHT_LABELS,
  HIGHLIGHTS_HEADING,
  NOTHING_THIS_WEEK_LINE,
  UPDATE_SECTIONS,
  UPDATE_TITLE,
} from './template.ts';

export interface AreaUpdateInput {
  areaName: string;
  pmName: string;
  /** null: nothing was submitted this week. */
  update: WeeklyUpdate | null;
  /** Submitted after the due time (kept, and marked in the JSON). */
  late: boolean;
  /** The PM was marked absent for the week; only meaningful without an update. */
  absent: boolean;
  /** Why (e.g. "on leave"), as Product Ops wrote it; empty or absent when none was given. */
  absentReason?: string | null;
}

export interface RenderInput {
  /** The update's [Date], e.g. 2026-11-19 (the publication's local date). */
  dateLabel: string;
  highlights: WeeklyHighlights;
  areas: readonly AreaUpdateInput[];
}

export type LaunchJson = Pick<
  ReleaseForHighlights,
  'id' | 'title' | 'areaName' | 'tier' | 'targetDate' | 'status'
>;

export type AreaStatus = 'submitted' | 'missing' | 'absent';

export interface AreaJson {
  areaName: string;
  pmName: string;
  status: AreaStatus;
  late: boolean;
  /** The five bullets (or `nothingThisWeek`); null when missing or absent. */
  update: WeeklyUpdate | null;
  /** Why the PM is absent, when Product Ops said (versions before reasons were shown have none). */
  absentReason?: string | null;
}

/**
 * The structured artifact: stable field names that the page, email, Slack and feed renderers read, and
 * that a correction version is diffed against. Bump `format` when a field changes meaning.
 */
export interface WeeklyUpdateJson {
  format: 'prodops.weekly-update/1';
  title: string;
  date: string;
  highlights: {
    keyLaunches: LaunchJson[];
    upcomingLaunches: LaunchJson[];
    heldLaunches: LaunchJson[];
    crossCuttingRisks: CrossCuttingRisk[];
  };
  areas: AreaJson[];
}

export const NONE = 'None';
/** Areas without an update go under one heading at the end, not a section each (a wall of "missing"). */
export const NOT_REPORTING_HEADING = "Not in this week's update";

/** "Billing: no update this week (on leave)". */
export function absentLine(areaName: string, reason: string | null | undefined): string {
  const why = reason?.trim() ? ` (${reason.trim()})` : '';
  return `${areaName}: no update this week${why}`;
}

/** Every area still missing at publication, once, on one line: "No update received from Search (Bo Chen), Growth". */
export function missingLine(areas: readonly { areaName: string; pmName: string }[]): string {
  return `No update received from ${areas.map((a) => `${a.areaName} (${a.pmName})`).join(', ')}`;
}

/**
 * Plain-text fields (titles, names, the date) are not markdown: whitespace is collapsed so a newline cannot
 * open a new block, and markdown punctuation is backslash-escaped so "Team #2" or "<b>" read literally.
 */
export function plainText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A nested bullet holding a markdown item; continuation lines are indented to stay inside the item. */
function nested(item: string): string {
  const [first = '', ...rest] = item.split('\n');
  return [`  - ${first}`, ...rest.map((l) => (l.trim() === '' ? '' : `    ${l}`))].join('\n');
}

/** "- Label:" then its nested items, or "- Label: None", so a reader never wonders whether it was forgotten. */
function bullet(label: string, items: readonly string[]): string[] {
  return items.length === 0 ? [`- ${label}: ${NONE}`] : [`- ${label}:`, ...items.map(nested)];
}

const launchItem = (r: LaunchJson) =>
  `${plainText(r.areaName)}: ${plainText(r.title)} — Tier ${r.tier}, ${r.targetDate}${r.status === 'delay' ? ' (delayed to this date)' : ''}`;

const riskItem = (r: CrossCuttingRisk) => `${plainText(r.areaName)} (${plainText(r.pmName)}): ${r.text}`;

const launchJson = (r: ReleaseForHighlights): LaunchJson => ({
  id: r.id,
  title: r.title,
  areaName: r.areaName,
  tier: r.tier,
  targetDate: r.targetDate,
  status: r.status,
});

function areaJson(a: AreaUpdateInput): AreaJson {
  const status: AreaStatus = a.update ? 'submitted' : a.absent ? 'absent' : 'missing';
  const update = a.update
    ? ({
        ...Object.fromEntries(UPDATE_SECTIONS.map(({ key }) => [key, [...(a.update?.[key] ?? [])]])),
        ...(a.update.nothingThisWeek ? { nothingThisWeek: true } : {}),
      } as WeeklyUpdate)
    : null;
  return {
    areaName: a.areaName,
    pmName: a.pmName,
    status,
    late: a.update !== null && a.late,
    update,
    absentReason: status === 'absent' ? a.absentReason?.trim() || null : null,
  };
}

/** The highlights section: what the update says before any area. */
function highlightLines(json: WeeklyUpdateJson): string[] {
  const h = json.highlights;
  return [
    `## ${HIGHLIGHTS_HEADING}`,
    ...bullet(HIGHLIGHT_LABELS.keyLaunches, h.keyLaunches.map(launchItem)),
    ...bullet(HIGHLIGHT_LABELS.upcoming, h.upcomingLaunches.map(launchItem)),
    ...((h.heldLaunches ?? []).length ? bullet(HIGHLIGHT_LABELS.held, h.heldLaunches.map(launchItem)) : []),
    ...bullet(HIGHLIGHT_LABELS.risks, h.crossCuttingRisks.map(riskItem)),
  ];
}

/** An area's heading as plain words: "Billing — Maya Chen". */
const areaTitle = (area: AreaJson) => `${area.areaName} — ${area.pmName}`;

/** The body of an area that sent an update: its five bullets, or the "nothing to report" line. */
function areaBodyLines(update: WeeklyUpdate): string[] {
  if (update.nothingThisWeek) return [NOTHING_THIS_WEEK_LINE];
  return UPDATE_SECTIONS.flatMap(({ key, label }) => bullet(label, update[key]));
}

/** The markdown of a structured update: one function, so every channel's text comes from the same JSON. */
export function weeklyUpdateMarkdown(json: WeeklyUpdateJson): string {
  const lines = [`# ${UPDATE_TITLE} — ${plainText(json.date)}`, '', ...highlightLines(json)];
  for (const area of json.areas) {
    if (area.update === null) continue;
    lines.push('', `## ${plainText(areaTitle(area))}`, ...areaBodyLines(area.update));
  }
  const absent = json.areas.filter((a) => a.update === null && a.status === 'absent');
  const missing = json.areas.filter((a) => a.update === null && a.status !== 'absent');
  if (absent.length || missing.length) {
    lines.push('', `## ${NOT_REPORTING_HEADING}`);
    for (const a of absent) lines.push(`- ${plainText(absentLine(a.areaName, a.absentReason))}`);
    if (missing.length) {
      const names = missing.map((a) => ({ areaName: plainText(a.areaName), pmName: plainText(a.pmName) }));
      lines.push(`- ${missingLine(names)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The digest's heading over its one line per area. */
export const DIGEST_AREAS_HEADING = 'Areas';
/** How long an area's headline in the digest may be before it is cut at a word. */
export const HEADLINE_MAX = 140;

/**
 * An item's first line as a headline: links read as their labels (the reply keeps them), cut at a word with
 * "…" past `max` characters.
 */
export function headline(item: string, max = HEADLINE_MAX): string {
  const first = (item.split('\n').find((l) => l.trim()) ?? '').trim();
  const text = first.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One area in one line: its name and PM, then what it leads with (its first win, else the first item of its
 * next section that has one, labelled) and how many risks or asks it flags; or why there is no update.
 */
export function digestAreaLine(area: AreaJson): string {
  const who = `${plainText(area.areaName)} (${plainText(area.pmName)})`;
  const { update } = area;
  if (update === null) {
    if (area.status === 'absent') {
      const why = area.absentReason?.trim() ? ` (${plainText(area.absentReason)})` : '';
      return `- ${who}: no update this week${why}`;
    }
    return `- ${who}: no update received`;
  }
  if (update.nothingThisWeek) return `- ${who}: nothing to report this week`;
  const lead = UPDATE_SECTIONS.find(({ key }) => update[key].length > 0);
  if (!lead) return `- ${who}: update sent`;
  const items = update[lead.key];
  const first = headline(items[0]!);
  const more = items.length > 1 ? ` (+${items.length - 1} more)` : '';
  const risks = update.risks.length;
  const flagged =
    risks > 0 && lead.key !== 'risks' ? ` · ${count(risks, 'risk or ask', 'risks or asks')}` : '';
  return `- ${who}: ${lead.key === 'wins' ? '' : `${lead.label}: `}${first}${more}${flagged}`;
}

/** One area's own part, to read apart from the digest (a reply in a thread). */
export interface AreaPart {
  areaName: string;
  /** Plain words, e.g. "Billing — Maya Chen". */
  title: string;
  /** The area's bullets, as in the full update under its heading. */
  markdown: string;
}

/**
 * The update split for a channel where the long part can be read apart (a Slack thread): the digest is the
 * highlights and one line per area, every area listed (with "no update" and why when it sent none); each area
 * with bullets to read becomes a part of its own. An area with nothing to report has no part: its digest line
 * is all it says. Together they hold everything `weeklyUpdateMarkdown` does, bar the title (the message's).
 */
export function weeklyUpdateDigest(json: WeeklyUpdateJson): { markdown: string; areas: AreaPart[] } {
  const lines = [...highlightLines(json)];
  if (json.areas.length) lines.push('', `## ${DIGEST_AREAS_HEADING}`, ...json.areas.map(digestAreaLine));
  const areas = json.areas.flatMap((area) =>
    area.update === null || area.update.nothingThisWeek
      ? []
      : [
          {
            areaName: area.areaName,
            title: areaTitle(area).replace(/\s+/g, ' ').trim(),
            markdown: `${areaBodyLines(area.update).join('\n')}\n`,
          },
        ],
  );
  return { markdown: `${lines.join('\n')}\n`, areas };
}

/**
 * The published artifact (pack §4 template, headings exactly): highlights, then one section per area that
 * contributed, in the order given (an area with nothing to report says so). Areas without an update are never
 * dropped: the last section names each absent one with its reason and every missing one on a single line.
 * Lateness lives in the JSON only: the template has no place for it, and the status board shows it.
 */
export function renderWeeklyUpdate(input: RenderInput): { markdown: string; json: WeeklyUpdateJson } {
  const json: WeeklyUpdateJson = {
    format: 'prodops.weekly-update/1',
    title: `${UPDATE_TITLE} — ${input.dateLabel}`,
    date: input.dateLabel,
    highlights: {
      keyLaunches: input.highlights.keyLaunches.map(launchJson),
      upcomingLaunches: input.highlights.upcoming.map(launchJson),
      heldLaunches: input.highlights.held.map(launchJson),
      crossCuttingRisks: input.highlights.risks.map((r) => ({ ...r })),
    },
    areas: input.areas.map(areaJson),
  };
  return { markdown: weeklyUpdateMarkdown(json), json };
}
