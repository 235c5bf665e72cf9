import type { TContractInput, TPodContract } from '../shared/contracts.ts';
import { API_BASE, request } from './api-client.ts';

const base = (podId: string) => `/pods/${encodeURIComponent(podId)}/contract`;

/** A pod's strategy contract (issue 15) under /api/v1/pods/:id/contract. */
export const contractsApi = {
  get: (podId: string, signal?: AbortSignal) => request<TPodContract>(base(podId), { signal }),
  propose: (podId: string, input: TContractInput) =>
    request<TPodContract>(base(podId), { method: 'POST', body: input }),
  nameSigners: (podId: string, signers: string[]) =>
    request<TPodContract>(`${base(podId)}/signers`, { method: 'POST', body: { signers } }),
  sign: (podId: string, version: number) =>
    request<TPodContract>(`${base(podId)}/sign`, { method: 'POST', body: { version } }),
  /** The one page as markdown: a plain link, the browser downloads it with the session cookie. */
  markdownUrl: (podId: string) => `${API_BASE}${base(podId)}.md`,
};
