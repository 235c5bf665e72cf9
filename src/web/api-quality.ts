import type { TAreaQualityDetail, TAreaQualityList } from '../shared/quality.ts';
import { request } from './api-client.ts';

/** The velocity framework's quality controls (issue 15) under /api/v1/quality: the product org's to read. */
export const qualityApi = {
  areas: (signal?: AbortSignal) => request<TAreaQualityList>('/quality/areas', { signal }),
  area: (id: string, signal?: AbortSignal) =>
    request<TAreaQualityDetail>(`/quality/areas/${encodeURIComponent(id)}`, { signal }),
};
