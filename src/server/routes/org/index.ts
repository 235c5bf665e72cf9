import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { listAudit } from '../../../services/audit.ts';
import { createArea, deleteArea, getArea, listAreas, updateArea } from '../../../services/org/areas.ts';
import {
  createPerson,
  deletePerson,
  getPerson,
  listPeople,
  updatePerson,
} from '../../../services/org/people.ts';
import {
  createPod,
  deletePod,
  getPod,
  listPods,
  type PodView,
  updatePod,
} from '../../../services/org/pods.ts';
import { listRaci, replaceRaci } from '../../../services/org/raci.ts';
import { getOidcClientSecret, getSettings, updateSettings } from '../../../services/org/settings.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import {
  ZArea,
  ZAreaInput,
  ZAreaList,
  ZAreaPatch,
  ZAuditList,
  ZAuditQuery,
  ZPerson,
  ZPersonInput,
  ZPersonList,
  ZPersonPatch,
  ZPod,
  ZPodInput,
  ZPodList,
  ZPodPatch,
  ZRaci,
  ZRaciInput,
} from '../../../shared/org.ts';
import type { TRole } from '../../../shared/roles.ts';
import { ZSettings, ZSettingsReply } from '../../../shared/settings.ts';
import { can, type Resource } from '../../policies/index.ts';
import { crudLoader, registerCrud } from '../crud.ts';
import { contractLoaders, contractRoutes, withContracts } from './contracts.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody };

const personResource = (p: { id: string; roles: readonly TRole[] }): Resource => ({
  type: 'person',
  id: p.id,
  roles: p.roles,
});
const areaResource = (a: { ownerPmId: string | null }): Resource => ({
  type: 'area',
  ownerPmId: a.ownerPmId,
});
const podResource = (p: PodView): Resource => ({
  type: 'pod',
  areaOwnerId: p.areaOwnerId,
  pmIds: p.members.filter((m) => m.role === 'pm').map((m) => m.personId),
});

export function orgLoaders(db: Db) {
  return {
    person: crudLoader(db, getPerson, personResource),
    area: crudLoader(db, getArea, areaResource),
    pod: crudLoader(db, getPod, podResource),
    ...contractLoaders(db),
  };
}

/** C1: people, areas, pods (and their strategy contracts), settings, RACI and the audit log. */
export async function orgRoutes(app: FastifyInstance): Promise<void> {
  registerCrud(app, {
    path: '/people',
    resource: 'person',
    label: 'people',
    schemas: { input: ZPersonInput, patch: ZPersonPatch, item: ZPerson, list: ZPersonList },
    services: {
      list: listPeople,
      get: getPerson,
      create: createPerson,
      update: updatePerson,
      remove: deletePerson,
    },
    resourceOf: personResource,
  });
  registerCrud(app, {
    path: '/areas',
    resource: 'area',
    label: 'areas',
    schemas: { input: ZAreaInput, patch: ZAreaPatch, item: ZArea, list: ZAreaList },
    services: { list: listAreas, get: getArea, create: createArea, update: updateArea, remove: deleteArea },
    resourceOf: areaResource,
  });
  registerCrud(app, {
    path: '/pods',
    resource: 'pod',
    label: 'pods',
    schemas: { input: ZPodInput, patch: ZPodPatch, item: ZPod, list: ZPodList },
    services: { list: listPods, get: getPod, create: createPod, update: updatePod, remove: deletePod },
    resourceOf: podResource,
    decorate: withContracts,
  });
  await app.register(contractRoutes);
  registerSingletons(app);
}

function registerSingletons(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const settingsReply = async (actor: Parameters<typeof can>[0]) => ({
    settings: await getSettings(db),
    secrets: { oidcClientSecretSet: (await getOidcClientSecret(db)) !== null },
    permissions: { update: can(actor, 'update', { type: 'settings' }) },
  });
  r.get('/settings', {
    config: { policy: { resource: 'settings', action: 'read' } },
    schema: { tags: ['settings'], summary: 'Org settings', response: { 200: ZSettingsReply, ...errors } },
    handler: async (req) => settingsReply(req.actor!),
  });
  r.put('/settings', {
    config: { policy: { resource: 'settings', action: 'update' } },
    schema: {
      tags: ['settings'],
      summary: 'Replace org settings',
      body: ZSettings,
      response: { 200: ZSettingsReply, ...errors },
    },
    handler: async (req) => {
      // Time zone, holidays and the work week move occurrences: the save asks the jobs to re-plan them at once.
      await updateSettings({ db, actor: req.actor!, now: req.now, settings: req.body });
      return settingsReply(req.actor!);
    },
  });
  const raciReply = async (actor: Parameters<typeof can>[0]) => ({
    items: await listRaci(db),
    permissions: { update: can(actor, 'update', { type: 'raci' }) },
  });
  r.get('/raci', {
    config: { policy: { resource: 'raci', action: 'read' } },
    schema: { tags: ['settings'], summary: 'RACI matrix', response: { 200: ZRaci, ...errors } },
    handler: async (req) => raciReply(req.actor!),
  });
  r.put('/raci', {
    config: { policy: { resource: 'raci', action: 'update' } },
    schema: {
      tags: ['settings'],
      summary: 'Replace the RACI matrix',
      body: ZRaciInput,
      response: { 200: ZRaci, ...errors },
    },
    handler: async (req) => {
      await replaceRaci({ db, actor: req.actor!, items: req.body.items });
      return raciReply(req.actor!);
    },
  });
  r.get('/audit', {
    config: { policy: { resource: 'audit', action: 'read' } },
    schema: {
      tags: ['audit'],
      summary: 'Audit log, newest first',
      querystring: ZAuditQuery,
      response: { 200: ZAuditList, ...errors },
    },
    handler: async (req) => listAudit(db, req.query),
  });
}
