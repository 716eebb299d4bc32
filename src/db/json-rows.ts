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

/**
 * `json_build_array(alias.id, alias.quantity::text, …)` over every column of
 * `table`, in the table's column order. An array, not an object: the column
 * names would be written by PostgreSQL and parsed by the server once per row
 * and column (a page of 100 customers with their holdings and products is
 * thousands of keys); the position is the key.
 */
export function jsonRowOf(table: PgTable, alias: string): SQL {
  const parts = Object.values(getTableColumns(table)).map((column) => {
    const ref = sql`${sql.identifier(alias)}.${sql.identifier((column as PgColumn).name)}`;
    return numericTypes.has((column as PgColumn).columnType) ? sql`${ref}::text` : ref;
  });
  return sql`json_build_array(${sql.join(parts, sql`, `)})`;
}

/** `coalesce(json_agg(<row> order by …), '[]')` over rows of `table` aliased `alias` in `from`. */
export function jsonRowsOf(table: PgTable, alias: string, from: SQL, orderBy: SQL): SQL {
  return sql`(select coalesce(json_agg(${jsonRowOf(table, alias)} order by ${orderBy}), '[]'::json) from ${from})`;
}

/** Per table: its columns in order, with whether the driver mapping changes the JSON value at all. */
const layouts = new WeakMap<PgTable, { key: string; column: PgColumn; mapped: boolean }[]>();
/** Columns whose JSON value is already what `select()` returns (no Date, no numeric-as-string coercion to undo). */
const passThroughTypes = new Set(['PgInteger', 'PgSerial', 'PgText', 'PgVarchar', 'PgBoolean', 'PgEnumColumn', 'PgUUID']);

function layoutOf(table: PgTable) {
  let layout = layouts.get(table);
  if (!layout) {
    layout = Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      column: column as PgColumn,
      mapped: !passThroughTypes.has((column as PgColumn).columnType),
    }));
    layouts.set(table, layout);
  }
  return layout;
}

/** A json column's value as the drivers give it: parsed already (postgres.js) or as text (PGlite may). */
export const jsonValue = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** Decodes rows built by {@link jsonRowOf} into `table`'s select type. */
export function decodeJsonRows<T extends PgTable>(table: T, value: unknown): T['$inferSelect'][] {
  const rows = jsonValue<unknown>(value);
  if (!Array.isArray(rows)) return [];
  const layout = layoutOf(table);
  const n = layout.length;
  const out = new Array<T['$inferSelect']>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r] as unknown[];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const { key, column, mapped } = layout[i]!;
      const v = raw[i];
      row[key] = v === null || v === undefined ? null : mapped ? column.mapFromDriverValue(v) : v;
    }
    out[r] = row as T['$inferSelect'];
  }
  return out;
}
