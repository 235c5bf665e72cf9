import type { TFeed, TFeedAudience } from '../shared/feed.ts';
import { request } from './api-client.ts';

/** Issue 17: the stakeholder feed (GET /api/v1/feed); no audience = the reader's own. */
export const feedApi = {
  get: (q: { audience?: TFeedAudience; before?: string }, signal?: AbortSignal) => {
    const p = new URLSearchParams();
    if (q.audience) p.set('audience', q.audience);
    if (q.before) p.set('before', q.before);
    const s = p.toString();
    return request<TFeed>(`/feed${s ? `?${s}` : ''}`, { signal });
  },
};
