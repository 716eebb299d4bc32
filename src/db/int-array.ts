import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** A list of ids as an `int[]` SQL value (each a bound parameter), for `= any(…)` and `unnest(…)`. */
export const intArray = (ids: readonly number[]): SQL =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}::int`),
    sql`, `,
  )}]::int[]`;

/**
 * `column = any($1::int[])` with the whole list as one bound parameter (an array literal of integers): the
 * statement is the same text and one parameter whatever the batch size, where `inArray` binds one parameter
 * per id — for a batch of thousands, building and binding those cost more than the query (the facts of a
 * book read 2,000 customers at a time). Only integers reach the literal (checked), so nothing can be injected.
 */
export function inIds(column: AnyColumn | SQL, ids: readonly number[]): SQL {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new TypeError(`not an id: ${String(id)}`);
  return sql`${column} = any(${`{${ids.join(',')}}`}::int[])`;
}
