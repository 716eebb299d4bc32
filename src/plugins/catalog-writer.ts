import { Decimal } from 'decimal.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { exchangeRates, externalReports, holdings, products } from '../db/schema/index.js';
import { REPORT_KINDS } from '../domain/external/report-kinds.js';
import { insertInBatches } from '../sdk/batches.js';
import type { CatalogWriter, NewExternalReport, NewHolding, NewProduct } from '../sdk/catalog-writer.js';

/** Whether two prices (numeric text, or null for unpriced) are the same value. */
const samePrice = (a: string | null, b: string | null): boolean => (a === null || b === null ? a === b : new Decimal(a).eq(b));

/** What the host does after a write that changes holdings' values (the asset snapshot follows prices). */
export interface CatalogHooks {
  valuesChanged?(what: { productIds?: number[]; currency?: string }): Promise<unknown>;
}

/**
 * The catalog writer bound to one plugin's line: every product it writes
 * carries that line, and it only touches that line's products.
 */
export function createCatalogWriter(db: Db, line: string, hooks: CatalogHooks = {}): CatalogWriter {
  const ownIds = async (ids: number[]) => {
    if (ids.length === 0) return new Set<number>();
    const rows = await db
      .select({ id: products.id })
      .from(products)
      .where(and(inArray(products.id, ids), eq(products.line, line)));
    return new Set(rows.map((r) => r.id));
  };
  return {
    async upsertProducts(list: NewProduct[]) {
      const result = new Map<string, number>();
      // Products of this line whose price the upsert changes: their holders are revalued afterwards.
      const repriced: number[] = [];
      await insertInBatches(list, async (batch) => {
        const values = batch.map((p) => ({ ...p, line }));
        const before = await db
          .select({ id: products.id, code: products.code, unitPrice: products.unitPrice })
          .from(products)
          .where(
            and(
              inArray(
                products.code,
                values.map((v) => v.code),
              ),
              eq(products.line, line),
            ),
          );
        for (const old of before) {
          const next = values.find((v) => v.code === old.code)!.unitPrice ?? null;
          if (!samePrice(old.unitPrice, next)) repriced.push(old.id);
        }
        const rows = await db
          .insert(products)
          .values(values)
          .onConflictDoUpdate({
            target: products.code,
            set: {
              nameZh: sql`excluded.name_zh`,
              nameEn: sql`excluded.name_en`,
              issuer: sql`excluded.issuer`,
              riskRating: sql`excluded.risk_rating`,
              status: sql`excluded.status`,
              minimumAmount: sql`excluded.minimum_amount`,
              amountStep: sql`excluded.amount_step`,
              unitPrice: sql`excluded.unit_price`,
              unitPriceAt: sql`excluded.unit_price_at`,
              updatedAt: sql`now()`,
            },
            // Never take over another line's product that happens to share a code.
            setWhere: eq(products.line, line),
          })
          .returning({ id: products.id, code: products.code });
        for (const r of rows) result.set(r.code, r.id);
      });
      const missing = list.filter((p) => !result.has(p.code)).map((p) => p.code);
      if (missing.length) throw new Error(`Product codes already used by another line: ${missing.join(', ')}`);
      if (repriced.length) await hooks.valuesChanged?.({ productIds: repriced });
      return result;
    },
    async addHoldings(list: NewHolding[]) {
      const allowed = await ownIds([...new Set(list.map((h) => h.productId))]);
      const foreign = list.find((h) => !allowed.has(h.productId));
      if (foreign) throw new Error(`Product ${foreign.productId} is not a ${line} product`);
      await insertInBatches(list, (batch) => db.insert(holdings).values(batch.map((h) => ({ ...h, attributes: h.attributes ?? {} }))));
    },
    async publishPrice(productId: number, price: string, at: Date) {
      const updated = await db
        .update(products)
        .set({ unitPrice: price, unitPriceAt: at })
        .where(and(eq(products.id, productId), eq(products.line, line)))
        .returning({ id: products.id });
      if (updated.length === 0) throw new Error(`Product ${productId} is not a ${line} product`);
      await hooks.valuesChanged?.({ productIds: [productId] });
    },
    async publishExchangeRate(currency: string, rateToCny: string, at: Date) {
      await db
        .insert(exchangeRates)
        .values({ currency, rateToCny, asOf: at })
        .onConflictDoUpdate({ target: exchangeRates.currency, set: { rateToCny, asOf: at } });
      await hooks.valuesChanged?.({ currency });
    },
    async recordExternalReports(list: NewExternalReport[]) {
      const rows = list.map((r) => {
        const kind = REPORT_KINDS[r.kind];
        const parsed = kind.schema.safeParse(r.payload);
        if (!parsed.success) throw new Error(`${r.kind} report for customer ${r.customerId}: ${parsed.error.issues[0]!.message}`);
        return {
          customerId: r.customerId,
          source: kind.source,
          kind: r.kind,
          reportedAt: r.reportedAt,
          payload: parsed.data as Record<string, unknown>,
          reference: r.reference,
          recordedBy: `seed:${line.toLowerCase()}`,
          recordedAt: r.reportedAt,
        };
      });
      await insertInBatches(rows, (batch) => db.insert(externalReports).values(batch));
    },
    async productIds() {
      const rows = await db.select({ id: products.id, code: products.code }).from(products).where(eq(products.line, line));
      return new Map(rows.map((r) => [r.code, r.id]));
    },
  };
}
