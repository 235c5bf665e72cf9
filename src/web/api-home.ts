import type { THome } from '../shared/home.ts';
import { request } from './api-client.ts';

/** Issue 17: the signed-in person's home (GET /api/v1/home). */
export const homeApi = {
  get: (signal?: AbortSignal) => request<THome>('/home', { signal }),
  /** Asked for before the session is known: signed out, the session's own 401 leads to the sign-in page. */
  prefetch: (signal?: AbortSignal) => request<THome>('/home', { signal, redirectOn401: false }),
};
