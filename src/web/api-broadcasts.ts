import type { TBroadcastHeld, TBroadcastUndone } from '../shared/broadcasts.ts';
import { request } from './api-client.ts';

/** Issue 17: an action that notifies people, undone while its messages are held. */
export const broadcastsApi = {
  /** My actions whose undo window is still open (the banner after a reload). */
  held: (signal?: AbortSignal) => request<TBroadcastHeld[]>('/broadcasts/held', { signal }),
  undo: (id: string) =>
    request<TBroadcastUndone>(`/broadcasts/${encodeURIComponent(id)}/undo`, { method: 'POST' }),
};
