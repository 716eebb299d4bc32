import type postgres from 'postgres';
import type { CapturedStatement } from './database.js';

/** The hot statements the scale bench must show without a sequential scan. */
export const HOT = [
  {
    name: 'customers page (manager + risk filter, keyset)',
    test: /from "customers" where .*"customers"\."manager_id" = .*"customers"\."id" > .*order by .*limit/is,
  },
  { name: 'customer by id, with scope (look-ahead statement)', test: /^with page as \(select .*from "customers" where \(?"customers"\."id" (=|in) /is },
  { name: 'open holdings of the page (inside the look-ahead)', test: /from "holdings" h where h\.customer_id = any\(array\(select id from page\)\)/is },
  { name: 'products of those holdings (inside the look-ahead)', test: /from "products" p where p\.id in \(select product_id from hold\)/is },
  {
    name: 'newest risk assessment per customer (inside the look-ahead)',
    test: /from "risk_assessments" a where a\.customer_id = c\.id order by a\.assessed_at desc/is,
  },
] as const;

/** One EXPLAIN (ANALYZE, BUFFERS) of a statement the app sent. */
export interface Plan {
  name: string;
  /** The statement with its parameters written in as literals. */
  sql: string;
  plan: string[];
  seqScans: { table: string; rows: number }[];
  executionMs: number;
}

const literal = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (Array.isArray(v)) return `array[${v.map(literal).join(', ')}]`;
  if (typeof v === 'object') return `'${JSON.stringify(v).replace(/'/g, "''")}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
};

/** The statement with `$n` replaced by its parameter as a literal (highest n first, so $1 never eats $10). */
export function inline(s: CapturedStatement): string {
  let out = s.sql;
  for (let i = s.params.length; i >= 1; i--) out = out.split(`$${i}`).join(literal(s.params[i - 1]));
  return out;
}

/** The first captured statement matching each hot pattern (those not seen are reported missing). */
export function pickHot(statements: CapturedStatement[]): { name: string; statement?: CapturedStatement }[] {
  return HOT.map((h) => ({ name: h.name, statement: statements.find((s) => h.test.test(s.sql)) }));
}

/** Runs EXPLAIN (ANALYZE, BUFFERS) on the literal statement and lists sequential scans with the table's size. */
export async function explain(db: postgres.Sql, name: string, statement: CapturedStatement): Promise<Plan> {
  const text = inline(statement);
  const rows = await db.unsafe(`explain (analyze, buffers) ${text}`);
  const plan = rows.map((r) => String(r['QUERY PLAN']));
  const seqScans: Plan['seqScans'] = [];
  for (const line of plan) {
    const m = /Seq Scan on (\w+)/.exec(line);
    if (!m) continue;
    const [{ n }] = await db.unsafe('select reltuples::bigint n from pg_class where relname = $1', [m[1]]);
    seqScans.push({ table: m[1], rows: Number(n) });
  }
  const exec = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
  return { name, sql: text, plan, seqScans, executionMs: exec ? Number(exec[1]) : NaN };
}
