import { isOrgManager } from '../../services/actor.ts';
import { inProductOrg } from '../../shared/roles.ts';
import type { Policies } from './resources.ts';

/**
 * Issue 16: survey results are the product org's to read (stakeholders answer their own, by link or signed in,
 * and never see others'); Product Ops and up start a quarter's PM pulse.
 */
export const SURVEY_POLICIES: Policies<'survey'> = {
  survey: (actor, action) =>
    action === 'read' ? inProductOrg(actor.roles) : action === 'create' && isOrgManager(actor),
};
