/**
 * The rows of `db.execute(…)`'s result, whichever driver ran it: postgres.js
 * answers with an array of rows, PGlite with `{ rows }`.
 */
export function resultRows<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
