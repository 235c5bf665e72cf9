import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../db/client.ts';

export function roadmapLoaders(_db: Db) {
  return {};
}

export async function roadmapRoutes(_app: FastifyInstance): Promise<void> {}
