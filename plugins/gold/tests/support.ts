import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import DataLoader from 'dataloader';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { CatalogWriter, Db, NewHolding, NewProduct, ProductRecord, RequestContext, SeedContext, SeedCustomer } from '../../../src/sdk/index.js';
import { testSettings } from '../../../src/sdk/testing.js';
import { goldSettings } from '../settings.js';

/** The demo "now": Monday 2026-11-23 09:00 in Shanghai. */
export const NOW = new Date('2026-11-23T01:00:00.000Z');

/** mulberry32, so test data never depends on Math.random. */
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

/** An in-memory database with only the gold plugin's migrations, counting statements. */
export async function goldDb() {
  const client = new PGlite();
  const counter = { statements: 0 };
  const db = drizzle(client, { logger: { logQuery: () => void counter.statements++ } }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)) });
  counter.statements = 0;
  return { db, counter, close: () => client.close() };
}

/** A catalog writer keeping core rows in memory, as the host keeps them in its tables. */
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

/** Demo customers: levels C1–C5 and about 7 % never assessed. */
export function customers(count: number, random = prng(7)): SeedCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const riskLevel = random() < 0.07 ? null : (['C1', 'C2', 'C3', 'C4', 'C5'] as const)[Math.floor(random() * 5)]!;
    const assets = Math.round(10 ** (3 + random() * 4.3));
    return {
      id: i + 1,
      age: 20 + Math.floor(random() * 60),
      riskLevel,
      residency: i % 12 === 0 ? ('FOREIGN' as const) : ('ONSHORE' as const),
      student: false,
      householdFinancialAssets: `${assets}.00`,
      personalAnnualIncome: `${Math.round(assets / 10)}.00`,
      openedAt: new Date(NOW.getTime() - (30 + Math.floor(random() * 3000)) * 86_400_000),
    };
  });
}

export function seedContext(db: Db, overrides: Record<string, unknown> = {}, customerCount = 1000) {
  const mem = memoryCatalog();
  const ctx: SeedContext = {
    db,
    settings: testSettings(goldSettings, overrides),
    catalog: mem.catalog,
    log: { info() {}, warn() {}, error() {} },
    customers: customers(customerCount),
    random: prng(20261123),
    now: NOW,
  };
  return { ctx, ...mem };
}

/** The slice of a request context the resolvers use. */
export function requestContext(db: Db, lang: 'en' | 'zh-CN' = 'en'): RequestContext {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    db,
    settings: testSettings(goldSettings),
    lang,
    now: NOW,
    t: (x: { 'zh-CN': string; en: string }) => x[lang],
    loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) {
      if (!loaders.has(name)) loaders.set(name, new DataLoader<K, V>(batch) as DataLoader<unknown, unknown>);
      return loaders.get(name) as DataLoader<K, V>;
    },
  } as unknown as RequestContext;
}

/** A core product row as the host would load it (the resolvers' root). */
export const productRecord = (p: NewProduct & { id: number }): ProductRecord =>
  ({ ...p, line: 'GOLD', unitPrice: p.unitPrice ?? null, currency: p.currency ?? 'CNY' }) as unknown as ProductRecord;
