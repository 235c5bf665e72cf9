import type { TTradeOffMenu, TVelocityOverview } from '../shared/velocity.ts';
import { request } from './api-client.ts';

/** Issue 15: velocity per pod and the trade-off menu, under /api/v1/velocity (the product org's). */
export const velocityApi = {
  pods: (weeks: number, signal?: AbortSignal) =>
    request<TVelocityOverview>(`/velocity/pods?weeks=${weeks}`, { signal }),
  menu: (podId: string, weeks: number, signal?: AbortSignal) =>
    request<TTradeOffMenu>(`/velocity/pods/${encodeURIComponent(podId)}/menu?weeks=${weeks}`, { signal }),
  size: (itemId: string, engineerWeeks: number | null) =>
    request<{ itemId: string; engineerWeeks: number | null }>(
      `/roadmap/items/${encodeURIComponent(itemId)}/size`,
      { method: 'PUT', body: { engineerWeeks } },
    ),
};
