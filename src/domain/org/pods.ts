import type { TPodWarning } from '../../shared/org.ts';
import type { TPodRole } from '../../shared/roles.ts';
import type { TSettings } from '../../shared/settings.ts';

export interface PodMemberFacts {
  personId: string;
  name: string;
  role: TPodRole;
  active: boolean;
  /** Names of the other pods this person is also in. */
  otherPods: string[];
}

type Targets = TSettings['pods'];

export function countRoles(members: readonly { role: TPodRole }[]): Record<TPodRole, number> {
  const counts: Record<TPodRole, number> = { pm: 0, engineer: 0, designer: 0 };
  for (const m of members) counts[m.role] += 1;
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The 3-1-1 check (velocity framework: 3 engineers, 1 designer, 1 PM, single-threaded). These are warnings:
 * a pod being formed is still a pod. Only `maxPms` is a hard rule (see podCompositionErrors).
 */
export function podWarnings(
  members: readonly PodMemberFacts[],
  targets: Targets,
  hasRotation: boolean,
): TPodWarning[] {
  const warnings: TPodWarning[] = [];
  const counts = countRoles(members);
  const expected = `${targets.engineers}-${targets.designers}-${targets.pms}`;
  if (
    counts.engineer !== targets.engineers ||
    counts.designer !== targets.designers ||
    counts.pm !== targets.pms
  ) {
    warnings.push({
      code: 'composition',
      message: `Not ${expected}: has ${plural(counts.engineer, 'engineer')}, ${plural(counts.designer, 'designer')} and ${plural(counts.pm, 'PM')} (target ${plural(targets.engineers, 'engineer')}, ${plural(targets.designers, 'designer')}, ${plural(targets.pms, 'PM')}).`,
    });
  }
  for (const m of members) {
    if (m.otherPods.length > 0) {
      warnings.push({
        code: 'multi_pod',
        message: `${m.name} is also in ${m.otherPods.join(', ')}: not single-threaded.`,
      });
    }
    if (!m.active) warnings.push({ code: 'inactive_member', message: `${m.name} is no longer active.` });
  }
  if (members.length > 0 && !hasRotation) {
    warnings.push({
      code: 'no_rotation',
      message: 'No production-engineering rotation this week: nobody shields the pod from inbound bugs.',
    });
  }
  return warnings;
}

/** Hard composition rules, as field errors against `members`. */
export function podCompositionErrors(
  members: readonly { personId: string; role: TPodRole }[],
  targets: Targets,
): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const counts = countRoles(members);
  if (counts.pm > targets.maxPms) {
    errors.push({
      path: 'members',
      message: `has ${counts.pm} PMs; a pod has at most ${targets.maxPms} (single-threaded ownership)`,
    });
  }
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.personId))
      errors.push({ path: `members.${i}.personId`, message: 'is listed twice in this pod' });
    seen.add(m.personId);
  });
  return errors;
}
