import type { Policies } from './resources.ts';

/** Issue 14: anyone signed in may ask "what's the status of X?"; each answer is cut to what they may read. */
export const STATUS_POLICIES: Policies<'status'> = {
  status: (_actor, action) => action === 'read',
};
