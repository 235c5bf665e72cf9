import type { Db } from '../../../db/client.ts';
import { getOccurrenceDetail } from '../../../services/cadence/attendance.ts';
import { getRitual } from '../../../services/cadence/rituals.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import type { Resource } from '../../policies/index.ts';
import { crudLoader } from '../crud.ts';

export const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
export const ritualResource = (): Resource => ({ type: 'ritual' });

export function cadenceLoaders(db: Db) {
  return {
    ritual: crudLoader(db, getRitual, ritualResource),
    occurrence: crudLoader(
      db,
      getOccurrenceDetail,
      (o): Resource => ({ type: 'occurrence', ownerRole: o.ownerRole, ownerPersonId: o.ownerPersonId }),
    ),
  };
}
