import { count } from 'drizzle-orm';
import type { Host } from '../app/host.js';
import { ensurePartitionsAhead } from '../db/partitions.js';
import { branches, customers, exchangeRates } from '../db/schema/index.js';
import { ageAt } from '../domain/customers/derived.js';
import { revalueCustomers } from '../domain/holdings/revalue.js';
import type { SeedCustomer } from '../sdk/manifest.js';
import { DEFAULT_NOW, DEFAULT_SEED, seedCoreDemo } from './core-demo.js';
import { mulberry32 } from './random.js';
import { seedBundles } from './bundles.js';
import { seedDayCloses } from './day-closes.js';
import { seedLeads } from './leads.js';
import { seedMisSellingCase } from './mis-selling-case.js';
import { seedRoster } from './roster.js';
import { seedSatisfaction } from './satisfaction.js';
import { seedPoints } from './points.js';
import { seedMakerChecker } from './maker-checker.js';

/** Reference rates to CNY seeded with the core; the forex plugin replaces them with its own. */
const REFERENCE_RATES: Record<string, string> = {
  USD: '7.1000',
  EUR: '7.7000',
  JPY: '0.0475',
  GBP: '9.0000',
  HKD: '0.9100',
  AUD: '4.6500',
  CAD: '5.1500',
  CHF: '8.0500',
  SGD: '5.3000',
  NZD: '4.2000',
  KRW: '0.0052',
  THB: '0.2000',
};

/** Stable per-plugin seed so one plugin's data does not change when another is added. */
const pluginSeed = (code: string) => [...code].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, DEFAULT_SEED);

/**
 * Seeds the deterministic demo bank: core data, then each loaded plugin's
 * products and holdings, then the asset snapshot used by the tier filter, then
 * the manager roster (qualifications, a few mismatched assignments), then the
 * end-of-day closes the KPIs compare, the leads, the satisfaction surveys
 * and the points ledger.
 */
export async function seedDemoBank(
  host: Host,
  opts: { customers: number; now?: Date; misSellingCase?: boolean; makerChecker?: boolean },
): Promise<{ customers: number }> {
  const { runtime } = host;
  const db = runtime.database.db;
  const now = opts.now ?? DEFAULT_NOW;
  const started = Date.now();
  /** Runs one step and prints one progress line: the step, what it made (when it says) and how long it took. */
  const step = async <T>(name: string, run: () => Promise<T>, counts: (r: T) => Record<string, number> = () => ({})): Promise<T> => {
    const t0 = Date.now();
    const r = await run();
    runtime.log.info({ step: name, ...counts(r), ms: Date.now() - t0 }, `seed: ${name}`);
    return r;
  };
  const core = await step(
    'core',
    () => seedCoreDemo(db, { customers: opts.customers, now, settings: runtime.settings }),
    (c) => ({ customers: c.customerIds.length }),
  );
  await db
    .insert(exchangeRates)
    .values(Object.entries(REFERENCE_RATES).map(([currency, rateToCny]) => ({ currency, rateToCny, asOf: now })))
    .onConflictDoNothing();
  const seedCustomers = await seedCustomersOf(host, now);
  for (const plugin of runtime.plugins) {
    if (!plugin.seed) continue;
    await step(`plugin ${plugin.code}`, () =>
      plugin.seed!({ ...runtime.servicesFor(plugin.code), customers: seedCustomers, random: pluginRandom(plugin.code), now }),
    );
  }
  await step('valuation', () => revalueCustomers(runtime));
  // After revaluation: the mismatched assignments are chosen by the asset snapshot.
  await step('roster', () => seedRoster(runtime, now));
  await step('bundles', () => seedBundles(runtime));
  // After the roster: a close records each customer's manager.
  await step('day closes', () => seedDayCloses(runtime, now));
  await step(
    'leads',
    () => seedLeads(runtime, now),
    (n) => ({ leads: n }),
  );
  // After the plugins' orders and the complaints: what the purchases earned, lapses, redemptions, grants.
  await step('points', () => seedPoints(runtime, now));
  // Off unless asked (the demo server and `npm run seed`): it places a real order, which test fixtures built on the seed do not expect.
  if (opts.misSellingCase) await step('mis-selling case', () => seedMisSellingCase(host, now));
  // Last: from here on the listed actions wait for a second person (the demo server and `npm run seed` only).
  if (opts.makerChecker) await step('maker-checker', () => seedMakerChecker(host, now));
  // After the orders there are (the mis-selling case's included): satisfaction surveys about contacts, closed complaints and orders.
  await step('satisfaction', () => seedSatisfaction(runtime, now));
  // The history just written is years deep: every month's rows move from the default partitions to their own.
  await step(
    'partitions',
    () => ensurePartitionsAhead(db, now),
    (made) => ({ made }),
  );
  runtime.log.info({ customers: core.customerIds.length, ms: Date.now() - started }, 'seed: demo bank ready');
  return { customers: core.customerIds.length };
}

/** The bank's customers as a plugin's seed sees them (ages on the demo's day). */
export async function seedCustomersOf(host: Host, now: Date): Promise<SeedCustomer[]> {
  const rows = await host.runtime.database.db.select().from(customers);
  return rows.map((c) => ({
    id: c.id,
    age: ageAt(c.birthDate, now),
    riskLevel: c.riskLevel,
    residency: c.residency as SeedCustomer['residency'],
    student: c.student,
    householdFinancialAssets: c.householdFinancialAssets,
    personalAnnualIncome: c.personalAnnualIncome,
    openedAt: c.createdAt,
  }));
}

/** A plugin's own demo stream: stable whatever other plugins are loaded. */
export const pluginRandom = (code: string) => mulberry32(pluginSeed(code));

/** True when the database holds no bank yet. */
export async function isEmpty(host: Host): Promise<boolean> {
  const [{ n }] = await host.runtime.database.db.select({ n: count() }).from(branches);
  return n === 0;
}
