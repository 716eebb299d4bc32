import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisRateLimiter, type RedisLike } from '../../src/security/rate-limit.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const available = await reachable();

describe.skipIf(!available)('rate limit shared through Redis', () => {
  const clients: Redis[] = [];
  const client = async () => {
    const c = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await c.ping();
    clients.push(c);
    return c as unknown as RedisLike;
  };
  let a: ReturnType<typeof redisRateLimiter>;
  let b: ReturnType<typeof redisRateLimiter>;
  beforeAll(async () => {
    // Two server instances, one counter.
    a = redisRateLimiter(await client(), 5, 60_000);
    b = redisRateLimiter(await client(), 5, 60_000);
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
