import type {
  TBet,
  TBetInput,
  TBetPatch,
  TBetStatus,
  TBrief,
  TBriefInput,
  TBriefPatch,
} from '../../../shared/bets.ts';
import { type Page, query, request } from '../../api-client.ts';

const bet = (id: string) => `/bets/${encodeURIComponent(id)}`;

/** Issue 15: bets and the experiment briefs under them (the product org's). */
export const betsApi = {
  list: (filter: { podId?: string; status?: TBetStatus | '' }, cursor: string | null, signal?: AbortSignal) =>
    request<Page<TBet>>(`/bets${query({ ...filter, limit: 50, cursor })}`, { signal }),
  get: (id: string, signal?: AbortSignal) => request<TBet>(bet(id), { signal }),
  create: (input: TBetInput) => request<TBet>('/bets', { method: 'POST', body: input }),
  update: (id: string, patch: TBetPatch) => request<TBet>(bet(id), { method: 'PATCH', body: patch }),
  createBrief: (betId: string, input: TBriefInput) =>
    request<TBrief>(`${bet(betId)}/briefs`, { method: 'POST', body: input }),
  updateBrief: (id: string, patch: TBriefPatch) =>
    request<TBrief>(`/briefs/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
};
