import { z } from 'zod';

// The only reader of process.env. Every problem is listed at once so an operator fixes the
// environment in one go instead of one restart per mistake.
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// hoặc postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data/pglite'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  COOKIE_SECURE: boolish.optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  DEMO_ON_FIRST_START: boolish.optional(),
  WEB_DIST: z.string().default('dist/web'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  logLevel: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  bodyLimit: number;
  login: { maxFailures: number; lockMs: number; ratePerMinute: number };
  demoOnFirstStart: boolean;
  webDist: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL }
      : { kind: 'pglite', dataDir: c.DATA_DIR === ':memory:' ? null : c.DATA_DIR },
    logLevel: c.LOG_LEVEL,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    bodyLimit: c.BODY_LIMIT_BYTES,
    login: { maxFailures: c.LOGIN_MAX_FAILURES, lockMs: c.LOGIN_LOCK_MINUTES * 60_000, ratePerMinute: c.LOGIN_RATE_PER_MINUTE },
    demoOnFirstStart: c.DEMO_ON_FIRST_START ?? !c.DATABASE_URL,
    webDist: c.WEB_DIST,
  };
}
