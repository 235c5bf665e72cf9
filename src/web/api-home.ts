import type { THome } from '../shared/home.ts';
import { request } from './api-client.ts';

/** Issue 17: the signed-in person's home (GET /api/v1/home). */
export const homeApi = {
  get: (signal?: AbortSignal) => request<THome>('/home', { signal }),
};
