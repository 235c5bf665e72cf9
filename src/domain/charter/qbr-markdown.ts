import { EVIDENCE_LABELS, type TQbrContent } from '../../shared/charter.ts';

const bullets = (items: readonly string[]) => (items.length ? items.map((i) => `- ${i}`) : ['- _None_']);

/** The Quarterly Planning/QBR artifact (pack §3): plan, Product Ops retrospective, figures, friction list. */
export function qbrMarkdown(c: TQbrContent, orgName: string): string {
  const lines = [`# Quarterly Planning / QBR — ${c.label}`, '', `${orgName}, ${c.start} to ${c.end}.`, ''];
  lines.push('## Quarterly plan', '');
  lines.push(
    ...bullets(
      c.priorities.map((p) => (p.roadmapItem ? `${p.text} (roadmap: ${p.roadmapItem.title})` : p.text)),
    ),
    '',
  );
  lines.push(
    '## Product Ops retrospective',
    '',
    '### What worked',
    '',
    ...bullets(c.retrospective.worked),
    '',
  );
  lines.push("### What didn't", '', ...bullets(c.retrospective.didNot), '');
  lines.push('### What to prune', '', ...bullets(c.retrospective.prune), '');
  lines.push(`### Success metrics (${c.metricsWindow})`, '');
  lines.push('| Metric | Current | Target | Meets |', '|---|---|---|---|');
  for (const m of c.metrics)
    lines.push(
      `| ${m.label} | ${m.current} | ${m.target} | ${m.meets === null ? 'n/a' : m.meets ? 'Yes' : 'No'} |`,
    );
  lines.push('', '## Top frictions', '');
  for (const f of c.frictions) {
    lines.push(`### ${f.rank}. ${f.title}`, '');
    if (f.description) lines.push(f.description, '');
    if (f.evidence) lines.push(`- **Evidence:** ${f.evidence}`);
    for (const l of f.evidenceLinks) lines.push(`- **${EVIDENCE_LABELS[l.kind]}:** ${l.label}`);
    lines.push(`- **Addressed by rituals:** ${f.rituals.map((r) => r.name).join(', ') || 'none yet'}`);
    lines.push(`- **Addressed by artifacts:** ${f.artifacts.join(', ') || 'none yet'}`, '');
  }
  if (c.unmappedRituals.length)
    lines.push(
      `> Rituals that map to no friction: ${c.unmappedRituals.map((r) => r.name).join(', ')}. Every ritual must map to a friction point.`,
      '',
    );
  return lines.join('\n');
}
