import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { createTestDb, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a real database of its own, for in-process HTTP tests with inject(). */
export async function createTestApp(config: Partial<{ signInPerMinute: number }> = {}): Promise<TestApp> {
  const database = await createTestDb();
  const app = await buildApp({
    db: database.db,
    config: { secureCookies: false, sessionHours: 24, signInPerMinute: config.signInPerMinute ?? 1000 },
  });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
