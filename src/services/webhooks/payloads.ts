/*
 * The resources webhooks carry, in the form a stakeholder may read: no people's emails, no notes or reasons of
 * the product org, no internal roadmap data. `path` is the page in prodops (relative to its public address).
 */

/** The published artifacts webhooks announce, in words. */
export const ARTIFACT_NAMES: Record<string, string> = {
  weekly_update: 'Weekly product update',
  roadmap_view: 'Stakeholder roadmap view',
  insights_digest: 'Monthly insights digest',
  enablement_bundle: 'Enablement bundle',
};

export function artifactData(a: {
  kind: string;
  key: string;
  version: number;
  title: string;
  markdown: string;
  changes: string[];
  publishedAt: Date;
  path: string;
}) {
  return {
    artifact: {
      kind: a.kind,
      kindName: ARTIFACT_NAMES[a.kind] ?? a.kind,
      key: a.key,
      version: a.version,
      title: a.title,
      publishedAt: a.publishedAt.toISOString(),
      changes: a.changes,
      markdown: a.markdown,
      path: a.path,
    },
  };
}

export interface ReleaseLike {
  id: string;
  title: string;
  areaName: string | null;
  tier: number | null;
  status: string;
  targetDate: string;
  launchedOn: string | null;
}

export function releaseData(r: ReleaseLike) {
  return {
    id: r.id,
    title: r.title,
    area: r.areaName,
    tier: r.tier,
    status: r.status,
    statusName: r.status.replace('_', ' '),
    targetDate: r.targetDate,
    launchedOn: r.launchedOn,
    path: `/releases/${r.id}`,
  };
}

export function decisionData(d: {
  id: string;
  number: number;
  title: string;
  decidedOn: string;
  reviewDate: string | null;
  supersedesId: string | null;
}) {
  return {
    decision: {
      id: d.id,
      number: d.number,
      title: d.title,
      decidedOn: d.decidedOn,
      reviewDate: d.reviewDate,
      supersedesId: d.supersedesId,
      path: `/decisions/${d.id}`,
    },
  };
}

export function areaData(a: { id: string; name: string }) {
  return { id: a.id, name: a.name, path: `/areas/${a.id}` };
}
