import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

/**
 * One caller cannot starve another. A heavy caller runs 8 concurrent loops of
 * maximum-size customer pages (100 customers with their holdings) — ignoring
 * Retry-After, retrying 100 ms after each refusal — while a light caller
 * repeats `{ me { role } }`. With the default per-caller limits (requests in
 * flight, query-cost budget) the light caller's p95 stays within 3× of its
 * idle p95, measured in the same test in interleaved rounds so that both see
 * the same background load. The request-count limit is raised out of the way:
 * this is about cost, not request counts.
 */
const HEAVY = `{ customers(first: 100) { edges { node { id name tier totalAssets { amount currency }
  holdings(first: 10) { edges { node { quantity marketValue { amount currency } product { code name riskRating } } } } } } } }`;
const LIGHT = `{ me { role } }`;
const ROUNDS = 3;
const IDLE_MS = 2500;
const BUSY_MS = 5000;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * xs.length)];

describe.each(testDrivers())('fair share between callers (%s)', (driver) => {
  let t: TestHost;
  const defaults = loadConfig({});
  beforeAll(async () => {
    t = await createTestHost({
      driver,
      customers: 120,
      env: {
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_COST_PER_MINUTE: String(defaults.RATE_LIMIT_COST_PER_MINUTE),
        RATE_LIMIT_CONCURRENCY: String(defaults.RATE_LIMIT_CONCURRENCY),
      },
    });
  }, 180_000);
  afterAll(() => t?.close());

  it("a heavy caller runs; the light caller's p95 stays within 3× of its idle p95", async () => {
    const heavy = `Bearer ${await t.token({ role: 'HEAD_OFFICE', subject: 'fair:heavy' })}`;
    const light = `Bearer ${await t.token({ role: 'HEAD_OFFICE', subject: 'fair:light' })}`;
    const warm = `Bearer ${await t.token({ role: 'HEAD_OFFICE', subject: 'fair:warm-up' })}`;

    // Warm-up: JIT, parse and validation caches, DataLoader paths, connection pool.
    expect((await t.gql(HEAVY, {}, { as: warm })).status).toBe(200);
    for (let i = 0; i < 100; i++) await t.gql(LIGHT, {}, { as: light });

    const sample = async (ms: number, into: number[]) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        const started = performance.now();
        const r = await t.gql(LIGHT, {}, { as: light });
        expect(r.status, JSON.stringify(r.errors)).toBe(200);
        into.push(performance.now() - started);
      }
    };

    const idle: number[] = [];
    const busy: number[] = [];
    const heavyStatuses: Record<number, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      await sample(IDLE_MS, idle);
      let stop = false;
      const loops = Array.from({ length: 8 }, async () => {
        while (!stop) {
          const r = await t.gql(HEAVY, {}, { as: heavy });
          heavyStatuses[r.status] = (heavyStatuses[r.status] ?? 0) + 1;
          if (r.status === 429) await new Promise((res) => setTimeout(res, 100));
        }
      });
      await sample(BUSY_MS, busy);
      stop = true;
      await Promise.all(loops);
    }

    const figures = `idle p95 ${p95(idle).toFixed(1)} ms (n=${idle.length}), busy p95 ${p95(busy).toFixed(1)} ms (n=${busy.length}), heavy ${JSON.stringify(heavyStatuses)}`;
    console.info(`[${driver}] ${figures}`);
    // The heavy caller did run pages, and was held back.
    expect(heavyStatuses[200] ?? 0, figures).toBeGreaterThanOrEqual(1);
    expect(heavyStatuses[429] ?? 0, figures).toBeGreaterThan(0);
    expect(Object.keys(heavyStatuses).sort(), figures).toEqual(['200', '429']);
    expect(p95(busy), figures).toBeLessThanOrEqual(3 * p95(idle));
  }, 120_000);
});
