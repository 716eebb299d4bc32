import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisCostBudget, type RedisEvalLike } from '../../src/security/cost-budget.js';
import { redisRateLimiter, type RedisLike } from '../../src/security/rate-limit.js';
import { redisReachable } from '../support/redis.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const available = await redisReachable(REDIS_URL);

/** A connected client, as one server instance would hold (closed through the limiter that gets it). */
const client = async () => {
  const c = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  await c.ping();
  return c;
};

describe.skipIf(!available)('rate limit shared through Redis', () => {
  let a: ReturnType<typeof redisRateLimiter>;
  let b: ReturnType<typeof redisRateLimiter>;
  beforeAll(async () => {
    // Two server instances, one counter.
    a = redisRateLimiter((await client()) as unknown as RedisLike, 5, 60_000);
    b = redisRateLimiter((await client()) as unknown as RedisLike, 5, 60_000);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('counts a caller across instances and refuses the request over the limit with a retry time', async () => {
    const caller = `test:${randomUUID()}`;
    const now = Date.now();
    const decisions = [];
    for (let i = 0; i < 6; i++) decisions.push(await (i % 2 ? a : b).hit(caller, now));
    expect(decisions.slice(0, 5).every((d) => d.allowed)).toBe(true);
    expect(decisions[4].remaining).toBe(0);
    expect(decisions[5].allowed).toBe(false);
    expect(decisions[5].retryAfterSeconds).toBeGreaterThan(0);
    expect(decisions[5].retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another caller has its own budget; the next window starts afresh.
    expect((await a.hit(`test:${randomUUID()}`, now)).allowed).toBe(true);
    expect((await a.hit(caller, now + 60_000)).allowed).toBe(true);
  });
});

describe.skipIf(!available)('query-cost budget shared through Redis', () => {
  let a: ReturnType<typeof redisCostBudget>;
  let b: ReturnType<typeof redisCostBudget>;
  beforeAll(async () => {
    // Two server instances, one bucket per caller: 60,000 units a minute = 1 a millisecond.
    a = redisCostBudget((await client()) as unknown as RedisEvalLike, 60_000);
    b = redisCostBudget((await client()) as unknown as RedisEvalLike, 60_000);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it("spends one caller's budget across instances, refills it over time and keeps fractions exact", async () => {
    const caller = `test:${randomUUID()}`;
    const now = Date.now();
    expect(await a.spend(caller, 40_000, now)).toMatchObject({ allowed: true, remaining: 20_000 });
    const refused = await b.spend(caller, 30_000, now);
    expect(refused).toMatchObject({ allowed: false, remaining: 20_000, retryAfterSeconds: 10 });
    // The refusing instance holds the caller; the other one does not know of the refusal.
    expect(b.holdSeconds(caller, now)).toBe(10);
    expect(a.holdSeconds(caller, now)).toBe(0);
    // 10.5 s later 10,500 units are back: 30,500 in the bucket (no rounding through Redis).
    expect(await a.spend(caller, 30_000, now + 10_500)).toMatchObject({ allowed: true, remaining: 500 });
    expect(await b.spend(caller, 0.5, now + 10_500)).toMatchObject({ allowed: true, remaining: 499 });
    // A clock behind the last update mints nothing.
    expect(await a.spend(caller, 1_000, now)).toMatchObject({ allowed: false });
    // Another caller has its own bucket.
    expect(await b.spend(`test:${randomUUID()}`, 60_000, now)).toMatchObject({ allowed: true, remaining: 0 });
  });
});
