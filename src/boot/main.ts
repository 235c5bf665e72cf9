import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/env.ts';
import { type Database, type DatabaseTarget, openDatabase, runMigrations } from '../db/client.ts';
import { acquireLock, releaseLock } from '../db/embedded.ts';
import { type Jobs, startJobs } from '../jobs/index.ts';
import { buildApp } from '../server/app.ts';
import { ensureOrgDefaults } from '../services/org/defaults.ts';
import { findPersonByEmail } from '../services/org/people.ts';
import { demoPersonas, demoSignInLines, seedDemoIfEmpty } from '../services/setup/demo.ts';
import { type Clock, systemClock } from '../shared/clock.ts';

export function targetOf(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbPoolSize'>): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.dbPoolSize }
    : { kind: 'pglite', dataDir: config.dataDir };
}

/** Opens, migrates and readies the database; in embedded mode also takes the data dir and shares it. */
export async function prepareDatabase(
  config: Config,
  log: (line: string) => void,
  clock: Clock,
): Promise<{ database: Database; stop(): Promise<void> }> {
  const target = targetOf(config);
  if (target.kind === 'pglite') {
    const lock = acquireLock(config.dataDir, 'server');
    if (!lock.ok) {
      throw new Error(
        `${config.dataDir} is in use by another prodops process (pid ${lock.holder.pid}, ${lock.holder.role}); stop it or set PRODOPS_DATA_DIR`,
      );
    }
  }
  // The server's PGlite runs on a worker thread: a heavy list must not stall every other request.
  const database = await openDatabase(target.kind === 'pglite' ? { ...target, thread: 'worker' } : target);
  await runMigrations(target, database);
  await ensureOrgDefaults(database.db, clock.now());
  let socket: { stop(): Promise<void> } | null = null;
  if (database.shareOverSocket) {
    socket = await database.shareOverSocket(config.dataDir).catch((err: Error) => {
      log(
        `warning: CLI admin commands cannot reach this server's database (${err.message}); stop the server to use them`,
      );
      return null;
    });
  }
  return {
    database,
    stop: async () => {
      await socket?.stop();
      await database.close();
      if (target.kind === 'pglite') releaseLock(config.dataDir);
    },
  };
}

/** `prodops serve` / `npm start`: the whole product in one process. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
  clock: Clock = systemClock,
): Promise<FastifyInstance> {
  const prepared = await prepareDatabase(config, log, clock);
  const { db } = prepared.database;
  const seeded = config.demo === 'on' && (await seedDemoIfEmpty(db, clock.now())) !== null;
  // Scheduled work starts after the server listens (pg-boss's start takes ~1 s): a write before then finds no
  // jobs to nudge, and the relay's first pass picks up what it enqueued.
  let jobs: Jobs | null = null;
  const app = await buildApp({
    db,
    clock,
    readCacheMs: config.readCacheMs,
    config: {
      ...config,
      slackWebhookAnyHost: config.delivery.slackWebhookAnyHost,
      webhookAllowPrivate: config.delivery.webhookAllowPrivate,
      slackBotToken: config.delivery.slackBotToken,
      slackApiUrl: config.delivery.slackApiUrl,
      smtpUrl: config.delivery.smtpUrl,
    },
    onEnqueued: () => {
      jobs?.nudgeOutbox();
      // A write may have scheduled something due within the minute (an undo window's end): queue it at its
      // instant now rather than at the next per-minute tick.
      jobs?.queueUpcoming().catch((err) => log(`queueing upcoming actions failed: ${String(err)}`));
    },
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    requestLogging: ['debug', 'trace'].includes(config.logLevel),
  });
  let jobsStarting: Promise<unknown> = Promise.resolve();
  app.addHook('onClose', async () => {
    await jobsStarting.catch(() => {});
    await jobs?.stop();
    await prepared.stop();
  });
  await app.listen({ port: config.port, host: config.host });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // Close cleanly (the embedded database flushes to disk), then leave even if a client keeps a socket open.
    process.once(signal, () => {
      app
        .close()
        .catch(() => {
          process.exitCode = 1;
        })
        .finally(() => setImmediate(process.exit));
    });
  }
  if (config.jobs) {
    jobsStarting = startJobs({
      database: prepared.database,
      target: targetOf(config),
      config,
      clock,
      log: (msg, err) => log(`${msg}${err ? `: ${err instanceof Error ? err.message : String(err)}` : ''}`),
    }).then((started) => {
      jobs = started;
    });
    await jobsStarting;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.dataDir}`;
  log(`prodops is running on http://localhost:${port} (${where})`);
  if (seeded || (config.demo === 'on' && (await findPersonByEmail(db, demoPersonas()[0]!.email)))) {
    log(`${seeded ? 'Loaded the demo org. ' : ''}Sign in as any of the demo people:`);
    for (const line of demoSignInLines()) log(line);
  }
  return app;
}
