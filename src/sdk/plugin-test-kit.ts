import { PGlite } from '@electric-sql/pglite';
import DataLoader from 'dataloader';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Db } from '../db/client.js';
import type { ProductRecord } from '../domain/products/product.record.js';
import type { RequestContext } from '../graphql/context.js';
import type { Lang } from '../i18n/localized.js';
import { mulberry32, randomOf } from '../seed/random.js';
import type { SettingDefinition } from '../settings/registry.js';
import { BATCH_ROWS } from './batches.js';
import type { CatalogWriter, NewHolding, NewProduct, NewExternalReport } from './catalog-writer.js';
import type { SeedContext, SeedCustomer } from './manifest.js';
import { testSettings } from './test-settings.js';

/**
 * Tools for testing a plugin's own data layer without the host: its tables in
 * an in-memory database, a catalog writer that keeps core rows in memory, demo
 * customers, and the slice of a request context resolvers use.
 */

/** The demo "now" plugin tests seed with: Monday 2026-11-23 09:00 in Beijing. */
export const TEST_SEED_NOW = new Date('2026-11-23T01:00:00.000Z');

/** A deterministic PRNG in [0, 1) (mulberry32), so test data never depends on Math.random. */
export const prng = (seed: number): (() => number) => mulberry32(seed);

/** An in-memory database with only the given migrations applied, counting statements. */
export async function pluginDatabase(migrationsFolder: string) {
  const client = new PGlite();
  const counter = { statements: 0 };
  const db = drizzle(client, { logger: { logQuery: () => void counter.statements++ } }) as unknown as Db;
  await migrate(db as never, { migrationsFolder });
  counter.statements = 0;
  return { db, counter, close: () => client.close() };
}

/** A catalog writer keeping core rows in memory, as the host keeps them in its tables. */
export function memoryCatalog() {
  const products = new Map<string, NewProduct & { id: number }>();
  const holdings: NewHolding[] = [];
  const rates = new Map<string, { rateToCny: string; at: Date }>();
  const reports: NewExternalReport[] = [];
  const catalog: CatalogWriter = {
    async upsertProducts(rows) {
      for (const p of rows) products.set(p.code, { ...p, id: products.get(p.code)?.id ?? products.size + 1 });
      return new Map([...products.values()].map((p) => [p.code, p.id]));
    },
    async addHoldings(rows) {
      // The host writes in batches of at most BATCH_ROWS rows; a seed must not rely on more.
      if (rows.length > BATCH_ROWS) throw new Error(`batch over ${BATCH_ROWS} rows`);
      holdings.push(...rows);
    },
    async publishPrice() {},
    async publishExchangeRate(currency, rateToCny, at) {
      rates.set(currency, { rateToCny, at });
    },
    async productIds() {
      return new Map([...products.values()].map((p) => [p.code, p.id]));
    },
    async recordExternalReports(rows) {
      if (rows.length > BATCH_ROWS) throw new Error(`batch over ${BATCH_ROWS} rows`);
      reports.push(...rows);
    },
  };
  return { catalog, products, holdings, rates, reports };
}

/** Demo customers with a spread of levels (about 7 % never assessed) and wealth (1,000 … ~20,000,000). */
export function demoSeedCustomers(
  count: number,
  opts: { random?: () => number; foreignEvery?: number; minTenureDays?: number; now?: Date } = {},
): SeedCustomer[] {
  const random = randomOf(opts.random ?? prng(7));
  const now = opts.now ?? TEST_SEED_NOW;
  return Array.from({ length: count }, (_, i) => {
    const riskLevel = random.chance(0.07) ? null : random.pick(['C1', 'C2', 'C3', 'C4', 'C5'] as const);
    const assets = Math.round(10 ** (3 + random.next() * 4.3));
    return {
      id: i + 1,
      age: random.int(20, 79),
      riskLevel,
      residency: opts.foreignEvery && i % opts.foreignEvery === 0 ? ('FOREIGN' as const) : ('ONSHORE' as const),
      student: false,
      householdFinancialAssets: `${assets}.00`,
      personalAnnualIncome: `${Math.round(assets / 10)}.00`,
      openedAt: new Date(now.getTime() - ((opts.minTenureDays ?? 30) + random.int(0, 2999)) * 86_400_000),
    };
  });
}

/** A seed context over `db` with the plugin's settings (optionally overridden) and an in-memory catalog. */
export function pluginSeedContext(
  db: Db,
  settings: SettingDefinition[],
  opts: { overrides?: Record<string, unknown>; customers: SeedCustomer[]; seed?: number; now?: Date },
) {
  const mem = memoryCatalog();
  const ctx: SeedContext = {
    db,
    settings: testSettings(settings, opts.overrides),
    catalog: mem.catalog,
    log: { info() {}, warn() {}, error() {} },
    customers: opts.customers,
    random: prng(opts.seed ?? 20261123),
    now: opts.now ?? TEST_SEED_NOW,
  };
  return { ctx, ...mem };
}

/** The slice of a request context plugin resolvers use: db, settings, language, clock, loaders. */
export function pluginRequestContext(db: Db, settings: SettingDefinition[], lang: Lang = 'en', now = TEST_SEED_NOW): RequestContext {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    db,
    settings: testSettings(settings),
    lang,
    now,
    t: (x: { 'zh-CN': string; en: string }) => x[lang],
    loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) {
      if (!loaders.has(name)) loaders.set(name, new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>);
      return loaders.get(name) as DataLoader<K, V>;
    },
  } as unknown as RequestContext;
}

/** A core product row as the host would load it (a product resolver's root). */
export const productRecordOf = (line: string, p: NewProduct & { id: number }): ProductRecord =>
  ({ ...p, line, unitPrice: p.unitPrice ?? null, currency: p.currency ?? 'CNY' }) as unknown as ProductRecord;
