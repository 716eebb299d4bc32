import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import DataLoader from 'dataloader';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { CatalogWriter, Db, NewHolding, NewProduct, RequestContext, SeedContext, SeedCustomer } from '../../../src/sdk/index.js';
import { testSettings } from '../../../src/sdk/testing.js';
import { fundsSettings } from '../settings.js';

/** The demo "now" the tests seed with (09:00 Beijing, a Monday). */
export const NOW = new Date('2026-11-23T01:00:00.000Z');

/** mulberry32: a small deterministic PRNG so test data never depends on Math.random. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** An in-memory database with only the funds plugin's migrations, counting statements. */
export async function fundsDb() {
  const client = new PGlite();
  const counter = { statements: 0 };
  const db = drizzle(client, { logger: { logQuery: () => void counter.statements++ } }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)) });
  counter.statements = 0;
  return { db, counter, close: () => client.close() };
}

/** A catalog writer that keeps the core rows in memory, as the host's would in its tables. */
export function memoryCatalog() {
  const products = new Map<string, NewProduct & { id: number }>();
  const holdings: NewHolding[] = [];
  const catalog: CatalogWriter = {
    async upsertProducts(rows) {
      for (const p of rows) products.set(p.code, { ...p, id: products.get(p.code)?.id ?? products.size + 1 });
      return new Map([...products.values()].map((p) => [p.code, p.id]));
    },
    async addHoldings(rows) {
      if (rows.length > 500) throw new Error('batch over 500 rows');
      holdings.push(...rows);
    },
    async publishPrice() {},
    async publishExchangeRate() {},
    async productIds() {
      return new Map([...products.values()].map((p) => [p.code, p.id]));
    },
  };
  return { catalog, products, holdings };
}

/** Demo customers with a realistic spread of levels and wealth (about 7 % unassessed). */
export function customers(count: number, random = prng(7)): SeedCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const r = random();
    const riskLevel = r < 0.07 ? null : (['C1', 'C2', 'C3', 'C4', 'C5'] as const)[Math.floor(random() * 5)]!;
    const assets = Math.round(10 ** (3 + random() * 4.3)); // 1,000 … ~20,000,000
    return {
      id: i + 1,
      age: 20 + Math.floor(random() * 60),
      riskLevel,
      residency: 'ONSHORE' as const,
      student: false,
      householdFinancialAssets: `${assets}.00`,
      personalAnnualIncome: `${Math.round(assets / 10)}.00`,
      openedAt: new Date(NOW.getTime() - (60 + Math.floor(random() * 3000)) * 86_400_000),
    };
  });
}

/** A seed context over `db` with the funds settings (optionally overridden). */
export function seedContext(db: Db, overrides: Record<string, unknown> = {}, customerCount = 600) {
  const mem = memoryCatalog();
  const ctx: SeedContext = {
    db,
    settings: testSettings(fundsSettings, overrides),
    catalog: mem.catalog,
    log: { info() {}, warn() {}, error() {} },
    customers: customers(customerCount),
    random: prng(20261123),
    now: NOW,
  };
  return { ctx, ...mem };
}

/** The slice of a request context the funds resolvers use. */
export function requestContext(db: Db): RequestContext {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    db,
    settings: testSettings(fundsSettings),
    lang: 'en',
    now: NOW,
    loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) {
      if (!loaders.has(name)) loaders.set(name, new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>);
      return loaders.get(name) as DataLoader<K, V>;
    },
  } as unknown as RequestContext;
}
