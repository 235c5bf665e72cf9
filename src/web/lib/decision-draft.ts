import { addDays } from '../../shared/calendar.ts';
import type { TDecisionLogEntry } from '../../shared/decisions.ts';

/** The decision form's values as typed: strings and lists of ids, before the schema checks them. */
export interface DecisionDraft {
  decidedOn: string;
  title: string;
  context: string;
  options: string[];
  rationale: string;
  ownerId: string;
  reviewDate: string;
  roadmapItemIds: string[];
  releaseIds: string[];
  themes: string[];
}

/** How far ahead a new decision's review date starts: a quarter, which the owner changes at will. */
export const DEFAULT_REVIEW_DAYS = 91;

export function emptyDraft(
  today: string,
  ownerId: string,
  links: Partial<Pick<DecisionDraft, 'roadmapItemIds' | 'releaseIds' | 'themes'>> = {},
): DecisionDraft {
  return {
    decidedOn: today,
    title: '',
    context: '',
    options: ['', ''],
    rationale: '',
    ownerId,
    reviewDate: addDays(today, DEFAULT_REVIEW_DAYS),
    roadmapItemIds: links.roadmapItemIds ?? [],
    releaseIds: links.releaseIds ?? [],
    themes: links.themes ?? [],
  };
}

/** A replacement starts as a copy of what it supersedes, decided today: people change what changed. */
export function draftFrom(entry: TDecisionLogEntry, today: string): DecisionDraft {
  return {
    decidedOn: today,
    title: entry.title,
    context: entry.context,
    options: [...entry.options],
    rationale: entry.rationale,
    ownerId: entry.ownerId,
    reviewDate: addDays(today, DEFAULT_REVIEW_DAYS),
    roadmapItemIds: entry.roadmapItems.map((i) => i.id),
    releaseIds: entry.releases.map((r) => r.id),
    themes: entry.themes.map((t) => t.key),
  };
}

/**
 * The request body before validation: blank option rows are left out (the form shows two to start with), an
 * empty date means "today" on the server, and empty link lists are not sent.
 */
export function draftToInput(draft: DecisionDraft, occurrenceId?: string): Record<string, unknown> {
  const options = draft.options.filter((o) => o.trim() !== '');
  return {
    ...(draft.decidedOn ? { decidedOn: draft.decidedOn } : {}),
    title: draft.title,
    context: draft.context,
    options,
    rationale: draft.rationale,
    ownerId: draft.ownerId,
    reviewDate: draft.reviewDate,
    ...(draft.roadmapItemIds.length ? { roadmapItemIds: draft.roadmapItemIds } : {}),
    ...(draft.releaseIds.length ? { releaseIds: draft.releaseIds } : {}),
    ...(draft.themes.length ? { themes: draft.themes } : {}),
    ...(occurrenceId ? { occurrenceId } : {}),
  };
}
