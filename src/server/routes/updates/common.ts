import type { Db } from '../../../db/client.ts';
import { getFollowUp } from '../../../services/updates/follow-ups.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import type { Resource } from '../../policies/index.ts';
import { crudLoader } from '../crud.ts';

export const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

export function updateLoaders(db: Db) {
  return {
    follow_up: crudLoader(
      db,
      getFollowUp,
      (f): Resource => ({ type: 'follow_up', assigneeIds: f.assigneeIds }),
    ),
  };
}
