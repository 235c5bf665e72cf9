import type { TMetricDetail, TMetricKey, TMetricList } from '../shared/metrics.ts';
import { request } from './api-client.ts';

/** Issue 16: the success metrics and velocity controls under /api/v1/metrics (the product org's). */
export const metricsApi = {
  list: (weeks: number, signal?: AbortSignal) => request<TMetricList>(`/metrics?weeks=${weeks}`, { signal }),
  one: (key: TMetricKey, weeks: number, signal?: AbortSignal) =>
    request<TMetricDetail>(`/metrics/${encodeURIComponent(key)}?weeks=${weeks}`, { signal }),
  csvUrl: (weeks: number) => `/api/v1/metrics.csv?weeks=${weeks}`,
};
