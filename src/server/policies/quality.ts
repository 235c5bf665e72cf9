import { inProductOrg } from '../../shared/roles.ts';
import type { Policies } from './resources.ts';

/**
 * Issue 15: an area's quality controls (confused customers, Polish Mode) are the product org's to read: the
 * tickets behind them name customers.
 */
export const QUALITY_POLICIES: Policies<'area_quality'> = {
  area_quality: (actor, action) => action === 'read' && inProductOrg(actor.roles),
};
