// Owns configuration: every environment variable and its default, in one place (the README's table).
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  initApiKey: string | null;
  bodyLimitBytes: number;
  /** Rows waiting for a commit beyond which ingest answers 503 with Retry-After. */
  ingestMaxQueuedRows: number;
  logLevel: string;
  maxDateRangeDays: number;
  /** DuckDB worker threads; null lets DuckDB use one per core. */
  /** DuckDB's worker threads: DUCKDB_THREADS, else one fewer than the cores (at least 1); see README. */
  duckdbThreads: number;
  cacheMaxAgeSeconds: number;
  /** Accounts (issue 4): session lifetime, login throttling, rate limits, headless first owner. */
  sessionMaxAgeSeconds: number;
  sessionIdleSeconds: number;
  loginMaxFailures: number;
  loginLockoutSeconds: number;
  rateLimitIpPerSecond: number;
  rateLimitKeyPerSecond: number;
  initAdminEmail: string | null;
  initAdminPassword: string | null;
  /** Spans older than this many days are deleted (the hourly retention job); 0 keeps every span. */
  traceRetentionDays: number;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto (client IP for rate limits, https for Secure cookies). */
  trustProxy: boolean;
  /** Export files (EXPORT_DIR, default DATA_DIR/exports), one folder per workspace. */
  exportDir: string;
  /** Hours an export's file can be downloaded (410 Gone after; the cleanup job deletes it). */
  exportTtlHours: number;
  /** Bytes of unexpired export files a workspace may hold (429 beyond); 0: no quota. */
  exportMaxBytesPerWorkspace: number;
  /** A `complete` export of more rows than this runs as a background job (other types always run inline). */
  exportInlineMaxRows: number;
  /** Alerts (issue 19): how often enabled rules are evaluated (ALERT_EVAL_SECONDS, ≥ 1). */
  alertEvalSeconds: number;
  /** SMTP_URL (smtp:// or smtps://user:pass@host:port) for email channels; null: email deliveries fail. */
  smtpUrl: string | null;
  /** ALERT_FROM: the From of alert emails. */
  alertFrom: string;
  /** ALERT_ALLOW_PRIVATE_URLS=1: webhook and Slack URLs may reach loopback and private addresses. */
  alertAllowPrivateUrls: boolean;
  /** PUBLIC_URL: where the dashboard is reached, for links in notifications (default http://HOST:PORT). */
  publicUrl: string;
  /** How often GET /api/events writes a heartbeat comment (EVENTS_HEARTBEAT_MS, 15 s). */
  eventsHeartbeatMs: number;
  /** Minutes between the scheduled anomaly scans of every workspace (`anomaly_scan` jobs); 0: on demand only. */
  anomalyScanMinutes: number;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/** A positive number of hours (fractions allowed: tests and short-lived installs). */
function hours(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} must be a positive number of hours, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = resolve(overrides.dataDir ?? (env.DATA_DIR || './data'));
  const initApiKey = env.LLM_ANALYTICS_INIT_API_KEY || null;
  if (initApiKey !== null && initApiKey.length < 32) {
    throw new Error('LLM_ANALYTICS_INIT_API_KEY must be at least 32 characters');
  }
  return {
    port: int('PORT', 3000, env),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    initApiKey,
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 10 * 1024 * 1024, env),
    ingestMaxQueuedRows: int('INGEST_MAX_QUEUED_ROWS', 200_000, env),
    logLevel: env.LOG_LEVEL || 'info',
    maxDateRangeDays: int('ANALYTICS_MAX_DATE_RANGE_DAYS', 90, env),
    duckdbThreads: int('DUCKDB_THREADS', 0, env) || Math.max(1, availableParallelism() - 1),
    cacheMaxAgeSeconds: int('ANALYTICS_CACHE_MAX_AGE', 300, env),
    sessionMaxAgeSeconds: int('SESSION_MAX_AGE_SECONDS', 7 * 24 * 3600, env),
    sessionIdleSeconds: int('SESSION_IDLE_TIMEOUT_SECONDS', 12 * 3600, env),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, env),
    loginLockoutSeconds: int('LOGIN_LOCKOUT_SECONDS', 900, env),
    rateLimitIpPerSecond: int('RATE_LIMIT_IP_PER_SECOND', 500, env),
    rateLimitKeyPerSecond: int('RATE_LIMIT_KEY_PER_SECOND', 500, env),
    initAdminEmail: env.LLM_ANALYTICS_INIT_ADMIN_EMAIL || null,
    initAdminPassword: env.LLM_ANALYTICS_INIT_ADMIN_PASSWORD || null,
    traceRetentionDays: int('TRACE_RETENTION_DAYS', 30, env),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    exportDir: resolve(env.EXPORT_DIR || join(dataDir, 'exports')),
    exportTtlHours: hours('EXPORT_TTL_HOURS', 24, env),
    exportMaxBytesPerWorkspace: int('EXPORT_MAX_BYTES_PER_WORKSPACE', 5 * 1024 ** 3, env),
    exportInlineMaxRows: int('EXPORT_INLINE_MAX_ROWS', 20_000, env),
    alertEvalSeconds: Math.max(1, int('ALERT_EVAL_SECONDS', 60, env)),
    smtpUrl: env.SMTP_URL || null,
    alertFrom: env.ALERT_FROM || 'LLM Analytics <alerts@localhost>',
    alertAllowPrivateUrls: env.ALERT_ALLOW_PRIVATE_URLS === '1' || env.ALERT_ALLOW_PRIVATE_URLS === 'true',
    publicUrl: (env.PUBLIC_URL || `http://${env.HOST || '127.0.0.1'}:${int('PORT', 3000, env)}`).replace(
      /\/+$/,
      '',
    ),
    eventsHeartbeatMs: int('EVENTS_HEARTBEAT_MS', 15_000, env) || 15_000,
    anomalyScanMinutes: int('ANOMALY_SCAN_MINUTES', 15, env),
    ...overrides,
  };
}
