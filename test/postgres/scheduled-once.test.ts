import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type DatabaseTarget, openDatabase, runMigrations } from '../../src/db/client.ts';
import { scheduledActions } from '../../src/db/schema/index.ts';
import {
  ACTION_HANDLERS,
  GATE_SWEEP_CRON,
  type Jobs,
  POLISH_WATCH_CRON,
  startJobs,
} from '../../src/jobs/index.ts';
import { ensureOrgDefaults } from '../../src/services/org/defaults.ts';
import { type ActionHandlers, scheduleAction } from '../../src/services/scheduling.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { createServerDatabase } from '../db.ts';

/**
 * Two app instances (each with its own connection pool, pg-boss and job runner) on one PostgreSQL database:
 * a scheduled action fires once. Included by vitest.config.ts only when DATABASE_URL is set.
 */
const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) throw new Error('test/postgres needs DATABASE_URL');

let server: { url: string; drop(): Promise<void> };
const instances: { database: Database; jobs: Jobs }[] = [];
const runs: { key: string }[] = [];
const handlers: ActionHandlers = {
  ...ACTION_HANDLERS,
  // A real kind stands in: the catalog has no test kinds.
  'insights.retrain': async ({ action }) => {
    runs.push({ key: action.key });
  },
};
const noDelivery = {
  email: async () => ({ ok: true as const, detail: 'test' }),
  slack: async () => ({ ok: true as const, detail: 'test' }),
};
const config = {
  publicUrl: 'http://localhost:3000',
  delivery: {
    maxAttempts: 3,
    backoffMs: 10,
    smtpUrl: undefined,
    smtpFrom: 'x@example.com',
    slackBotToken: undefined,
    slackApiUrl: 'http://127.0.0.1:9',
    slackWebhookAnyHost: true,
    webhookAllowPrivate: [],
  },
};

beforeAll(async () => {
  server = await createServerDatabase(baseUrl);
  const target: DatabaseTarget = { kind: 'postgres', url: server.url, poolSize: 4 };
  const opened = [await openDatabase(target), await openDatabase(target)];
  await Promise.all(opened.map((d) => runMigrations(target, d)));
  await Promise.all(opened.map((d) => ensureOrgDefaults(d.db, systemClock.now())));
  const started = await Promise.all(
    opened.map((database) =>
      startJobs({ database, target, config, handlers, deliverers: noDelivery, clock: systemClock }),
    ),
  );
  for (const [i, database] of opened.entries()) instances.push({ database, jobs: started[i]! });
});

afterAll(async () => {
  for (const i of instances) {
    await i.jobs.stop();
    await i.database.close();
  }
  await server?.drop();
});

describe('two instances on one PostgreSQL database', () => {
  it('fire a scheduled action once, at its instant, even when both go for it at the same moment', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const dueAt = new Date(Date.now() + 1500);
    for (let i = 0; i < 10; i++) {
      await a.database.db.transaction((tx) =>
        scheduleAction(tx, {
          kind: 'insights.retrain',
          key: `fire-${i}`,
          dueAt,
          latePolicy: 'run_late',
          payload: {},
        }),
      );
    }
    // Both instances' pg-boss workers get one-off jobs for these instants; on top, race both runners by hand.
    await a.jobs.runActions();
    await new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, dueAt.getTime() - Date.now())));
    await Promise.all([a.jobs.runActions(), b.jobs.runActions(), a.jobs.runActions(), b.jobs.runActions()]);
    await expect
      .poll(
        async () =>
          (
            await a.database.db.select().from(scheduledActions).where(eq(scheduledActions.status, 'done'))
          ).filter((r) => r.key.startsWith('fire-')).length,
        { timeout: 15_000 },
      )
      .toBe(10);
    expect(
      runs
        .filter((r) => r.key.startsWith('fire-'))
        .map((r) => r.key)
        .sort(),
    ).toEqual(Array.from({ length: 10 }, (_, i) => `fire-${i}`).sort());
    const rows = await b.database.db
      .select()
      .from(scheduledActions)
      .where(eq(scheduledActions.kind, 'insights.retrain'));
    for (const r of rows) expect(r.ranAt!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    expect(new Set(rows.map((r) => r.ranBy)).size).toBeGreaterThanOrEqual(1);
  });

  it('pg-boss alone (no manual runs) fires a newly due action once', async () => {
    const [a] = instances as [(typeof instances)[0]];
    const dueAt = new Date(Date.now() + 1000);
    await a.database.db.transaction((tx) =>
      scheduleAction(tx, {
        kind: 'insights.retrain',
        key: 'boss-only',
        dueAt,
        latePolicy: 'run_late',
        payload: {},
      }),
    );
    // The per-minute tick queues one-off jobs for actions due within two minutes; run the same step now.
    await instances[1]!.jobs.queueUpcoming();
    await expect
      .poll(async () => runs.filter((r) => r.key === 'boss-only').length, { timeout: 20_000, interval: 200 })
      .toBe(1);
    await new Promise<void>((resolve) => setTimeout(resolve, 3000)); // give a second delivery every chance to happen
    expect(runs.filter((r) => r.key === 'boss-only')).toHaveLength(1);
  });

  it('schedules the gate sweep and the Polish Mode watch (issue 18) beside the tick', async () => {
    const schedules = await instances[0]!.jobs.boss.getSchedules();
    const cron = Object.fromEntries(schedules.map((s) => [s.name, s.cron]));
    expect(cron).toMatchObject({
      prodops_gate_sweep: GATE_SWEEP_CRON,
      prodops_polish_watch: POLISH_WATCH_CRON,
    });
  });
});
