import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';

/**
 * Rows of a table carried inside one statement as JSON (`json_agg` over a
 * sub-query) and decoded back into exactly what `select()` returns — so a page
 * and everything nested under it can come back in one round trip.
 *
 * Numerics travel as text (JSON numbers would be JS floats: money is never a
 * float), and each column's own driver mapping (dates, timestamps, JSONB)
 * decodes them, so the rows equal drizzle's.
 */

const numericTypes = new Set(['PgNumeric', 'PgNumericNumber', 'PgNumericBigInt', 'PgBigInt64']);

const dialect = new PgDialect();

/**
 * A fragment with no values (identifiers and literals only) rendered to SQL
 * text once: a query built on it per request traverses one chunk instead of
 * hundreds (one per column of every table it carries).
 */
export function precompiled(fragment: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(fragment);
  if (params.length > 0) throw new Error('precompiled SQL must hold no values');
  return sql.raw(text);
}

/** `json_build_object('id', alias.id, 'quantity', alias.quantity::text, …)` over every column of `table`. */
export function jsonRowOf(table: PgTable, alias: string): SQL {
  const parts = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const ref = sql`${sql.identifier(alias)}.${sql.identifier((column as PgColumn).name)}`;
    const value = numericTypes.has((column as PgColumn).columnType) ? sql`${ref}::text` : ref;
    // Keys are literals (column property names), not parameters: json_build_object's arguments have no type to infer.
    return sql`${sql.raw(`'${key.replace(/'/g, "''")}'`)}, ${value}`;
  });
  return sql`json_build_object(${sql.join(parts, sql`, `)})`;
}

/** `coalesce(json_agg(<row> order by …), '[]')` over rows of `table` aliased `alias` in `from`. */
export function jsonRowsOf(table: PgTable, alias: string, from: SQL, orderBy: SQL): SQL {
  return sql`(select coalesce(json_agg(${jsonRowOf(table, alias)} order by ${orderBy}), '[]'::json) from ${from})`;
}

/** Decodes rows built by {@link jsonRowOf} into `table`'s select type. */
export function decodeJsonRows<T extends PgTable>(table: T, value: unknown): T['$inferSelect'][] {
  const rows = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(rows)) return [];
  const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  return rows.map((raw: Record<string, unknown>) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const v = raw[key];
      row[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
    }
    return row as T['$inferSelect'];
  });
}
