import type { FastifyInstance } from 'fastify';
import {
  createRitual,
  deleteRitual,
  getRitual,
  listRituals,
  updateRitual,
} from '../../../services/cadence/rituals.ts';
import { ZRitual, ZRitualInput, ZRitualList, ZRitualPatch } from '../../../shared/cadence.ts';
import { registerCrud } from '../crud.ts';
import { ritualResource } from './common.ts';

/** Rituals: list, read, create, update, delete. */
export async function ritualRoutes(app: FastifyInstance): Promise<void> {
  registerCrud(app, {
    path: '/rituals',
    resource: 'ritual',
    label: 'rituals',
    schemas: { input: ZRitualInput, patch: ZRitualPatch, item: ZRitual, list: ZRitualList },
    services: {
      list: listRituals,
      get: getRitual,
      create: createRitual,
      update: updateRitual,
      remove: deleteRitual,
    },
    resourceOf: ritualResource,
  });
}
