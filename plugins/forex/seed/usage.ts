import { Decimal, type Random, type SeedCustomer } from '../../../src/sdk/index.js';
import type { forexAnnualUsage } from '../schema.js';

const usd2 = (n: number) => new Decimal(n).toDecimalPlaces(2).toFixed(2);

/** Mostly modest purchases; one in ten close to the quota, one in twenty above it (with documents). */
export function usageFor(c: SeedCustomer, year: number, rnd: Random): typeof forexAnnualUsage.$inferInsert {
  const band = rnd.int(1, 20);
  const purchased = band === 1 ? 50_000 + rnd.int(1, 30_000) : band <= 3 ? 45_000 + rnd.int(0, 5_000) : Math.min(44_000, rnd.logNormal(6_000, 0.9));
  const sold = rnd.chance(0.35) ? Math.min(50_000, rnd.logNormal(5_000, 1)) : 0;
  return { customerId: c.id, year, purchasedUsd: usd2(purchased), soldUsd: usd2(sold) };
}
