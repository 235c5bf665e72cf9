import type { Actor } from '../../../services/actor.ts';
import type { Reader } from '../../../services/roadmap/item-reads.ts';
import { can } from '../../policies/index.ts';

export const seesInternal = (actor: Actor) =>
  can(actor, 'read', { type: 'roadmap_item', visibility: 'internal' });

/** The product org reads the working roadmap; anyone else only what was ratified for stakeholders. */
export const readerOf = (actor: Actor): Reader => (seesInternal(actor) ? 'org' : 'stakeholder');
