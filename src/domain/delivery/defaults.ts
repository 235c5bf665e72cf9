import type { ARTIFACT_KIND_VALUES } from '../../shared/delivery.ts';
import type { TFunction } from '../../shared/roles.ts';

/** Artifact kinds people and channels subscribe to (the list lives with the API schemas). */
export type ArtifactKind = (typeof ARTIFACT_KIND_VALUES)[number];

export interface DefaultSubscription {
  kind: ArtifactKind;
  /** For releases: the tiers that reach this function by default. */
  tiers?: number[];
}

/**
 * What each function hears about without subscribing (the pack's RACI "Informed" column and §6: Support and
 * Sales hear about every Tier 2/3 launch). An explicit subscription or opt-out overrides these.
 */
export const DEFAULTS_BY_FUNCTION: Record<TFunction, DefaultSubscription[]> = {
  pm: [{ kind: 'weekly_update' }, { kind: 'roadmap' }, { kind: 'insights_digest' }, { kind: 'decision' }],
  product_ops: [
    { kind: 'weekly_update' },
    { kind: 'roadmap' },
    { kind: 'release', tiers: [2, 3] },
    { kind: 'insights_digest' },
    { kind: 'decision' },
  ],
  eng: [{ kind: 'release', tiers: [3] }],
  design: [],
  sales: [{ kind: 'weekly_update' }, { kind: 'roadmap' }, { kind: 'release', tiers: [2, 3] }],
  cs: [{ kind: 'weekly_update' }, { kind: 'roadmap' }, { kind: 'release', tiers: [2, 3] }],
  support: [{ kind: 'weekly_update' }, { kind: 'roadmap' }, { kind: 'release', tiers: [2, 3] }],
  marketing: [{ kind: 'weekly_update' }, { kind: 'release', tiers: [2, 3] }],
  exec: [{ kind: 'weekly_update' }, { kind: 'roadmap' }, { kind: 'release', tiers: [3] }],
  data: [{ kind: 'weekly_update' }, { kind: 'insights_digest' }],
};

export function defaultMatches(fn: TFunction, kind: string, tier: number | undefined): boolean {
  return DEFAULTS_BY_FUNCTION[fn].some(
    (d) => d.kind === kind && (tier === undefined || !d.tiers || d.tiers.includes(tier)),
  );
}
