import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.ts';
import type { StatusAnswerer } from '../src/server/routes/slack/index.ts';
import { type Clock, systemClock } from '../src/shared/clock.ts';
import { createTestDb, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real app on a real database of its own, for in-process HTTP tests with inject(). A test that depends on
 * the instant passes its own clock (manualClock); the rest run at whatever now the machine says.
 */
export async function createTestApp(
  config: Partial<{
    signInPerMinute: number;
    clock: Clock;
    onEnqueued: () => void;
    /** Who a credential is and which version is published, reused this long (server/read-cache.ts); off by default. */
    readCacheMs: number;
    /** The instant the org's default rituals are planned around (default: the real time). */
    planFrom: Date;
    /** PRODOPS_PUBLIC_URL: the base of the addresses the app gives out (the single sign-on callback). */
    publicUrl: string;
    /** PRODOPS_WEBHOOK_ALLOW_PRIVATE: webhook URLs on these private hosts/ranges (`all`: any); none by default. */
    webhookAllowPrivate: 'all' | string[];
    /** The Slack app: its signing secret and what answers /status; response URLs may be on any host (a peer). */
    slack: {
      signingSecret: string;
      answerer?: StatusAnswerer;
      publicUrl?: string;
      botToken?: string;
      apiUrl?: string;
    };
  }> = {},
): Promise<TestApp> {
  const database = await createTestDb({ now: config.planFrom });
  const app = await buildApp({
    db: database.db,
    clock: config.clock ?? systemClock,
    onEnqueued: config.onEnqueued,
    readCacheMs: config.readCacheMs,
    config: {
      secureCookies: false,
      sessionHours: 24,
      signInPerMinute: config.signInPerMinute ?? 1000,
      ...(config.publicUrl ? { publicUrlFromEnv: config.publicUrl } : {}),
      ...(config.webhookAllowPrivate ? { webhookAllowPrivate: config.webhookAllowPrivate } : {}),
      ...(config.slack
        ? {
            slackSigningSecret: config.slack.signingSecret,
            slackWebhookAnyHost: true,
            publicUrlFromEnv: config.slack.publicUrl,
            slackBotToken: config.slack.botToken,
            slackApiUrl: config.slack.apiUrl,
          }
        : {}),
    },
    ...(config.slack?.answerer ? { statusAnswerer: config.slack.answerer } : {}),
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
