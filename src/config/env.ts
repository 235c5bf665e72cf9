import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The built web app (vite build's output), beside src/. */
export const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PRODOPS_DATA_DIR: z.string().min(1).default('./.prodops'),
  /** Seed the demo org on first start of an empty database: on by default for the embedded database only. */
  PRODOPS_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  PRODOPS_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /**
   * Believe X-Forwarded-Proto/-For from a reverse proxy: `true` (any sender: only when nothing else can reach
   * prodops), or the proxies' addresses / CIDR ranges, comma-separated.
   */
  PRODOPS_TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|[0-9a-f.:/]+(\s*,\s*[0-9a-f.:/]+)*)$/i,
      'must be true, false, or proxy addresses (IPs or CIDR ranges, comma-separated)',
    )
    .default('false'),
  PRODOPS_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  PRODOPS_SIGNIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  PRODOPS_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  PRODOPS_READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  PRODOPS_PUBLIC_URL: z
    .url({ message: 'must be the URL people use to reach prodops, like https://prodops.example.com' })
    .optional(),
  PRODOPS_JOBS: z.enum(['on', 'off']).default('on'),
  PRODOPS_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  PRODOPS_DELIVERY_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_FROM: z.string().min(3).default('prodops <prodops@localhost>'),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_API_URL: z.url().default('https://slack.com/api'),
  /** The Slack app's signing secret: turns on /status (POST /api/v1/slack/commands and …/interactions). */
  SLACK_SIGNING_SECRET: z
    .string()
    .trim()
    .regex(
      /^[0-9a-z]{16,128}$/i,
      "must be the Slack app's signing secret (Basic Information → App Credentials)",
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Lets channels use webhook URLs, and Slack's slash commands response URLs, on hosts other than
   * hooks.slack.com (a relay, or tests).
   */
  PRODOPS_SLACK_WEBHOOK_ANY_HOST: z.enum(['true', 'false']).default('false'),
  /**
   * Outbound webhooks may reach private and internal addresses (loopback, RFC 1918, link-local, unique-local…)
   * only on these hosts, addresses or CIDR ranges (comma-separated), or anywhere with `all`: for receivers on
   * the operator's own network. Empty: none.
   */
  PRODOPS_WEBHOOK_ALLOW_PRIVATE: z
    .string()
    .trim()
    .refine(
      (v) =>
        v === '' ||
        v.toLowerCase() === 'all' ||
        v.split(',').every((e) => !e.trim() || allowEntryValid(e.trim())),
      'must be all, or host names, IP addresses and CIDR ranges (like 10.0.0.0/8), comma-separated',
    )
    .default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: 'on' | 'off';
  secureCookies: boolean;
  /** Fastify's trustProxy: false, true, or the trusted proxies' addresses. */
  trustProxy: boolean | string[];
  sessionHours: number;
  signInPerMinute: number;
  /** How long a credential's person and a published version's id are reused (server/read-cache.ts). */
  readCacheMs: number;
  dbPoolSize: number;
  logLevel: string;
  /** For links sent out of band (emails): PRODOPS_PUBLIC_URL, else http://localhost:PORT. */
  publicUrl: string;
  publicUrlFromEnv: string | undefined;
  jobs: boolean;
  /** SLACK_SIGNING_SECRET: the Slack app's requests are checked with it; unset, the Slack routes answer 404. */
  slackSigningSecret: string | undefined;
  delivery: {
    maxAttempts: number;
    backoffMs: number;
    smtpUrl: string | undefined;
    smtpFrom: string;
    slackBotToken: string | undefined;
    slackApiUrl: string;
    slackWebhookAnyHost: boolean;
    /** PRODOPS_WEBHOOK_ALLOW_PRIVATE: `all`, or the hosts, addresses and ranges webhooks may reach privately. */
    webhookAllowPrivate: 'all' | string[];
  };
}

/** Reads the environment once, failing fast with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`prodops: invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.PRODOPS_DATA_DIR),
    demo: e.PRODOPS_DEMO === 'auto' ? (e.DATABASE_URL ? 'off' : 'on') : e.PRODOPS_DEMO,
    secureCookies: e.PRODOPS_SECURE_COOKIES === 'true',
    trustProxy: trustProxyOf(e.PRODOPS_TRUST_PROXY),
    sessionHours: e.PRODOPS_SESSION_HOURS,
    signInPerMinute: e.PRODOPS_SIGNIN_PER_MINUTE,
    dbPoolSize: e.PRODOPS_DB_POOL,
    readCacheMs: e.PRODOPS_READ_CACHE_MS,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PRODOPS_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    publicUrlFromEnv: e.PRODOPS_PUBLIC_URL?.replace(/\/$/, ''),
    jobs: e.PRODOPS_JOBS === 'on',
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    delivery: {
      maxAttempts: e.PRODOPS_DELIVERY_MAX_ATTEMPTS,
      backoffMs: e.PRODOPS_DELIVERY_BACKOFF_MS,
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      slackBotToken: e.SLACK_BOT_TOKEN || undefined,
      slackApiUrl: e.SLACK_API_URL.replace(/\/$/, ''),
      slackWebhookAnyHost: e.PRODOPS_SLACK_WEBHOOK_ANY_HOST === 'true',
      webhookAllowPrivate: allowPrivateOf(e.PRODOPS_WEBHOOK_ALLOW_PRIVATE),
    },
  };
}

function trustProxyOf(value: string): boolean | string[] {
  if (value.toLowerCase() === 'true') return true;
  if (value.toLowerCase() === 'false') return false;
  return value.split(',').map((a) => a.trim());
}

const HOST_NAME =
  /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?)*\.?$/i;

/** One entry of PRODOPS_WEBHOOK_ALLOW_PRIVATE: a host name, an IP address, or a CIDR range. */
function allowEntryValid(entry: string): boolean {
  const [net = '', prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const family = isIP(net);
  if (prefix === undefined) return family !== 0 || HOST_NAME.test(net);
  const max = family === 4 ? 32 : family === 6 ? 128 : -1;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
}

function allowPrivateOf(value: string): 'all' | string[] {
  if (value.toLowerCase() === 'all') return 'all';
  return value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}
