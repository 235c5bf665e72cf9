import type { TRitual, TRitualInput, TRitualPatch } from '../shared/cadence.ts';
import type { TRole } from '../shared/roles.ts';
import { listAll, query, request } from './api-client.ts';

export type OccurrenceStatus = 'scheduled' | 'held' | 'skipped' | 'cancelled';

/** One meeting of a ritual on the calendar (GET /calendar). Instants are UTC ISO strings. */
export interface Occurrence {
  id: string;
  ritualId: string;
  ritualSlug: string;
  ritualName: string;
  outputArtifact: string;
  ownerRole: TRole;
  key: string;
  /** The org-local date it happens on (after a holiday shift). */
  localDate: string;
  startsAt: string;
  endsAt: string;
  status: OccurrenceStatus;
  /** The date the schedule said, when a holiday moved it. */
  shiftedFrom: string | null;
  holiday: string | null;
  artifactDueAt: string;
  artifactProducedAt: string | null;
  artifactRef: string | null;
}

export interface CalendarReply {
  from: string;
  to: string;
  timeZone: string;
  items: Occurrence[];
}

export interface Attendance {
  personId: string;
  name: string;
  /** null: not recorded yet. */
  present: boolean | null;
}

export interface OccurrenceDetail extends Occurrence {
  ownerPersonId: string | null;
  notes: string;
  attendance: Attendance[];
  permissions: { update: boolean };
}

/** PATCH /occurrences/:id. `skipped` is set by the schedule (holidays), never by hand. */
export interface OccurrencePatch {
  status?: Exclude<OccurrenceStatus, 'skipped'>;
  attendance?: { personId: string; present: boolean }[];
  artifactProducedAt?: string | null;
  artifactRef?: string | null;
  notes?: string;
}

export interface AdoptionPart {
  eligible: number;
  adopted: number;
  /** null when nothing was eligible: no data is not 0 %. */
  pct: number | null;
  attendanceOk: number;
  artifactOnTime: number;
}

export interface AdoptionReply {
  from: string;
  to: string;
  /** The adoption target, in percent (settings). */
  target: number;
  overall: AdoptionPart;
  perRitual: (AdoptionPart & { ritualId: string; name: string; slug: string })[];
}

export interface FeedUrls {
  url: string;
  webcalUrl: string;
}

const ritualPath = (id: string) => `/rituals/${encodeURIComponent(id)}`;
const occurrencePath = (id: string) => `/occurrences/${encodeURIComponent(id)}`;

/** C2 cadence: rituals, the calendar of their occurrences, adoption and the calendar feed. */
export const cadenceApi = {
  rituals: {
    all: (signal?: AbortSignal) => listAll<TRitual>('/rituals', signal),
    get: (id: string, signal?: AbortSignal) => request<TRitual>(ritualPath(id), { signal }),
    create: (input: TRitualInput) => request<TRitual>('/rituals', { method: 'POST', body: input }),
    update: (id: string, patch: TRitualPatch) =>
      request<TRitual>(ritualPath(id), { method: 'PATCH', body: patch }),
    remove: (id: string) => request<void>(ritualPath(id), { method: 'DELETE' }),
  },
  calendar: (params: { from?: string; to?: string; ritualId?: string }, signal?: AbortSignal) =>
    request<CalendarReply>(`/calendar${query(params)}`, { signal }),
  occurrence: (id: string, signal?: AbortSignal) => request<OccurrenceDetail>(occurrencePath(id), { signal }),
  recordOccurrence: (id: string, patch: OccurrencePatch) =>
    request<OccurrenceDetail>(occurrencePath(id), { method: 'PATCH', body: patch }),
  adoption: (params: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
    request<AdoptionReply>(`/adoption${query(params)}`, { signal }),
  feedUrl: (signal?: AbortSignal) => request<FeedUrls>('/calendar/feed-url', { signal }),
  rotateFeedUrl: () => request<FeedUrls>('/calendar/feed-url/rotate', { method: 'POST' }),
};
