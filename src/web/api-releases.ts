import type { BundleSectionKey, BundleSections } from '../domain/releases/bundle.ts';
import type { SignOffKind } from '../domain/releases/gate.ts';
import type {
  TBundleInput,
  TDecisionInput,
  TPostLaunchInput,
  TReleaseInput,
  TReleasePatch,
  TReleaseStatus,
} from '../shared/releases.ts';
import { listAll, query, request } from './api-client.ts';

export type Tier = 1 | 2 | 3;

export interface Release {
  id: string;
  title: string;
  areaId: string | null;
  areaName: string | null;
  pmOwnerId: string | null;
  pmOwnerName: string | null;
  engOwnerId: string | null;
  engOwnerName: string | null;
  tier: Tier | null;
  targetDate: string;
  status: TReleaseStatus;
  attributes: string[];
  suggestedTier: number | null;
  suggestedReason: string | null;
  tierReason: string | null;
  launchedOn: string | null;
  distributedOn: string | null;
  publishedOn: string | null;
  /** Bundle deadlines the server computed from the tier and the org's business days; null without a bundle. */
  distributeBy: string | null;
  publishBy: string | null;
  permissions: { update: boolean; delete: boolean };
}

export interface ReleaseFilter {
  from?: string;
  to?: string;
  areaId?: string;
  status?: TReleaseStatus | '';
  tier?: string;
}

export interface AttributeRule {
  key: string;
  label: string;
  tier: Tier;
}

export interface TierSuggestion {
  tier: Tier;
  decidedBy: string[];
  reason: string;
  /** The org's attribute table (settings). */
  attributes: AttributeRule[];
}

export type DeadlineStatus = 'not_required' | 'done' | 'done_late' | 'open' | 'missed';

export interface Deadline {
  kind: 'distribute' | 'publish';
  due: string | null;
  status: DeadlineStatus;
  doneOn: string | null;
  businessDaysLeft: number | null;
}

export interface LeadTime {
  tier: Tier;
  launch: string;
  today: string;
  distributeBy: string | null;
  publishBy: string | null;
  deadlines: Deadline[];
  canMeet: boolean;
  late: string[];
  earliestCompliantLaunch: string;
}

export interface BundleVersion {
  version: number;
  title: string;
  stage: 'distribution' | 'publication';
  publishedAt: string;
  publishedBy: string;
}

export interface Bundle {
  sections: BundleSections;
  checklist: { key: BundleSectionKey; heading: string; required: boolean; done: boolean }[];
  markdown: string;
  distributedOn: string | null;
  publishedOn: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  versions: BundleVersion[];
}

export interface SignOff {
  kind: SignOffKind;
  label: string;
  personId: string | null;
  by: string;
  note: string;
  at: string;
}

export interface Decision {
  id: string;
  decision: TDecisionInput['decision'];
  reason: string;
  by: string;
  newTargetDate: string | null;
  at: string;
}

export interface GateCheck {
  id: string;
  label: string;
  ok: boolean;
  reasons: string[];
}

export interface Gate {
  releaseId: string;
  ready: boolean;
  checks: GateCheck[];
  reasons: string[];
  title: string;
  today: string;
}

export interface PostLaunchCheck {
  id: string;
  kind: 'day3' | 'day14';
  dueOn: string;
  questions: { key: string; label: string }[];
  answers: Record<string, string>;
  completedAt: string | null;
  completedBy: string | null;
}

export interface ActionItem {
  id: string;
  releaseId: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  status: 'open' | 'done';
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

export interface TierEvent {
  at: string;
  by: string;
  attributes: string[];
  suggestedTier: number;
  suggestedReason: string;
  assignedTier: number | null;
  note: string | null;
}

export type ReadinessPart = SignOffKind | 'post_launch';

export interface ReleaseDetail {
  release: Release;
  permissions: {
    update: boolean;
    delete: boolean;
    /** Distribute and publish the bundle (Product Ops and up). */
    enablement: boolean;
    /** Which readiness parts this user may confirm. */
    confirm: Record<ReadinessPart, boolean>;
  };
  leadTime: LeadTime | null;
  bundle: Bundle;
  signOffs: SignOff[];
  /** Newest first. */
  decisions: Decision[];
  gate: Gate;
  postLaunch: { checks: PostLaunchCheck[]; actionItems: ActionItem[] };
  tierHistory: TierEvent[];
  readinessCheck: { occurrenceId: string; startsAt: string; status: string } | null;
  attributes: AttributeRule[];
}

export interface Coverage {
  from: string;
  to: string;
  bucket: 'week' | 'month';
  target: number;
  covered: number;
  total: number;
  pct: number | null;
  trend: { period: string; covered: number; total: number; pct: number | null }[];
  releases: {
    id: string;
    title: string;
    tier: 2 | 3;
    launchDate: string;
    publishedOn: string | null;
    covered: boolean;
  }[];
}

export interface ReadinessLink {
  title: string;
  targetDate: string;
  kind: 'support' | 'sales';
  person: string;
  confirmedAt: string | null;
}

const path = (id: string) => `/releases/${encodeURIComponent(id)}`;

/** C5: releases, tiers, enablement bundles, readiness, the gate, post-launch capture. */
export const releasesApi = {
  list: (filter: ReleaseFilter, signal?: AbortSignal) =>
    listAll<Release>(`/releases${query({ ...filter })}`, signal),
  create: (input: TReleaseInput) => request<Release>('/releases', { method: 'POST', body: input }),
  update: (id: string, patch: TReleasePatch) => request<Release>(path(id), { method: 'PATCH', body: patch }),
  remove: (id: string) => request<void>(path(id), { method: 'DELETE' }),
  suggestTier: (attributes: string[], signal?: AbortSignal) =>
    request<TierSuggestion>('/releases/tier-suggestion', {
      method: 'POST',
      body: { attributes },
      signal,
    }),
  detail: (id: string, signal?: AbortSignal) => request<ReleaseDetail>(`${path(id)}/detail`, { signal }),
  gate: (id: string, signal?: AbortSignal) => request<Gate>(`${path(id)}/gate`, { signal }),
  saveBundle: (id: string, sections: TBundleInput['sections']) =>
    request<Bundle>(`${path(id)}/bundle`, { method: 'PUT', body: { sections } }),
  distribute: (id: string) => request<unknown>(`${path(id)}/bundle/distribute`, { method: 'POST' }),
  publish: (id: string) => request<unknown>(`${path(id)}/bundle/publish`, { method: 'POST' }),
  signOff: (id: string, kind: SignOffKind, note?: string) =>
    request<SignOff[]>(`${path(id)}/sign-offs`, { method: 'POST', body: { kind, note } }),
  withdraw: (id: string, kind: SignOffKind) =>
    request<void>(`${path(id)}/sign-offs/${kind}`, { method: 'DELETE' }),
  decide: (id: string, input: TDecisionInput) =>
    request<Decision[]>(`${path(id)}/decisions`, { method: 'POST', body: input }),
  postLaunch: (id: string, kind: 'day3' | 'day14', input: TPostLaunchInput) =>
    request<unknown>(`${path(id)}/post-launch/${kind}`, { method: 'PUT', body: input }),
  setActionItem: (id: string, status: 'open' | 'done') =>
    request<ActionItem>(`/release-action-items/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: { status },
    }),
  coverage: (params: { from?: string; to?: string; bucket?: 'week' | 'month' }, signal?: AbortSignal) =>
    request<Coverage>(`/releases/coverage${query(params)}`, { signal }),
  /** Public: no session needed, and a 401 must not send the reader to the sign-in page. */
  readiness: (token: string, signal?: AbortSignal) =>
    request<ReadinessLink>(`/readiness/${encodeURIComponent(token)}`, { signal, redirectOn401: false }),
  confirmReadiness: (token: string) =>
    request<unknown>(`/readiness/${encodeURIComponent(token)}`, { method: 'POST', redirectOn401: false }),
};
