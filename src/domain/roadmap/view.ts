import {
  CONFIDENCE_LABELS,
  ROADMAP_STATUS_LABELS,
  type TAudience,
  type TRoadmapView,
  type TViewItem,
} from '../../shared/roadmap.ts';

export const AUDIENCE_LABELS: Record<TAudience, string> = {
  sales: 'Sales',
  support: 'Support',
  cs: 'Customer Success',
  exec: 'Exec',
};

const READINESS_LABELS: Record<string, string> = {
  support: 'Support ready',
  sales: 'Sales ready',
  eng_monitoring: 'monitoring',
  eng_rollback: 'rollback',
  training: 'training',
};

/** Items by quarter: an item sits in the first quarter of the view its range touches. */
export function itemsByQuarter(
  view: TRoadmapView,
): { label: string; current: boolean; items: TViewItem[] }[] {
  return view.quarters.map((q, i) => ({
    label: q.label,
    current: i === 0,
    items: view.items.filter((it) =>
      i === 0 ? it.earliest <= q.end : it.earliest > view.quarters[i - 1]!.end && it.earliest <= q.end,
    ),
  }));
}

function generalItem(it: TViewItem): string[] {
  const deps = it.dependsOn.length ? ` · depends on ${it.dependsOn.map((d) => d.title).join(', ')}` : '';
  return [
    `### ${it.title}`,
    `*${it.areaName} · ${it.rangeText} · ${CONFIDENCE_LABELS[it.confidence]} · ${ROADMAP_STATUS_LABELS[it.status]}${deps}*`,
    '',
    it.summary,
    '',
  ];
}

/** What Sales may promise of an item: a range at most, only the direction when confidence is low. */
export function salesGuard(it: Pick<TViewItem, 'confidence' | 'rangeText'>): string {
  return it.confidence === 'low'
    ? 'Do not commit to customers: low confidence, share only the direction.'
    : `OK to share as a range (${it.rangeText}), never as a date.`;
}

/** Sales: what can be said to customers, and what must not be promised. */
function salesItem(it: TViewItem): string[] {
  const say = it.customerNote || it.summary;
  const when = it.confidence === 'low' ? it.quarters : it.rangeText;
  const guard = salesGuard(it);
  return [
    `### ${it.title}`,
    `*${it.areaName} · ${when}*`,
    '',
    `What you can say: ${say}`,
    '',
    `> ${guard}`,
    '',
  ];
}

/** Support: when to expect it, and whether enablement is ready. */
function supportItem(it: TViewItem): string[] {
  const releases = it.releases.length
    ? it.releases.map((r) => {
        const tier = r.tier ? `Tier ${r.tier}` : 'tier not set';
        const bundle = r.publishedOn
          ? `bundle published ${r.publishedOn}`
          : r.distributedOn
            ? `bundle distributed ${r.distributedOn}, not yet published`
            : r.tier && r.tier > 1
              ? 'bundle not distributed yet'
              : 'no bundle (mention in the weekly update)';
        const ready = r.readiness.map((x) => `${READINESS_LABELS[x.kind] ?? x.kind} ${x.done ? '✓' : '✗'}`);
        return `- ${r.title}: ${tier}, ${bundle}${ready.length ? `; ${ready.join(', ')}` : ''}`;
      })
    : ['- No release linked yet: no enablement planned.'];
  return [
    `### ${it.title}`,
    `*${it.areaName} · launch window ${it.rangeText} · ${ROADMAP_STATUS_LABELS[it.status]}*`,
    '',
    it.summary,
    '',
    ...releases,
    '',
  ];
}

/** Customer Success: which customer pain each item answers. */
function csItem(it: TViewItem): string[] {
  const themes = it.themes.length
    ? `Addresses: ${it.themes.map((t) => `${t.label}${t.volume ? ` (${t.volume} items in 90 days)` : ''}`).join(', ')}`
    : 'Not linked to a customer theme.';
  return [
    `### ${it.title}`,
    `*${it.areaName} · ${it.rangeText} · ${CONFIDENCE_LABELS[it.confidence]}*`,
    '',
    it.summary,
    '',
    themes,
    '',
  ];
}

function execSummary(view: TRoadmapView): string[] {
  const areas = [...new Set(view.items.map((i) => i.areaName))].sort();
  const rows = areas.map((a) => {
    const items = view.items.filter((i) => i.areaName === a);
    const count = (c: string) => items.filter((i) => i.confidence === c).length;
    return `| ${a} | ${items.length} | ${count('high')} | ${count('medium')} | ${count('low')} |`;
  });
  const atRisk = view.items.filter((i) => i.confidence === 'low');
  return [
    '## By area',
    '',
    '| Area | Items | High | Medium | Low confidence |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    '## At risk',
    '',
    ...(atRisk.length
      ? atRisk.map((i) => `- ${i.title} (${i.areaName}, ${i.rangeText})`)
      : ['- Nothing at low confidence.']),
    '',
    ...(view.decisions.length
      ? [
          '## Recent decisions',
          '',
          ...view.decisions.map((d) => `- #${d.number} ${d.title} (${d.decidedOn}): ${d.rationale}`),
          '',
        ]
      : []),
  ];
}

const RENDER: Record<TAudience | 'all', (it: TViewItem) => string[]> = {
  all: generalItem,
  sales: salesItem,
  support: supportItem,
  cs: csItem,
  exec: generalItem,
};

/** The stakeholder roadmap view as markdown, for everyone or for one audience ("no view to rule them all"). */
export function renderView(view: TRoadmapView, audience?: TAudience): string {
  const who = audience ? ` for ${AUDIENCE_LABELS[audience]}` : '';
  const lines = [
    `# ${view.orgName} roadmap${who} — ${view.quarters.map((q) => q.label).join(' and ')}`,
    '',
    `As of ${view.asOf}. Dates are ranges, not commitments.`,
    '',
  ];
  if (audience === 'exec') lines.push(...execSummary(view));
  for (const q of itemsByQuarter(view)) {
    lines.push(`## ${q.label}${q.current ? ' (this quarter)' : ' (next quarter)'}`, '');
    if (q.items.length === 0) lines.push('Nothing planned to stakeholders yet.', '');
    for (const it of q.items) lines.push(...RENDER[audience ?? 'all'](it));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
