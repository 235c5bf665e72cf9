import type { TBroadcastUndone } from '../shared/broadcasts.ts';
import { request } from './api-client.ts';

/** Issue 17: an action that notifies people, undone while its messages are held. */
export const broadcastsApi = {
  undo: (id: string) =>
    request<TBroadcastUndone>(`/broadcasts/${encodeURIComponent(id)}/undo`, { method: 'POST' }),
};
