import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { connectRedis } from './rate-limit.js';

/** The outcome of spending an operation's cost from a caller's budget. */
export interface BudgetDecision {
  allowed: boolean;
  /** Cost units left after this operation (before it, when refused). */
  remaining: number;
  /** Seconds until the budget holds enough for this operation (when refused). */
  retryAfterSeconds: number;
}

/**
 * A token bucket of query-cost units per caller: it holds at most one
 * minute's budget and refills continuously, so a caller may burst up to the
 * budget and then runs at budget-per-minute. Counting cost, not requests, is
 * what keeps one caller's 100-customer pages from starving everyone else.
 */
export interface CostBudget {
  spend(key: string, cost: number, nowMs?: number): Promise<BudgetDecision>;
  /**
   * Seconds left of the Retry-After this instance last gave `key` (0 = none):
   * until then the caller is refused before parsing, so that a refused caller
   * retrying in a loop costs next to nothing.
   */
  holdSeconds(key: string, nowMs?: number): number;
  close(): Promise<void>;
}

/** Adds {@link CostBudget.holdSeconds}: refusals are remembered on this instance until their Retry-After. */
function withHold(spend: CostBudget['spend'], close: CostBudget['close']): CostBudget {
  const holds = new Map<string, number>();
  return {
    async spend(key, cost, nowMs = Date.now()) {
      const d = await spend(key, cost, nowMs);
      if (!d.allowed) {
        if (holds.size > 10_000) for (const [k, until] of holds) if (until <= nowMs) holds.delete(k);
        holds.set(key, nowMs + d.retryAfterSeconds * 1000);
      }
      return d;
    },
    holdSeconds(key, nowMs = Date.now()) {
      const until = holds.get(key);
      if (until === undefined) return 0;
      if (until <= nowMs) {
        holds.delete(key);
        return 0;
      }
      return Math.ceil((until - nowMs) / 1000);
    },
    close,
  };
}

const refill = (perMinute: number) => perMinute / 60_000; // units per millisecond

const refused = (cost: number, tokens: number, perMs: number): BudgetDecision => ({
  allowed: false,
  remaining: Math.floor(tokens),
  retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / perMs / 1000)),
});

/** In-process buckets: one instance (development, tests, a single pod). */
export function memoryCostBudget(perMinute: number): CostBudget {
  const perMs = refill(perMinute);
  const buckets = new Map<string, { tokens: number; at: number }>();
  return withHold(
    async (key, cost, nowMs = Date.now()) => {
      // Full buckets carry no information: drop them now and then.
      if (buckets.size > 10_000) {
        for (const [k, b] of buckets) if (b.tokens + (nowMs - b.at) * perMs >= perMinute) buckets.delete(k);
      }
      const b = buckets.get(key) ?? { tokens: perMinute, at: nowMs };
      const tokens = Math.min(perMinute, b.tokens + Math.max(0, nowMs - b.at) * perMs);
      if (tokens < cost) {
        buckets.set(key, { tokens, at: Math.max(b.at, nowMs) });
        return refused(cost, tokens, perMs);
      }
      buckets.set(key, { tokens: tokens - cost, at: Math.max(b.at, nowMs) });
      return { allowed: true, remaining: Math.floor(tokens - cost), retryAfterSeconds: 0 };
    },
    async () => buckets.clear(),
  );
}

/** The Redis commands the shared budget needs (an ioredis client, or a test double). */
export interface RedisEvalLike {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  quit(): Promise<unknown>;
}

/**
 * Refill and spend in one atomic step. Numbers travel as strings: Redis
 * truncates Lua numbers to integers on the way out. `at` never goes back, so
 * instances with slightly different clocks cannot mint units.
 */
const SPEND_SCRIPT = `
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = capacity; at = now end
if now > at then
  tokens = math.min(capacity, tokens + (now - at) * perMs)
  at = now
end
local allowed = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 60000)
return { allowed, tostring(tokens) }
`;

/**
 * One budget per caller across every instance, in Redis. If Redis cannot
 * answer the operation is let through (logged), as with the request counter:
 * the budget protects capacity, and an outage of the counter must not become
 * an outage of the API.
 */
export function redisCostBudget(redis: RedisEvalLike, perMinute: number, log?: Logger): CostBudget {
  const perMs = refill(perMinute);
  return withHold(
    async (key, cost, nowMs = Date.now()) => {
      try {
        const [allowed, tokens] = (await redis.eval(SPEND_SCRIPT, 1, `finmart:cost:${key}`, perMinute, perMs, nowMs, cost)) as [number, string];
        const left = Number(tokens);
        return allowed === 1 ? { allowed: true, remaining: Math.floor(left), retryAfterSeconds: 0 } : refused(cost, left, perMs);
      } catch (e) {
        log?.warn({ err: e }, 'cost budget unavailable; operation let through');
        return { allowed: true, remaining: perMinute, retryAfterSeconds: 0 };
      }
    },
    async () => {
      await redis.quit().catch(() => undefined);
    },
  );
}

/** Redis when `redis` or `redisUrl` is given, memory otherwise. */
export function createCostBudget(opts: { perMinute: number; redisUrl?: string; redis?: Redis; log?: Logger }): CostBudget {
  const redis = opts.redis ?? (opts.redisUrl ? connectRedis(opts.redisUrl, opts.log) : undefined);
  if (!redis) return memoryCostBudget(opts.perMinute);
  return redisCostBudget(redis as unknown as RedisEvalLike, opts.perMinute, opts.log);
}
