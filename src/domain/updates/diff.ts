import type { AreaJson, LaunchJson, WeeklyUpdateJson } from './render.ts';
import { UPDATE_SECTIONS } from './template.ts';

/**
 * "What changed" for a correction version, one human line per change, for the page, email and Slack
 * ("Billing — Wins / shipped: added …"). Items are compared as multisets: an edit shows as "changed"
 * when a section lost one item and gained one, otherwise as removals then additions.
 */

const MAX_QUOTE = 100;

/** One line of user text: whitespace collapsed, long items cut, so a change line stays a line. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE ? `${flat.slice(0, MAX_QUOTE - 1)}…` : flat;
}

/** Items of `a` missing from `b`, counting duplicates. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

function itemChanges(prefix: string, before: readonly string[], after: readonly string[]): string[] {
  const removed = minus(before, after);
  const added = minus(after, before);
  const [old] = removed;
  const [now] = added;
  if (removed.length === 1 && added.length === 1 && old !== undefined && now !== undefined) {
    return [`${prefix}: changed ${quote(old)} → ${quote(now)}`];
  }
  return [
    ...removed.map((x) => `${prefix}: removed ${quote(x)}`),
    ...added.map((x) => `${prefix}: added ${quote(x)}`),
  ];
}

const launchFacts = (r: LaunchJson) => `${r.areaName}, Tier ${r.tier}, ${r.targetDate}`;

type LaunchList = 'keyLaunches' | 'upcomingLaunches';
const LIST_NAME: Record<LaunchList, string> = {
  keyLaunches: 'Key launches this week',
  upcomingLaunches: 'Upcoming launches',
};

function launchChanges(list: LaunchList, prev: WeeklyUpdateJson, next: WeeklyUpdateJson): string[] {
  const other: LaunchList = list === 'keyLaunches' ? 'upcomingLaunches' : 'keyLaunches';
  const name = LIST_NAME[list];
  const before = prev.highlights[list];
  const after = next.highlights[list];
  const lines: string[] = [];
  for (const r of before) {
    if (after.some((x) => x.id === r.id)) continue;
    // The JSON keeps only launching releases, so gone from both lists means out of the window
    // (or no longer launching): the correction is reported the way the issue words it.
    const why = next.highlights[other].some((x) => x.id === r.id)
      ? other === 'keyLaunches'
        ? 'now a key launch this week'
        : 'now upcoming'
      : 'moved out of the window';
    lines.push(`${name}: removed ${quote(r.title)} (${why})`);
  }
  for (const r of after) {
    const was = before.find((x) => x.id === r.id);
    if (!was) {
      lines.push(`${name}: added ${quote(r.title)} (${quote(launchFacts(r))})`);
      continue;
    }
    const edits = [
      was.title !== r.title ? `renamed from ${quote(was.title)}` : '',
      was.targetDate !== r.targetDate ? `date ${was.targetDate} → ${r.targetDate}` : '',
      was.tier !== r.tier ? `Tier ${was.tier} → ${r.tier}` : '',
      was.areaName !== r.areaName ? `area ${quote(was.areaName)} → ${quote(r.areaName)}` : '',
    ].filter(Boolean);
    if (edits.length > 0) lines.push(`${name}: ${quote(r.title)} — ${edits.join(', ')}`);
  }
  return lines;
}

function statusLine(was: AreaJson, now: AreaJson): string | null {
  if (was.status === now.status) return null;
  if (now.status === 'submitted') return `update submitted${now.late ? ' late' : ''} (was ${was.status})`;
  return `now ${now.status} (was ${was.status})`;
}

function areaChanges(was: AreaJson | undefined, now: AreaJson): string[] {
  const name = quote(now.areaName);
  if (!was) return [`${name} — added to the update (${now.status})`];
  const lines: string[] = [];
  if (was.pmName !== now.pmName) lines.push(`${name} — PM: ${quote(was.pmName)} → ${quote(now.pmName)}`);
  const status = statusLine(was, now);
  if (status) lines.push(`${name} — ${status}`);
  if (was.status === 'absent' && now.status === 'absent' && (was.absentReason ?? null) !== now.absentReason) {
    lines.push(`${name} — absent: ${quote(now.absentReason ?? 'no reason given')}`);
  }
  if (was.update && now.update) {
    if (Boolean(was.update.nothingThisWeek) !== Boolean(now.update.nothingThisWeek)) {
      lines.push(
        `${name} — ${now.update.nothingThisWeek ? 'now nothing to report this week' : 'now has an update'}`,
      );
    }
    for (const { key, label } of UPDATE_SECTIONS) {
      lines.push(...itemChanges(`${name} — ${label}`, was.update[key], now.update[key]));
    }
  }
  return lines;
}

const areaRisks = (json: WeeklyUpdateJson, areaName: string) =>
  json.areas.find((a) => a.areaName === areaName)?.update?.risks ?? [];

/**
 * Cross-cutting risks come from the PMs' risks, so a change the area's own "Risks / asks" already shows
 * (or its whole update appearing or going) is not repeated; only changes made in the highlights get a line.
 */
function riskChanges(prev: WeeklyUpdateJson, next: WeeklyUpdateJson): string[] {
  const SEP = '\u0000';
  const keys = (json: WeeklyUpdateJson) =>
    json.highlights.crossCuttingRisks.map((r) => `${r.areaName}${SEP}${r.text}`);
  const changes = (from: WeeklyUpdateJson, to: WeeklyUpdateJson, verb: 'added' | 'removed') =>
    minus(keys(from), keys(to)).flatMap((k) => {
      const [area = '', text = ''] = k.split(SEP);
      const shownInArea = minus(areaRisks(from, area), areaRisks(to, area)).includes(text);
      return shownInArea ? [] : [`Cross-cutting risks: ${verb} ${quote(text)} (${quote(area)})`];
    });
  return [...changes(prev, next, 'removed'), ...changes(next, prev, 'added')];
}

/** Human lines describing how `next` differs from `previous`; empty when the content is the same. */
export function describeChanges(previous: WeeklyUpdateJson, next: WeeklyUpdateJson): string[] {
  const lines: string[] = [];
  if (previous.date !== next.date) lines.push(`Date: ${quote(previous.date)} → ${quote(next.date)}`);
  lines.push(
    ...launchChanges('keyLaunches', previous, next),
    ...launchChanges('upcomingLaunches', previous, next),
  );
  const areaLines = next.areas.flatMap((a) =>
    areaChanges(
      previous.areas.find((p) => p.areaName === a.areaName),
      a,
    ),
  );
  for (const p of previous.areas) {
    if (!next.areas.some((a) => a.areaName === p.areaName)) {
      areaLines.push(`${quote(p.areaName)} — removed from the update`);
    }
  }
  lines.push(...riskChanges(previous, next), ...areaLines);
  return lines;
}
