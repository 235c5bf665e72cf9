import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { DEFAULT_WEB_DIR, loadConfig } from '../../config/env.ts';
import { MIGRATIONS_DIR } from '../../db/client.ts';
import { readLock } from '../../db/embedded.ts';
import { withAdminDb } from '../admin-db.ts';

/** `prodops doctor`: loaded only when it runs, so `prodops --help` does not load the database drivers. */
export async function doctor(): Promise<boolean> {
  let healthy = true;
  const line = (good: boolean | null, text: string) => {
    if (good === false) healthy = false;
    console.log(`${good === null ? '–' : good ? '✓' : '✗'} ${text}`);
  };
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
    line(true, 'configuration (environment) is valid');
  } catch (err) {
    line(false, (err as Error).message);
    return false;
  }
  const where = config.databaseUrl ? 'PostgreSQL at DATABASE_URL' : `embedded database in ${config.dataDir}`;
  const holder = config.databaseUrl ? null : readLock(config.dataDir);
  if (holder) line(true, `a prodops ${holder.role} (pid ${holder.pid}) is running on this data dir`);
  try {
    await withAdminDb(
      async ({ db }) => {
        await db.execute(sql`select 1`);
        line(true, `database reachable: ${where}`);
        const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
          entries: unknown[];
        };
        const applied = await db
          .execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
          .then(
            (r) => Number((r as { rows: { n: number }[] }).rows[0]?.n ?? 0),
            () => 0,
          );
        line(
          applied >= journal.entries.length,
          `migrations: ${applied} of ${journal.entries.length} applied${applied < journal.entries.length ? ' (run `prodops migrate` or start the server)' : ''}`,
        );
      },
      { migrate: false },
    );
  } catch (err) {
    line(false, `database: ${(err as Error).message}`);
  }
  line(
    existsSync(path.join(DEFAULT_WEB_DIR, 'index.html')),
    'web app built (npm run build:web; npm start does it)',
  );
  await checkSmtp(config, line);
  await checkSlack(config, line);
  return healthy;
}

type Line = (good: boolean | null, text: string) => void;

async function checkSmtp(config: ReturnType<typeof loadConfig>, line: Line) {
  const url = config.delivery.smtpUrl;
  if (!url)
    return line(
      null,
      'SMTP: not configured (SMTP_URL); email notifications will be dead-lettered until it is',
    );
  const transport = nodemailer.createTransport(url);
  try {
    await transport.verify();
    line(true, `SMTP: ${new URL(url).host} accepts connections`);
  } catch (err) {
    line(false, `SMTP: ${new URL(url).host}: ${(err as Error).message}`);
  } finally {
    transport.close();
  }
}

async function checkSlack(config: ReturnType<typeof loadConfig>, line: Line) {
  const { slackBotToken, slackApiUrl } = config.delivery;
  if (!slackBotToken)
    return line(
      null,
      'Slack: no bot token (SLACK_BOT_TOKEN); channels with an incoming-webhook URL still work',
    );
  try {
    const res = await fetch(`${slackApiUrl}/auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slackBotToken}` },
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { ok?: boolean; team?: string; error?: string };
    line(
      body.ok === true,
      body.ok
        ? `Slack: bot token works (team ${body.team ?? '?'})`
        : `Slack: bot token refused (${body.error ?? res.status})`,
    );
  } catch (err) {
    line(false, `Slack: ${slackApiUrl} unreachable: ${(err as Error).message}`);
  }
}
