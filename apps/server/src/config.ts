import { hostname } from 'node:os';
import { z } from 'zod';
import { DEFAULT_MAX_FRAME_BYTES } from '@pairboard/board-schema';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every environment variable the server reads. docker/example.env documents each one. */
const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('.data/pairboard'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    MAX_FRAME_BYTES: positiveInt(DEFAULT_MAX_FRAME_BYTES),
    BOARD_IDLE_UNLOAD_MS: positiveInt(30_000),
    COMPACT_AFTER_UPDATES: positiveInt(500),
    CLIENT_MESSAGES_PER_SECOND: positiveInt(200),
    CLIENT_BYTES_PER_SECOND: positiveInt(4 * 1024 * 1024),
    PUBLIC_ORIGIN: z.url().optional(),
    AUTH_ATTEMPTS_PER_IP_PER_MINUTE: positiveInt(30),
    AUTH_ATTEMPTS_PER_ACCOUNT_PER_15_MINUTES: positiveInt(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    INSTANCE_ID: z
      .string()
      .regex(/^[\w.-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64')
      .optional(),
    JOIN_CONCURRENCY: positiveInt(8),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    BOARD_LOG: z.enum(['database', 'memory']).default('database'),
  })
  .refine((env) => !env.REDIS_URL || env.DATABASE_URL, {
    path: ['REDIS_URL'],
    message: 'needs DATABASE_URL: several instances cannot share the embedded database',
  })
  .refine((env) => !env.REDIS_URL || env.BOARD_LOG === 'database', {
    path: ['BOARD_LOG'],
    message: 'memory cannot be shared by several instances',
  });

/** The typed configuration every module receives; nothing else reads process.env. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  maxFrameBytes: number;
  boardIdleUnloadMs: number;
  compactAfterUpdates: number;
  clientMessagesPerSecond: number;
  clientBytesPerSecond: number;
  publicOrigin: string | undefined;
  authAttemptsPerIpPerMinute: number;
  authAttemptsPerAccountPer15Minutes: number;
  /** Redis shared by every instance; unset: this is the only instance. */
  redisUrl: string | undefined;
  /** This instance's name in logs and leases. */
  instanceId: string;
  /** Sync answers being sent at once per instance; more joiners wait their turn (SY13). */
  joinConcurrency: number;
  /** Proxies in front of the server whose X-Forwarded-For is believed (0: none). */
  trustProxy: number;
  /** 'memory' keeps board updates in this process only: benchmarks, never production. */
  boardLog: 'database' | 'memory';
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses an environment once; reports every problem at once instead of the first. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, problems };
  }
  const e = result.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      dataDir: e.DATABASE_URL ? undefined : e.DATA_DIR,
      logLevel: e.LOG_LEVEL,
      maxFrameBytes: e.MAX_FRAME_BYTES,
      boardIdleUnloadMs: e.BOARD_IDLE_UNLOAD_MS,
      compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
      clientMessagesPerSecond: e.CLIENT_MESSAGES_PER_SECOND,
      clientBytesPerSecond: e.CLIENT_BYTES_PER_SECOND,
      publicOrigin: e.PUBLIC_ORIGIN,
      authAttemptsPerIpPerMinute: e.AUTH_ATTEMPTS_PER_IP_PER_MINUTE,
      authAttemptsPerAccountPer15Minutes: e.AUTH_ATTEMPTS_PER_ACCOUNT_PER_15_MINUTES,
      redisUrl: e.REDIS_URL,
      instanceId: e.INSTANCE_ID ?? `${hostname()}-${process.pid}`,
      joinConcurrency: e.JOIN_CONCURRENCY,
      trustProxy: e.TRUST_PROXY,
      boardLog: e.BOARD_LOG,
    },
  };
}
