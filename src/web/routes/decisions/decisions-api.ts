import type { TDecisionLogEntry, TDecisionLogInput, TRevisitInput } from '../../../shared/decisions.ts';
import { type Page, query, request } from '../../api-client.ts';
import type { DecisionFilterValues } from '../../lib/decision-filter.ts';

const decision = (id: string) => `/decisions/${encodeURIComponent(id)}`;

/** C4: the append-only decision log (no PATCH, no DELETE: revisiting is the only change). */
export const decisionsApi = {
  list: (filter: DecisionFilterValues, cursor: string | null, signal?: AbortSignal) =>
    request<Page<TDecisionLogEntry>>(`/decisions${query({ ...filter, limit: 50, cursor })}`, { signal }),
  get: (id: string, signal?: AbortSignal) => request<TDecisionLogEntry>(decision(id), { signal }),
  create: (input: TDecisionLogInput) =>
    request<TDecisionLogEntry>('/decisions', { method: 'POST', body: input }),
  revisit: (id: string, input: TRevisitInput) =>
    request<TDecisionLogEntry>(`${decision(id)}/revisit`, { method: 'POST', body: input }),
};
