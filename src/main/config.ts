import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const port = z.coerce.number().int().min(0).max(65535);
const csv = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const mongoUrl = z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://');
/** `name=url,…`: database servers besides MONGO_URL's (`default`), where new tenants may be placed. */
const mongoServers = z.string().transform((value, ctx) => {
  const servers: Record<string, string> = {};
  for (const entry of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, url] = [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)];
    if (!/^[a-z0-9][a-z0-9_-]{0,31}$/.test(name) || name === 'default' || name in servers) {
      ctx.addIssue({
        code: 'custom',
        message: `"${name}": a server name is 1-32 of a-z, 0-9, _ and -, unique, not "default"`,
      });
    } else if (!mongoUrl.safeParse(url).success) {
      ctx.addIssue({
        code: 'custom',
        message: `"${name}": its URL must start with mongodb:// or mongodb+srv://`,
      });
    } else {
      servers[name] = url;
    }
  }
  return servers;
});
const redisUrl = z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://');
/** `host:port,host:port,…`: some nodes of a Redis Cluster (the client finds the others). */
const redisClusterNodes = csv.pipe(
  z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each node must look like host:port')).min(1),
);

/** Every environment variable the processes read; the README's table documents each one. */
const schema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MONGO_URL: mongoUrl.default('mongodb://127.0.0.1:27017'),
  MONGO_SERVERS: mongoServers.default({}),
  MONGO_DB_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]{1,20}$/, 'must be 1-20 characters of a-z, 0-9 and _')
    .default('chat_'),
  // FerretDB v1 deadlocks when more updates are in flight than its PostgreSQL pool (pool_max_conns)
  // holds, and a process has at most this many in flight: the sum over every process on one FerretDB
  // must stay below its pool (README, FerretDB). 10 is plenty for a process on a few cores.
  MONGO_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  // Set, the deployment runs on a Redis Cluster through these nodes and REDIS_URL is not used.
  REDIS_CLUSTER_NODES: redisClusterNodes.optional(),
  // Outside every hash tag: key names put their own `{…}` tags after it (docs/redis.md).
  REDIS_KEY_PREFIX: z
    .string()
    .max(40)
    .regex(/^[^{}]*$/, 'must not contain { or }')
    .default('chat'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_PUBLIC_KEY: z.string().min(1).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  // Derives the key that encrypts tenants' HS256 secrets at rest (AES-256-GCM); without it no HS256
  // tenant key is issued. Like any key, it must be random: 32+ characters (openssl rand -hex 32).
  TENANT_KEYS_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  WORKERS_INLINE: bool.default(false),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: csv.default([]),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 64kb or 1mb')
    .default('64kb'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  DEPENDENCY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(2_000),
  PRESENCE_TTL_MS: z.coerce.number().int().min(300).max(600_000).default(15_000),
  TYPING_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(6_000),
  TYPING_THROTTLE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  SOCKET_EVENTS_PER_SECOND: z.coerce.number().min(0.1).max(10_000).default(10),
  SOCKET_EVENTS_BURST: z.coerce.number().int().min(1).max(100_000).default(20),
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).max(600_000).default(15_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  OUTBOX_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  // A send's follow-up job is held this long at most: 0 would let it run before its message is stored.
  OUTBOX_MIN_AGE_MS: z.coerce.number().int().min(500).max(3_600_000).default(5_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  NOTIFICATION_DEDUPE_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(86_400),
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_TENANT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(6000),
  // Local mode only: serves the browser demo at /demo/ and mints user tokens at POST /api/dev/tokens.
  DEMO_ENABLED: bool.default(false),
  NODE_ENV: z.string().optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '(config)');
        const shown = name in present ? ` (got ${JSON.stringify(present[name])})` : ' (missing)';
        return `${name}: ${issue.message}${issue.code === 'invalid_type' ? shown : ''}`;
      }),
    );
  }
  const config = parsed.data;
  if (!config.JWT_SECRET && !config.JWT_PUBLIC_KEY && !config.TENANT_KEYS_SECRET) {
    throw new ConfigError([
      'JWT_SECRET: set TENANT_KEYS_SECRET (per-tenant keys), or JWT_SECRET (HS256) or JWT_PUBLIC_KEY (RS256) for one deployment-wide key',
    ]);
  }
  if (config.DEMO_ENABLED && config.NODE_ENV === 'production') {
    throw new ConfigError([
      'DEMO_ENABLED: must not be true with NODE_ENV=production (the demo mints tokens)',
    ]);
  }
  if (config.DEMO_ENABLED && !config.JWT_SECRET) {
    throw new ConfigError(['DEMO_ENABLED: needs JWT_SECRET, with which the demo mints its tokens']);
  }
  return config;
}
