import type { TBug, TBugBacklog, TBugDecisionInput, TBugList, TBugState } from '../shared/bugs.ts';
import type { TAreaQualityDetail, TAreaQualityList } from '../shared/quality.ts';
import { request } from './api-client.ts';

/** The velocity framework's quality controls (issue 15) under /api/v1/quality: the product org's to read. */
export const qualityApi = {
  areas: (signal?: AbortSignal) => request<TAreaQualityList>('/quality/areas', { signal }),
  area: (id: string, signal?: AbortSignal) =>
    request<TAreaQualityDetail>(`/quality/areas/${encodeURIComponent(id)}`, { signal }),
  /** No bug backlog: bugs by area and state, open ones first (oldest first). */
  bugs: (q: { areaId?: string; state?: TBugState }, signal?: AbortSignal) => {
    const params = new URLSearchParams({ limit: '1000' });
    if (q.areaId) params.set('areaId', q.areaId);
    if (q.state) params.set('state', q.state);
    return request<TBugList>(`/quality/bugs?${params}`, { signal });
  },
  bugBacklog: (signal?: AbortSignal) => request<TBugBacklog>('/quality/bugs/backlog', { signal }),
  decideBug: (id: string, input: TBugDecisionInput) =>
    request<TBug>(`/quality/bugs/${encodeURIComponent(id)}/decision`, { method: 'POST', body: input }),
  closeBug: (id: string) =>
    request<TBug>(`/quality/bugs/${encodeURIComponent(id)}/close`, { method: 'POST' }),
};
