import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../db/client.ts';

export function decisionsLoaders(_db: Db) {
  return {};
}

export async function decisionsRoutes(_app: FastifyInstance): Promise<void> {}
