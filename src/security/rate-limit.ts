import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** The outcome of counting one request against a caller's window. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
}

/** A fixed-window counter per caller. */
export interface RateLimiter {
  hit(key: string, nowMs?: number): Promise<RateDecision>;
  close(): Promise<void>;
}

const decide = (count: number, limit: number, windowEndMs: number, nowMs: number): RateDecision => ({
  allowed: count <= limit,
  limit,
  remaining: Math.max(0, limit - count),
  retryAfterSeconds: Math.max(1, Math.ceil((windowEndMs - nowMs) / 1000)),
});

/**
 * In-process fixed window: good for one instance (development, tests, a single
 * pod). Several instances each count separately — use Redis there.
 */
export function memoryRateLimiter(limit: number, windowMs: number): RateLimiter {
  const counts = new Map<string, { window: number; count: number }>();
  return {
    async hit(key, nowMs = Date.now()) {
      const window = Math.floor(nowMs / windowMs);
      // Drop stale windows now and then so idle callers do not accumulate.
      if (counts.size > 10_000) for (const [k, v] of counts) if (v.window !== window) counts.delete(k);
      const entry = counts.get(key);
      const count = entry && entry.window === window ? entry.count + 1 : 1;
      counts.set(key, { window, count });
      return decide(count, limit, (window + 1) * windowMs, nowMs);
    },
    async close() {
      counts.clear();
    },
  };
}

interface RedisMulti {
  incr(key: string): RedisMulti;
  pexpire(key: string, ms: number): RedisMulti;
  exec(): Promise<[Error | null, unknown][] | null>;
}

/** The Redis commands the limiter needs (an ioredis client, or a test double). */
export interface RedisLike {
  multi(): RedisMulti;
  quit(): Promise<unknown>;
}

/**
 * Shared fixed window in Redis: INCR on a key named after the caller and the
 * window number, with an expiry of one window. If Redis cannot answer the
 * request is let through (logged): the limit protects capacity, and an outage
 * of the counter must not become an outage of the bank's API.
 */
export function redisRateLimiter(redis: RedisLike, limit: number, windowMs: number, log?: Logger): RateLimiter {
  return {
    async hit(key, nowMs = Date.now()) {
      const window = Math.floor(nowMs / windowMs);
      const windowEnd = (window + 1) * windowMs;
      try {
        const res = await redis.multi().incr(`finmart:rl:${key}:${window}`).pexpire(`finmart:rl:${key}:${window}`, windowMs).exec();
        const [err, count] = res?.[0] ?? [new Error('no reply'), 0];
        if (err) throw err;
        return decide(Number(count), limit, windowEnd, nowMs);
      } catch (e) {
        log?.warn({ err: e }, 'rate limiter unavailable; request let through');
        return { allowed: true, limit, remaining: limit, retryAfterSeconds: Math.ceil((windowEnd - nowMs) / 1000) };
      }
    },
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}

/** The Redis client the per-caller limits share (request counter, cost budget). */
export function connectRedis(url: string, log?: Logger): Redis {
  // Fail fast rather than queue: a request must not wait for a reconnecting Redis.
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
  redis.on('error', (e: Error) => log?.warn({ err: e }, 'redis error'));
  return redis;
}

/** Redis when `redis` or `redisUrl` is given, memory otherwise; one-minute windows. */
export function createRateLimiter(opts: { perMinute: number; redisUrl?: string; redis?: Redis; log?: Logger }): RateLimiter {
  const windowMs = 60_000;
  const redis = opts.redis ?? (opts.redisUrl ? connectRedis(opts.redisUrl, opts.log) : undefined);
  if (!redis) return memoryRateLimiter(opts.perMinute, windowMs);
  return redisRateLimiter(redis as unknown as RedisLike, opts.perMinute, windowMs, opts.log);
}
