import path from 'node:path';
import { z } from 'zod';

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
  PRODOPS_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  PRODOPS_SIGNIN_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  PRODOPS_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: 'on' | 'off';
  secureCookies: boolean;
  sessionHours: number;
  signInPerMinute: number;
  dbPoolSize: number;
  logLevel: string;
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
    sessionHours: e.PRODOPS_SESSION_HOURS,
    signInPerMinute: e.PRODOPS_SIGNIN_PER_MINUTE,
    dbPoolSize: e.PRODOPS_DB_POOL,
    logLevel: e.LOG_LEVEL,
  };
}
