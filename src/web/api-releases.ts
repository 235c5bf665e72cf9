import type { SignOffKind } from '../domain/releases/gate.ts';
import type { TBroadcastHeld, TBroadcastPreview } from '../shared/broadcasts.ts';
import type {
  TActionItem,
  TBundle,
  TBundleRelease,
  TCoverage,
  TGate,
  TGateOverride,
  TGateOverrideInput,
  TLeadTime,
  TPostLaunch,
  TReadinessConfirmation,
  TReadinessLink,
  TReleaseDecision,
  TReleaseDetail,
  TSignOff,
  TTierSuggestion,
} from '../shared/release-detail.ts';
import type {
  TBundleInput,
  TDecisionInput,
  TPostLaunchInput,
  TRelease,
  TReleaseInput,
  TReleasePatch,
  TReleaseStatus,
} from '../shared/releases.ts';
import { listAll, query, request } from './api-client.ts';

export interface ReleaseFilter {
  from?: string;
  to?: string;
  areaId?: string;
  status?: TReleaseStatus | '';
  tier?: string;
}

const path = (id: string) => `/releases/${encodeURIComponent(id)}`;

/** C5: releases, tiers, enablement bundles, readiness, the gate, post-launch capture. */
export const releasesApi = {
  list: (filter: ReleaseFilter, signal?: AbortSignal) =>
    listAll<TRelease>(`/releases${query({ ...filter })}`, signal),
  create: (input: TReleaseInput) => request<TRelease>('/releases', { method: 'POST', body: input }),
  update: (id: string, patch: TReleasePatch) => request<TRelease>(path(id), { method: 'PATCH', body: patch }),
  remove: (id: string) => request<void>(path(id), { method: 'DELETE' }),
  suggestTier: (attributes: string[], signal?: AbortSignal) =>
    request<TTierSuggestion>('/releases/tier-suggestion', {
      method: 'POST',
      body: { attributes },
      signal,
    }),
  /** A tier's bundle deadlines for a launch date, as of the org's today (work week and holidays). */
  leadTime: (tier: number, launch: string, signal?: AbortSignal) =>
    request<TLeadTime>(`/releases/leadtime${query({ tier: String(tier), launch })}`, { signal }),
  detail: (id: string, signal?: AbortSignal) => request<TReleaseDetail>(`${path(id)}/detail`, { signal }),
  gate: (id: string, signal?: AbortSignal) => request<TGate>(`${path(id)}/gate`, { signal }),
  saveBundle: (id: string, sections: TBundleInput['sections']) =>
    request<TBundle>(`${path(id)}/bundle`, { method: 'PUT', body: { sections } }),
  /** What distributing (`distribute`) or publishing (`publish`) the bundle would send now, and to whom. */
  bundlePreview: (id: string, step: 'distribute' | 'publish') =>
    request<TBroadcastPreview>(`${path(id)}/bundle/${step}-preview`),
  distribute: (id: string) =>
    request<TBundleRelease & { undo: TBroadcastHeld | null }>(`${path(id)}/bundle/distribute`, {
      method: 'POST',
    }),
  publish: (id: string) =>
    request<TBundleRelease & { undo: TBroadcastHeld | null }>(`${path(id)}/bundle/publish`, {
      method: 'POST',
    }),
  signOff: (id: string, kind: SignOffKind, note?: string) =>
    request<TSignOff[]>(`${path(id)}/sign-offs`, { method: 'POST', body: { kind, note } }),
  withdraw: (id: string, kind: SignOffKind) =>
    request<void>(`${path(id)}/sign-offs/${kind}`, { method: 'DELETE' }),
  decide: (id: string, input: TDecisionInput) =>
    request<TReleaseDecision[]>(`${path(id)}/decisions`, { method: 'POST', body: input }),
  override: (id: string, input: TGateOverrideInput) =>
    request<TGateOverride>(`${path(id)}/gate-overrides`, { method: 'POST', body: input }),
  revokeOverride: (id: string, overrideId: string) =>
    request<void>(`${path(id)}/gate-overrides/${encodeURIComponent(overrideId)}`, { method: 'DELETE' }),
  postLaunch: (id: string, kind: 'day3' | 'day14', input: TPostLaunchInput) =>
    request<TPostLaunch>(`${path(id)}/post-launch/${kind}`, { method: 'PUT', body: input }),
  setActionItem: (id: string, status: 'open' | 'done') =>
    request<TActionItem>(`/release-action-items/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: { status },
    }),
  coverage: (params: { from?: string; to?: string; bucket?: 'week' | 'month' }, signal?: AbortSignal) =>
    request<TCoverage>(`/releases/coverage${query(params)}`, { signal }),
  /** Public: no session needed, and a 401 must not send the reader to the sign-in page. */
  readiness: (token: string, signal?: AbortSignal) =>
    request<TReadinessLink>(`/readiness/${encodeURIComponent(token)}`, { signal, redirectOn401: false }),
  confirmReadiness: (token: string) =>
    request<TReadinessConfirmation>(`/readiness/${encodeURIComponent(token)}`, {
      method: 'POST',
      redirectOn401: false,
    }),
};
