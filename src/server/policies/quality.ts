import { isOrgManager } from '../../services/actor.ts';
import { inProductOrg } from '../../shared/roles.ts';
import type { Policies } from './resources.ts';

const decides = (personId: string | null, deciderIds: readonly string[] | undefined) =>
  personId !== null && (deciderIds ?? []).includes(personId);

/**
 * Issue 15: an area's quality controls (confused customers, Polish Mode) are the product org's to read: the
 * tickets behind them name customers. So are its bugs; a bug is decided (fix now / won't fix) by its area's PM or
 * the production-engineering rotation of the week, Product Ops and the Head of Product (and admins); the person
 * fixing it may also close it as fixed.
 */
export const QUALITY_POLICIES: Policies<'area_quality' | 'bug' | 'bug_fix'> = {
  area_quality: (actor, action) => action === 'read' && inProductOrg(actor.roles),
  bug: (actor, action, r) =>
    inProductOrg(actor.roles) &&
    (action === 'read' ||
      (action === 'update' && (isOrgManager(actor) || decides(actor.personId, r.deciderIds)))),
  bug_fix: (actor, action, r) =>
    inProductOrg(actor.roles) &&
    action === 'update' &&
    (isOrgManager(actor) ||
      decides(actor.personId, r.deciderIds) ||
      (actor.personId !== null && r.assigneeId === actor.personId)),
};
