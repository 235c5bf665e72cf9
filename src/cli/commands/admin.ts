import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { DEFAULT_WEB_DIR, loadConfig } from '../../config/env.ts';
import { MIGRATIONS_DIR } from '../../db/client.ts';
import { readLock } from '../../db/embedded.ts';
import { createApiToken } from '../../services/auth/tokens.ts';
import { createPerson } from '../../services/org/people.ts';
import { systemClock } from '../../shared/clock.ts';
import { ZPersonInput } from '../../shared/org.ts';
import { type TFunction, type TRole, ZRole } from '../../shared/roles.ts';
import { cliActor, withAdminDb } from '../admin-db.ts';
import { UserError } from '../user-error.ts';

const FUNCTION_OF_ROLE: Partial<Record<TRole, TFunction>> = {
  admin: 'product_ops',
  product_ops: 'product_ops',
  head_of_product: 'pm',
  pm: 'pm',
  eng_lead: 'eng',
  engineer: 'eng',
  designer: 'design',
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function parseRoles(value: string): TRole[] {
  return value.split(',').map((r) => {
    const parsed = ZRole.safeParse(r.trim());
    if (!parsed.success)
      throw new UserError(`prodops: --role: "${r}" is not a role (one of ${ZRole.options.join(', ')})`);
    return parsed.data;
  });
}

export function registerAdminCommands(program: Command): void {
  program
    .command('user')
    .description('manage users (direct database access)')
    .command('add')
    .description('add a person who can sign in')
    .requiredOption('--email <email>', 'their email, used to sign in')
    .requiredOption('--name <name>', 'their full name')
    .requiredOption('--role <roles>', `comma-separated roles: ${ZRole.options.join(', ')}`)
    .option(
      '--function <function>',
      'pm, eng, design, sales, cs, support, marketing, exec, data or product_ops',
    )
    .option(
      '--password-stdin',
      'read the password from standard input (else they sign in with API tokens only)',
    )
    .action(
      async (opts: {
        email: string;
        name: string;
        role: string;
        function?: string;
        passwordStdin?: boolean;
      }) => {
        const roles = parseRoles(opts.role);
        const fn = opts.function ?? roles.map((r) => FUNCTION_OF_ROLE[r]).find(Boolean);
        if (!fn)
          throw new UserError(
            'prodops: --function is required for a stakeholder (sales, cs, support, marketing, exec, data)',
          );
        const password = opts.passwordStdin ? await readStdin() : undefined;
        const parsed = ZPersonInput.safeParse({
          name: opts.name,
          email: opts.email,
          function: fn,
          roles,
          password,
        });
        if (!parsed.success) {
          const flag: Record<string, string> = {
            name: '--name',
            email: '--email',
            function: '--function',
            roles: '--role',
            password: 'password (stdin)',
          };
          const lines = parsed.error.issues.map(
            (i) => `  ${flag[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`,
          );
          throw new UserError(`prodops: cannot add the user:\n${lines.join('\n')}`);
        }
        await withAdminDb(async ({ db }) => {
          const person = await createPerson({ db, actor: cliActor(), input: parsed.data });
          console.log(
            `Added ${person.name} <${person.email}> as ${person.roles.join(', ')}${password ? ' (can sign in)' : ''}.`,
          );
        });
      },
    );

  program
    .command('token')
    .description('API tokens (direct database access)')
    .command('create')
    .description('print a new API token for a person (use it as PRODOPS_TOKEN or Authorization: Bearer …)')
    .requiredOption('--email <email>', 'whose token it is')
    .option('--name <label>', 'a label to recognise the token by')
    .action(async (opts: { email: string; name?: string }) => {
      await withAdminDb(async ({ db }) => {
        const t = await createApiToken({
          db,
          actor: cliActor(),
          email: opts.email,
          name: opts.name,
          now: systemClock.now(),
        });
        console.log(t.token);
      });
    });

  program
    .command('doctor')
    .description('check the configuration, database, migrations and integrations')
    .action(async () => {
      const ok = await doctor();
      if (!ok) process.exitCode = 1;
    });
}

async function doctor(): Promise<boolean> {
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
