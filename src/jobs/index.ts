import { hostname } from 'node:os';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Config } from '../config/env.ts';
import type { Database, DatabaseTarget } from '../db/client.ts';
import { scheduledActions } from '../db/schema/index.ts';
import { BROADCAST_ACTIONS } from '../services/broadcasts/hold.ts';
import { planAhead } from '../services/cadence/occurrences.ts';
import { CADENCE_ACTIONS } from '../services/cadence/reminders.ts';
import { DECISION_ACTIONS } from '../services/decisions/reminders.ts';
import { monthlyDigestHandler } from '../services/insights/digest.ts';
import { retrainHandler } from '../services/insights/learning.ts';
import { planInsights } from '../services/insights/plan.ts';
import { weeklyTriageHandler } from '../services/insights/triage.ts';
import { pruneMetricChanges, refreshMetricSnapshots } from '../services/metrics/snapshots.ts';
import { getSettings } from '../services/org/settings.ts';
import { watchBugs } from '../services/quality/bug-watch.ts';
import { POLISH_ACTIONS, watchPolishMode } from '../services/quality/polish-watch.ts';
import { postLaunchReminder } from '../services/releases/post-launch.ts';
import { releaseDeadlineWarning } from '../services/releases/warnings.ts';
import { ROADMAP_ACTIONS } from '../services/roadmap/review-actions.ts';
import type { ActionHandlers } from '../services/scheduling.ts';
import { inScope } from '../services/scope.ts';
import { SLACK_ACTIONS } from '../services/slack/share-updates.ts';
import { awarenessSurveyHandler } from '../services/surveys/awareness.ts';
import { planPulse, pulseHandler } from '../services/surveys/pulse.ts';
import { syncTrackersJob } from '../services/trackers/job.ts';
import { replanOpenCycles } from '../services/updates/cycles.ts';
import { weeklyUpdateAutoPublish } from '../services/updates/publish.ts';
import { weeklyUpdateReminder } from '../services/updates/reminders.ts';
import { sweepGatesForWebhooks, WEBHOOK_ACTIONS } from '../services/webhooks/gate-check.ts';
import type { Clock } from '../shared/clock.ts';
import { DEFAULT_METRIC_WEEKS } from '../shared/metrics.ts';
import { runDueActions } from './actions.ts';
import { createBoss } from './boss.ts';
import { createDeliverers } from './deliverers.ts';
import type { Deliverers } from './outbox-relay.ts';
import { startOutboxRelay } from './outbox-relay.ts';

/** Any fixed number: serialises queue creation across app instances. */
const QUEUE_SETUP_LOCK_KEY = 724_113_004;

const Q = {
  tick: 'prodops_tick',
  action: 'prodops_action',
  plan: 'prodops_plan',
  trackers: 'prodops_tracker_sync',
  gateSweep: 'prodops_gate_sweep',
  polishWatch: 'prodops_polish_watch',
} as const;

/**
 * Every 15 minutes: every time zone's offset is a whole number of quarter hours, so each org's midnight (when
 * lead-time deadlines pass and readiness dates fall due) is a run; overrides' ends are scheduled at their instant.
 */
export const GATE_SWEEP_CRON = '*/15 * * * *';
/** Hourly: the safety net under the check scheduled after each intake (a crashed import, a missed action). */
export const POLISH_WATCH_CRON = '5 * * * *';

/** The handler of every kind in the catalog (services/scheduling.ts): a kind without one does not compile. */
export const ACTION_HANDLERS: ActionHandlers = {
  ...CADENCE_ACTIONS,
  'weekly_update.remind': weeklyUpdateReminder,
  'weekly_update.publish': weeklyUpdateAutoPublish,
  'release.deadline_warning': releaseDeadlineWarning,
  'release.post_launch': postLaunchReminder,
  'insights.triage': weeklyTriageHandler,
  'insights.digest': monthlyDigestHandler,
  'insights.retrain': retrainHandler,
  ...DECISION_ACTIONS,
  ...ROADMAP_ACTIONS,
  ...SLACK_ACTIONS,
  'survey.launch_awareness': awarenessSurveyHandler,
  'survey.pm_pulse': pulseHandler,
  ...BROADCAST_ACTIONS,
  ...WEBHOOK_ACTIONS,
  ...POLISH_ACTIONS,
};

export interface Jobs {
  boss: PgBoss;
  instance: string;
  /** Deliver outbox rows now rather than at the relay's next idle tick. */
  nudgeOutbox(): void;
  /** Run due scheduled actions now (the same work the per-minute tick does). */
  runActions(): Promise<void>;
  /** Queue pg-boss one-off jobs at the instants of actions due within two minutes (the tick's other step). */
  queueUpcoming(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  database: Database;
  target: DatabaseTarget;
  config: Pick<Config, 'delivery' | 'publicUrl'>;
  deliverers?: Deliverers;
  clock: Clock;
  /** Defaults to ACTION_HANDLERS. */
  handlers?: Partial<ActionHandlers>;
  log?: (msg: string, err?: unknown) => void;
  relayIdleMs?: number;
}

/**
 * Lets the requests waiting on the event loop in between steps of the start-up catch-up: on PGlite a chain of
 * queries resolves on this thread through promises alone, and the server listens before the jobs start.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Scheduled work for one app instance, on pg-boss: a per-minute tick runs due actions and queues one-off jobs
 * at the exact instants of the actions due within two minutes; a daily plan at 00:10 in the org's time zone
 * moves every ritual's window. The outbox relay delivers notifications. All of it is safe to run in several
 * instances at once: actions and outbox rows are claimed with row locks.
 */
export async function startJobs(opts: StartJobsOptions): Promise<Jobs> {
  const { db } = opts.database;
  const instance = `${hostname()}:${process.pid}`;
  const log = opts.log ?? (() => {});
  const boss = createBoss(opts.database, opts.target);
  boss.on('error', (err) => log('pg-boss error', err));
  // pg-boss 10 creates a queue's partition in DDL that deadlocks when two instances do it at once: one at a
  // time on a server. start() is inside too: its cron timekeeper creates a queue of its own (__pgboss__send-it).
  // (PGlite has one process, and pg-boss shares its single connection: no lock there.)
  const setUp = async () => {
    await boss.start();
    for (const name of Object.values(Q)) if (!(await boss.getQueue(name))) await boss.createQueue(name);
  };
  if (opts.target.kind === 'postgres') {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${QUEUE_SETUP_LOCK_KEY})`);
      await setUp();
    });
  } else {
    await setUp();
  }
  await breathe();

  // Set once the relay runs: actions that ran have committed what they enqueued, so it looks now.
  let nudge = () => {};
  const runActions = async () => {
    const out = await runDueActions({
      db,
      handlers: opts.handlers ?? ACTION_HANDLERS,
      clock: opts.clock,
      instance,
      onError: (a, err) => log(`action ${a.key} failed`, err),
    });
    if (out.ran > 0) nudge();
  };
  const queueUpcoming = async () => {
    const now = opts.clock.now();
    const soon = await db
      .select({ key: scheduledActions.key, dueAt: scheduledActions.dueAt })
      .from(scheduledActions)
      .where(
        and(
          eq(scheduledActions.status, 'pending'),
          gt(scheduledActions.dueAt, now),
          lte(scheduledActions.dueAt, new Date(now.getTime() + 120_000)),
        ),
      );
    for (const a of soon)
      await boss.send(Q.action, { key: a.key }, { startAfter: a.dueAt, singletonKey: a.key });
  };
  // The daily plan: rituals' occurrence window, the next weekly triage and monthly digest, Polish Mode news, and
  // bugs (synced from the feedback, the overdue ones put to their deciders, the weekly nudge), then the metrics'
  // change log pruned (the next tick recomputes their snapshots for the new day, not the start-up).
  const plan = () =>
    inScope(async () => {
      const now = opts.clock.now();
      await planAhead(db, now);
      await breathe();
      await replanOpenCycles(db, now);
      await breathe();
      await planInsights(db, now);
      await watchPolishMode(db, now);
      await breathe();
      await planPulse(db, now);
      await watchBugs(db, now);
      await breathe();
      await pruneMetricChanges(db);
    });
  // The metrics page's snapshots, kept fresh in the background (each metric only when its records moved).
  const refreshMetrics = () =>
    refreshMetricSnapshots(db, opts.clock.now(), DEFAULT_METRIC_WEEKS).catch((err) =>
      log('metrics refresh failed', err),
    );
  let timeZone = (await getSettings(db)).timeZone;
  const schedulePlan = () => boss.schedule(Q.plan, '10 0 * * *', {}, { tz: timeZone });

  await boss.work(Q.action, async () => runActions());
  await boss.work(Q.plan, async () => plan());
  await boss.work(Q.tick, async () => {
    await runActions();
    await queueUpcoming();
    await refreshMetrics();
    const tz = (await getSettings(db)).timeZone;
    if (tz !== timeZone) {
      timeZone = tz;
      await schedulePlan();
      await plan();
    }
  });
  // Tracker connections (issue 18): what webhooks missed, every 15 minutes; one run at a time across instances.
  await boss.work(Q.trackers, async () => {
    await syncTrackersJob({
      db,
      clock: opts.clock,
      log,
      allowPrivate: opts.config.delivery.webhookAllowPrivate,
    });
    nudge();
  });
  // Webhooks (issue 18): the gates time alone changes, and Polish Mode between intakes' own checks.
  await boss.work(Q.gateSweep, async () => {
    await inScope(() => sweepGatesForWebhooks(db, opts.clock.now()));
    nudge();
  });
  await boss.work(Q.polishWatch, async () => {
    await inScope(() => watchPolishMode(db, opts.clock.now()));
    nudge();
  });
  await breathe();
  await boss.schedule(Q.tick, '* * * * *');
  await boss.schedule(Q.trackers, '*/15 * * * *', {}, { singletonKey: 'tracker-sync' });
  await boss.schedule(Q.gateSweep, GATE_SWEEP_CRON, {}, { singletonKey: 'gate-sweep' });
  await boss.schedule(Q.polishWatch, POLISH_WATCH_CRON, {}, { singletonKey: 'polish-watch' });
  await schedulePlan();

  // Catch up at start: after downtime, what came due runs once now (or is recorded as missed).
  await breathe();
  await plan();
  await runActions();
  await breathe();
  await queueUpcoming();

  const deliverers = opts.deliverers ?? createDeliverers(db, opts.config, opts.clock);
  const relay = startOutboxRelay({
    db,
    deliverers,
    instance,
    maxAttempts: opts.config.delivery.maxAttempts,
    backoffMs: opts.config.delivery.backoffMs,
    idleMs: opts.relayIdleMs ?? 1000,
    onError: (err) => log('outbox relay error', err),
  });
  nudge = relay.nudge;
  return {
    boss,
    instance,
    nudgeOutbox: relay.nudge,
    runActions,
    queueUpcoming,
    stop: async () => {
      await relay.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      if ('close' in deliverers && typeof deliverers.close === 'function') deliverers.close();
    },
  };
}
