import { availableParallelism } from 'node:os';
import { z } from 'zod';

// The only reader of process.env. Every problem is listed at once so an operator fixes the
// environment in one go instead of one restart per mistake.
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** "7,1" → [7, 1]; "none" → no step. */
const dayList = z
  .string()
  .regex(/^\s*(none|\d{1,3}(\s*,\s*\d{1,3})*)\s*$/, 'phải là danh sách số ngày cách nhau bởi dấu phẩy (ví dụ 7,1), hoặc none')
  .transform((v) => (v.trim() === 'none' ? [] : [...new Set(v.split(',').map((x) => Number(x.trim())))]))
  .refine((days) => days.every((d) => d <= 366), 'mỗi số ngày phải từ 0 đến 366');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// hoặc postgresql://')
    .optional(),
  // Connections to PostgreSQL. Default: twice the cores of this machine, at least 4 (the PostgreSQL wiki's
  // rule of thumb, cores × 2 + spindles, for a server on the same machine). Measured on 2 cores with 50
  // concurrent saves (bench/reporting): 4 connections gave p99 162 ms, 20 gave 267 ms (the backends compete).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).optional(),
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
  // Reminders to submit reports (issue 4; docs/decisions/0007-reminders.md).
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'phải là địa chỉ http(s)://, ví dụ https://xhht.vinhlong.gov.vn' }).default('http://127.0.0.1:3000'),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'phải có dạng smtp://tên:mật-khẩu@máy-chủ:cổng (hoặc smtps://)' }).optional(),
  MAIL_FROM: z.string().min(3).max(300).optional(),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
  REMINDER_DAYS_BEFORE: dayList.default([7, 1]),
  REMINDER_DAYS_AFTER: dayList.default([1, 7]),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string | null };
  logLevel: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  bodyLimit: number;
  login: { maxFailures: number; lockMs: number; ratePerMinute: number };
  demoOnFirstStart: boolean;
  webDist: string;
  /** Base of the links in reminders' e-mails, without a trailing slash. */
  publicUrl: string;
  /** SMTP for e-mailed reminders; null: in-app only. */
  mail: { smtpUrl: string | null; from: string };
  /** Interval of the server's reminder run (0: off; run `xhht reminders run` from cron instead); offsets from the due date. */
  reminders: { intervalMinutes: number; daysBefore: number[]; daysAfter: number[] };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  // Problems between variables are listed with the others.
  const crossed = present.SMTP_URL && !present.MAIL_FROM ? ['MAIL_FROM: cần khi có SMTP_URL (địa chỉ người gửi, ví dụ "XHHT Vĩnh Long <xhht@vinhlong.gov.vn>")'] : [];
  if (!parsed.success || crossed.length) {
    throw new ConfigError([...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...crossed]);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL, poolSize: c.DATABASE_POOL_SIZE ?? Math.max(4, 2 * availableParallelism()) }
      : { kind: 'pglite', dataDir: c.DATA_DIR === ':memory:' ? null : c.DATA_DIR },
    logLevel: c.LOG_LEVEL,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
    bodyLimit: c.BODY_LIMIT_BYTES,
    login: { maxFailures: c.LOGIN_MAX_FAILURES, lockMs: c.LOGIN_LOCK_MINUTES * 60_000, ratePerMinute: c.LOGIN_RATE_PER_MINUTE },
    demoOnFirstStart: c.DEMO_ON_FIRST_START ?? !c.DATABASE_URL,
    webDist: c.WEB_DIST,
    publicUrl: c.PUBLIC_URL.replace(/\/+$/, ''),
    mail: { smtpUrl: c.SMTP_URL ?? null, from: c.MAIL_FROM ?? 'XHHT <no-reply@localhost>' },
    reminders: { intervalMinutes: c.REMINDER_INTERVAL_MINUTES, daysBefore: c.REMINDER_DAYS_BEFORE, daysAfter: c.REMINDER_DAYS_AFTER },
  };
}
