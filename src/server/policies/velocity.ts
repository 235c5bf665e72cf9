import { inProductOrg } from '../../shared/roles.ts';
import type { Policies } from './resources.ts';

/**
 * Issue 15 (C7): bets and experiment briefs are how the product org plans its own work, with harmful signals
 * and options not chosen: the product org's to read and write, any of its members (a pod plans together).
 * Owning a bet grants nothing: it names who answers for it.
 */
export const VELOCITY_POLICIES: Policies<'bet' | 'experiment_brief' | 'velocity' | 'metrics'> = {
  bet: (actor, action) => action !== 'delete' && inProductOrg(actor.roles),
  experiment_brief: (actor, action) => action !== 'delete' && inProductOrg(actor.roles),
  // Pod throughput and plans with item sizes are internal planning, like the roadmap's working state.
  velocity: (actor, action) => action === 'read' && inProductOrg(actor.roles),
  // The records behind the figures name people and internal launches (issue 16).
  metrics: (actor, action) => action === 'read' && inProductOrg(actor.roles),
};
