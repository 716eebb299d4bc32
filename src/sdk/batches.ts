/**
 * Rows per INSERT when seeding or importing: far below Postgres' limit of
 * 65,535 bound parameters for any table here, and the most a `CatalogWriter`
 * call is meant to carry.
 */
export const BATCH_ROWS = 500;

/**
 * Writes `rows` in consecutive batches of at most `size`, in order, one
 * `insert` call (one statement) per batch and none for no rows. `insert` says
 * how a batch is written — `(b) => db.insert(t).values(b).onConflictDoNothing()`,
 * `(b) => ctx.catalog.addHoldings(b)` — so every conflict policy fits.
 *
 * Why the SDK exports it: the host's seed and every line's seed sliced rows by
 * hand, each with its own `chunks` / `insertBatched` / `BATCH = 500`.
 */
export async function insertInBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>, size = BATCH_ROWS): Promise<void> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`insertInBatches: size must be a positive integer, not ${size}`);
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}
