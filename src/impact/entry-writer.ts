import { sql, type SQL } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import { impactReportEntries } from '../db/schema/index.js';
import type { ImpactEntry } from './judge-book.js';

/** Entries written per statement: one JSON parameter each (a few MB), unpacked by the database. */
export const WRITE_BATCH = 20_000;

/**
 * One statement writing many entries: the rows travel as one JSON parameter and `jsonb_to_recordset` unpacks
 * them (a report at scale holds hundreds of thousands of entries; built row by row, the statements cost more
 * than the judging).
 */
export function insertEntriesSql(reportId: number, rows: readonly ImpactEntry[]): SQL {
  const json = JSON.stringify(
    rows.map((e) => ({
      c: e.customerId,
      p: e.productId,
      l: e.line,
      b: e.branchId,
      m: e.managerId,
      d: e.direction,
      bf: e.before,
      af: e.after,
      ca: e.codesAdded,
      cr: e.codesRemoved,
    })),
  );
  return sql`insert into ${impactReportEntries} (report_id, customer_id, product_id, line, branch_id, manager_id, direction, before, after, codes_added, codes_removed)
    select ${reportId}::int, x.c, x.p, x.l, x.b, x.m, x.d, x.bf, x.af, x.ca, x.cr
    from jsonb_to_recordset(${json}::jsonb) as x(c int, p int, l text, b int, m int, d text, bf text, af text, ca text[], cr text[])`;
}

/**
 * Writes a report's entries in one transaction of its own, and finishes the report in it. On PostgreSQL the
 * transaction is open while the run judges, on another connection: each full batch of entries is written as
 * soon as it is judged, so the database inserts while this process judges (at scale, writing the entries of a
 * widely felt change costs as much as judging it). PGlite runs one transaction at a time and the run's
 * snapshot is one: there every entry is written after the snapshot closes. Either way the report's entries
 * and its DONE status commit together, or not at all.
 */
export class EntryWriter {
  private readonly pending: ImpactEntry[] = [];
  private readonly queue: ImpactEntry[][] = [];
  private wake: (() => void) | null = null;
  private closing: { finish: (tx: Tx) => Promise<void> } | null = null;
  private failed: unknown = null;
  private streaming: Promise<void> | null = null;
  /** Time spent writing entries once the run had nothing else to do (what the streaming did not hide). */
  tailMs = 0;

  constructor(
    private readonly database: Pick<Database, 'db' | 'driver'>,
    private readonly reportId: number,
  ) {
    if (database.driver === 'postgres') this.streaming = this.database.db.transaction((tx) => this.drain(tx));
    // A failure while the run is still judging surfaces when the run closes or aborts the writer.
    this.streaming?.catch(() => {});
  }

  /** Adds entries; a full batch goes to the database at once when streaming. */
  add(entry: ImpactEntry): void {
    this.pending.push(entry);
    if (this.streaming && this.pending.length >= WRITE_BATCH) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.queue.push(this.pending.splice(0, this.pending.length));
    this.wake?.();
  }

  private async drain(tx: Tx): Promise<void> {
    for (;;) {
      if (this.failed) throw this.failed;
      const batch = this.queue.shift();
      if (batch) {
        await tx.execute(insertEntriesSql(this.reportId, batch));
        continue;
      }
      if (this.closing) {
        await this.closing.finish(tx);
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = null;
    }
  }

  /** Writes what is left and finishes the report (`finish` runs in the same transaction, after the last entry). */
  async close(finish: (tx: Tx) => Promise<void>): Promise<void> {
    const t = performance.now();
    if (this.streaming) {
      this.flush();
      this.closing = { finish };
      this.wake?.();
      await this.streaming;
    } else {
      await this.database.db.transaction(async (tx) => {
        for (let i = 0; i < this.pending.length; i += WRITE_BATCH) await tx.execute(insertEntriesSql(this.reportId, this.pending.slice(i, i + WRITE_BATCH)));
        await finish(tx);
      });
    }
    this.tailMs = performance.now() - t;
  }

  /** The run failed: roll back whatever was written (nothing of the report's entries stays). */
  async abort(error: unknown): Promise<void> {
    if (!this.streaming) return;
    this.failed = error;
    this.wake?.();
    await this.streaming.catch(() => {});
  }
}
