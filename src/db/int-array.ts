import { sql, type SQL } from 'drizzle-orm';

/** A list of ids as an `int[]` SQL value (each a bound parameter), for `= any(…)` and `unnest(…)`. */
export const intArray = (ids: readonly number[]): SQL => sql`array[${sql.join(ids.map((id) => sql`${id}::int`), sql`, `)}]::int[]`;
