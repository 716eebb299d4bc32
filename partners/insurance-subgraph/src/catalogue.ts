import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import insurance from '../../../plugins/insurance/index.js';
// The seed only draws for customers' policies, and the insurer has no customers: any fixed stream gives the same catalogue.
import { mulberry32, type CatalogWriter, type Db, type NewProduct, type PluginServices, type SettingsReader } from '../../../src/sdk/index.js';

/** One premium rate of a product's table. */
export interface PartnerRate {
  sex: string;
  ageFrom: number;
  ageTo: number;
  paymentYears: number;
  ratePerThousand: string;
}

/** A product as the insurer holds it: its code (what the bank lists it under), its own id, terms and rates. */
export interface PartnerProduct {
  code: string;
  /** The insurer's own key; never the bank's product id. */
  id: number;
  /** The insurer (partner code, e.g. `pingan-life`). */
  partnerCode: string;
  /** The terms as the line's rules read them (`facts.product.details`). */
  details: Record<string, unknown>;
  rates: PartnerRate[];
}

/** The insurer's own catalogue, by product code. */
export interface Catalogue {
  byCode: ReadonlyMap<string, PartnerProduct>;
}

/** The line's settings at their defaults, read the way the bank's registry reads them (an unknown key is an error). */
export function defaultSettings(): SettingsReader {
  const defaults = new Map((insurance.settings ?? []).map((s) => [s.key, s.default]));
  return {
    get<T>(key: string): T {
      if (!defaults.has(key)) throw new Error(`setting ${key} is not one of the insurance line's`);
      return defaults.get(key) as T;
    },
  };
}

const refused = (what: string) => () => Promise.reject(new Error(`the insurance subgraph keeps no ${what}`));

/**
 * Opens the insurer's own database (in-memory PGlite), applies the insurance line's migrations and runs the
 * line's own seed — the plugin manifest's `seed`, so the product codes are exactly those the bank's demo
 * catalogue lists — with a catalogue writer that keeps the products here instead of in the bank's tables.
 * Deterministic: the same codes and terms on every start.
 */
export async function openCatalogue(): Promise<Catalogue> {
  const client = new PGlite();
  const db = drizzle(client) as unknown as Db;
  await migrate(drizzle(client), { migrationsFolder: insurance.migrationsFolder!, migrationsTable: '__migrations_insurance', migrationsSchema: 'public' });
  const products = new Map<string, NewProduct & { id: number }>();
  const catalog: CatalogWriter = {
    async upsertProducts(list) {
      for (const p of list) products.set(p.code, { ...p, id: products.get(p.code)?.id ?? products.size + 1 });
      return new Map(list.map((p) => [p.code, products.get(p.code)!.id]));
    },
    async addHoldings(holdings) {
      if (holdings.length) throw new Error('the insurance subgraph keeps no customer positions');
    },
    publishPrice: refused('prices'),
    publishExchangeRate: refused('exchange rates'),
    recordExternalReports: refused('external reports'),
    async productIds() {
      return new Map([...products.values()].map((p) => [p.code, p.id]));
    },
  };
  const log = { info: () => {}, warn: () => {}, error: () => {} };
  const services: PluginServices = { db, settings: defaultSettings(), catalog, log };
  await insurance.seed!({ ...services, customers: [], random: mulberry32(1), now: new Date() });
  const ids = [...products.values()].map((p) => p.id);
  const details = await insurance.facts!.products!(services, ids);
  const rateRows = await client.query<{ product_id: number; sex: string; age_from: number; age_to: number; payment_years: number; rate: string }>(
    'select product_id, sex, age_from, age_to, payment_years, rate_per_1000::text as rate from insurance_rates order by product_id, sex, payment_years, age_from',
  );
  const byCode = new Map<string, PartnerProduct>();
  for (const p of products.values()) {
    byCode.set(p.code, {
      code: p.code,
      id: p.id,
      partnerCode: p.partnerCode ?? '',
      details: details.get(p.id) ?? {},
      rates: rateRows.rows
        .filter((r) => r.product_id === p.id)
        .map((r) => ({ sex: r.sex, ageFrom: r.age_from, ageTo: r.age_to, paymentYears: r.payment_years, ratePerThousand: r.rate })),
    });
  }
  // Read once into memory: the terms do not change while the process runs.
  await client.close();
  return { byCode };
}
