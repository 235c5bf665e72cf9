import type { Db } from '../../../db/client.ts';
import { getRouting } from '../../../services/insights/triage.ts';
import { areaOwnerOf } from '../../../services/org/areas.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import type { Resource } from '../../policies/index.ts';

export const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
export const tags = ['insights'];

/** Running the triage, assigning a routed theme, publishing the digest: the org's managers, not per item. */
export const managers = {
  policy: {
    resource: 'insights_admin' as const,
    action: 'update' as const,
    resolve: async (): Promise<Resource> => ({ type: 'insights_admin' }),
  },
};

export function insightLoaders(db: Db) {
  return {
    insight_routing: async (_req: unknown, id: string) => {
      const r = await getRouting(db, id);
      if (!r) return null;
      const area = r.areaId ? await areaOwnerOf(db, r.areaId) : null;
      const resource: Resource = {
        type: 'insight_routing',
        ownerId: r.ownerId,
        areaOwnerId: area?.ownerPmId,
      };
      return { resource, value: r };
    },
  };
}
