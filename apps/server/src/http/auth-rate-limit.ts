import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { ErrorCode } from '@pairboard/board-schema';
import { AppError } from '../errors.ts';

export interface AuthRateLimitOptions {
  /** Sign-in and sign-up attempts per client IP per minute. */
  attemptsPerIpPerMinute: number;
  /** Sign-in attempts per account (email) per 15 minutes; a success resets it. */
  attemptsPerAccountPer15Minutes: number;
  /** Shared by every instance, so N instances do not allow N times the attempts. */
  redis?: Redis | null;
}

/**
 * A budget of `points` per `duration` seconds: in Redis when instances share one (a connection
 * without an offline queue, so an outage falls back at once to a per-instance budget in memory
 * instead of making sign-in wait), else in memory.
 */
export function createLimiter(
  options: { keyPrefix: string; points: number; duration: number },
  redis: Redis | null | undefined,
): RateLimiterAbstract {
  const memory = new RateLimiterMemory(options);
  if (!redis) return memory;
  return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory });
}

/** Per-IP and per-account budgets for sign-in and sign-up, answered with "try again in N s". */
export class AuthRateLimit {
  private readonly perIp: RateLimiterAbstract;
  private readonly perAccount: RateLimiterAbstract;

  constructor(options: AuthRateLimitOptions) {
    this.perIp = createLimiter(
      { keyPrefix: 'auth-ip', points: options.attemptsPerIpPerMinute, duration: 60 },
      options.redis,
    );
    this.perAccount = createLimiter(
      { keyPrefix: 'auth-account', points: options.attemptsPerAccountPer15Minutes, duration: 15 * 60 },
      options.redis,
    );
  }

  /**
   * Spends one attempt from the IP and, for a sign-in, from the account; throws a 429 AppError
   * when either is spent. Sign-ups do not touch the account's budget: creating an account must
   * not lock its owner out of signing in.
   */
  async consume(ip: string, email: string, kind: 'signin' | 'signup'): Promise<void> {
    try {
      await this.perIp.consume(ip);
      if (kind === 'signin') await this.perAccount.consume(email.trim().toLowerCase());
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyAttempts(error);
      throw error;
    }
  }

  /** A successful sign-in clears the account's failures (not the IP's). */
  async succeeded(email: string): Promise<void> {
    await this.perAccount.delete(email.trim().toLowerCase());
  }
}

function tooManyAttempts(limit: RateLimiterRes): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(limit.msBeforeNext / 1000));
  const error = new AppError(
    ErrorCode.RateLimited,
    429,
    `too many attempts, try again in ${retryAfterSeconds} s`,
  );
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
}
