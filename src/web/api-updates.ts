import type { TUpdateContent } from '../shared/updates.ts';
import { query, request } from './api-client.ts';

export type UpdateSectionKey = keyof TUpdateContent;

/** The five bullets of the pack's template, in order, labelled exactly as the template says. */
export const UPDATE_SECTIONS: readonly { key: UpdateSectionKey; label: string }[] = [
  { key: 'wins', label: 'Wins / shipped' },
  { key: 'next', label: "What's next" },
  { key: 'risks', label: 'Risks / asks' },
  { key: 'metrics', label: 'Metrics snapshot' },
  { key: 'links', label: 'Links (PRDs/specs/notes)' },
];

export interface PublishedItem {
  week: string;
  version: number;
  title: string;
  publishedAt: string;
}

export interface UpdatesList {
  /** This ISO week in the org's time zone (2026-W47). */
  currentWeek: string;
  items: PublishedItem[];
}

export type BoardStatus = 'submitted' | 'late' | 'absent' | 'missing';

export interface BoardArea {
  areaId: string;
  areaName: string;
  pmId: string | null;
  pmName: string | null;
  status: BoardStatus;
  submittedAt: string | null;
  content: TUpdateContent | null;
  absentReason: string | null;
}

export interface VersionInfo {
  version: number;
  title: string;
  publishedAt: string;
  publishedBy: string;
  /** "What changed" lines of a correction; empty for the first version. */
  changes: string[];
}

export interface DefinitionOfDone {
  published: boolean;
  allContributed: boolean;
  missingAreas: string[];
  crossCuttingSection: boolean;
  delivered: { total: number; sent: number; dead: number };
  publishedOnTime: boolean;
}

export interface Board {
  week: string;
  dueAt: string;
  publishAt: string;
  publishedAt: string | null;
  areas: BoardArea[];
  versions: VersionInfo[];
  done: DefinitionOfDone;
}

export interface Submission {
  content: TUpdateContent;
  late: boolean;
  submittedAt: string;
  revisions: { content: TUpdateContent; editedBy: string; editedAt: string }[];
}

export interface SubmissionPair {
  current: Submission | null;
  previous: Submission | null;
}

export interface LaunchJson {
  id: string;
  title: string;
  areaName: string;
  tier: number;
  targetDate: string;
  status: string;
}

export interface WeeklyUpdateJson {
  title: string;
  date: string;
  highlights: {
    keyLaunches: LaunchJson[];
    upcomingLaunches: LaunchJson[];
    crossCuttingRisks: { areaName: string; pmName: string; text: string; index: number }[];
  };
  areas: {
    areaName: string;
    pmName: string;
    status: 'submitted' | 'missing' | 'absent';
    late: boolean;
    update: TUpdateContent | null;
  }[];
}

export interface Artifact {
  week: string;
  version: number;
  title: string;
  publishedAt: string;
  changes: string[];
  json: WeeklyUpdateJson;
  markdown: string;
}

export interface FollowUp {
  id: string;
  /** Where it came from: "weekly_update:2026-W47". */
  source: string;
  areaId: string;
  areaName: string | null;
  title: string;
  assigneeIds: string[];
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
}

const weekPath = (week: string) => `/updates/${encodeURIComponent(week)}`;
const areaPath = (week: string, areaId: string) => `${weekPath(week)}/areas/${encodeURIComponent(areaId)}`;

/** C3: the weekly product update: board, submissions, publication, the archive. */
export const updatesApi = {
  list: (q: string, signal?: AbortSignal) => request<UpdatesList>(`/updates${query({ q })}`, { signal }),
  board: (week: string, signal?: AbortSignal) => request<Board>(weekPath(week), { signal }),
  artifact: (week: string, version: number | null, signal?: AbortSignal) =>
    request<Artifact>(`${weekPath(week)}/artifact${query({ format: 'json', version })}`, { signal }),
  submission: (week: string, areaId: string, signal?: AbortSignal) =>
    request<SubmissionPair>(areaPath(week, areaId), { signal }),
  submit: (week: string, areaId: string, content: TUpdateContent) =>
    request<unknown>(areaPath(week, areaId), { method: 'PUT', body: { content } }),
  markAbsent: (week: string, areaId: string, reason: string) =>
    request<void>(`${areaPath(week, areaId)}/absence`, { method: 'POST', body: { reason } }),
  publish: (week: string) => request<unknown>(`${weekPath(week)}/publish`, { method: 'POST' }),
  openFollowUps: (signal?: AbortSignal) =>
    request<{ items: FollowUp[] }>(`/follow-ups${query({ status: 'open' })}`, { signal }),
  closeFollowUp: (id: string) =>
    request<void>(`/follow-ups/${encodeURIComponent(id)}/close`, { method: 'POST' }),
};

/** The feed token is the calendar feed's: the last path segment of its URL, without `.ics`. */
export function updateFeedUrls(calendarFeedUrl: string): { atom: string; rss: string } | null {
  const token = /\/([A-Za-z0-9_-]{16,64})\.ics$/.exec(calendarFeedUrl)?.[1];
  if (!token) return null;
  return { atom: `/api/v1/updates/feed/${token}.atom`, rss: `/api/v1/updates/feed/${token}.rss` };
}
