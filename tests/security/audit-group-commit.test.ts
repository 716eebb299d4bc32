import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { recordAuditShared } from '../../src/audit/audit-writer.js';
import type { StatementLog } from '../../src/db/statement-counter.js';
import { withStatementLog } from '../../src/db/statement-counter.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// Reads of concurrent requests share the audit insert (group commit); each
// request's response still waits for its own entries to be committed.

/** A database stand-in whose inserts stay in flight until released. */
function slowDb(fail = false) {
  const inserts: { rows: { request_id: string; target_id: string }[]; release: () => void }[] = [];
  const db = {
    execute(statement: unknown) {
      const params = (statement as { queryChunks: unknown[] }).queryChunks.filter((c) => typeof c === 'string' && c.startsWith('[')) as string[];
      return new Promise<void>((resolve, reject) => {
        inserts.push({ rows: JSON.parse(params[0]!), release: () => (fail ? reject(new Error('disk full')) : resolve()) });
      });
    },
  };
  return { db, inserts };
}

const ctxOf = (db: unknown, requestId: string) => ({ db: db as never, principal: { subject: `u-${requestId}`, role: 'HEAD_OFFICE' } as never, requestId });
const entry = (id: string) => ({ action: 'CUSTOMER_360_READ', targetType: 'Customer', targetId: id });
const tick = () => new Promise((r) => setImmediate(r));

describe('audit group commit', () => {
  it('writes the first request at once and everything that arrived meanwhile in one next insert', async () => {
    const { db, inserts } = slowDb();
    const logs: StatementLog[] = [];
    let settled = 0;
    const writes = ['r1', 'r2', 'r3', 'r4'].map((r) => {
      const log: StatementLog = { count: 0, statements: [] };
      logs.push(log);
      return withStatementLog(log, () => recordAuditShared(ctxOf(db, r), [entry(`C-${r}-a`), entry(`C-${r}-b`)])).then(() => settled++);
    });
    await tick();
    expect(inserts).toHaveLength(1);
    expect(inserts[0]!.rows.map((x) => x.request_id)).toEqual(['r1', 'r1']);
    expect(settled).toBe(0);
    inserts[0]!.release();
    await tick();
    // r1 is committed; r2–r4 waited and now share one insert, still unanswered until it commits.
    expect(settled).toBe(1);
    expect(inserts).toHaveLength(2);
    expect(inserts[1]!.rows.map((x) => x.request_id)).toEqual(['r2', 'r2', 'r3', 'r3', 'r4', 'r4']);
    expect(inserts[1]!.rows[2]).toMatchObject({ target_id: 'C-r3-a', actor: 'u-r3' });
    inserts[1]!.release();
    await Promise.all(writes);
    expect(settled).toBe(4);
    // Each request paid for one audit write.
    expect(logs.map((l) => l.count)).toEqual([1, 1, 1, 1]);
  });

  it('a failed insert fails every request it carried (they withhold their data), and the next one is tried afresh', async () => {
    const failing = slowDb(true);
    const a = recordAuditShared(ctxOf(failing.db, 'a'), [entry('C-a')]);
    const b = recordAuditShared(ctxOf(failing.db, 'b'), [entry('C-b')]);
    const c = recordAuditShared(ctxOf(failing.db, 'c'), [entry('C-c')]);
    await tick();
    failing.inserts[0]!.release();
    await expect(a).rejects.toThrow('disk full');
    await tick();
    failing.inserts[1]!.release();
    await expect(b).rejects.toThrow('disk full');
    await expect(c).rejects.toThrow('disk full');
    const later = recordAuditShared(ctxOf(failing.db, 'd'), [entry('C-d')]);
    await tick();
    expect(failing.inserts).toHaveLength(3);
    failing.inserts[2]!.release();
    await expect(later).rejects.toThrow();
  });

  it('nothing to audit writes nothing', async () => {
    const { db, inserts } = slowDb();
    await recordAuditShared(ctxOf(db, 'x'), []);
    expect(inserts).toHaveLength(0);
  });
});

describe.each(testDrivers())('concurrent pages are each audited in full (%s)', (driver) => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 40 });
  }, 120_000);
  afterAll(() => t?.close());

  it('12 requests at once: every request finds its own entries committed when its response arrives', async () => {
    const q = `query($first: Int!) { customers(first: $first) { edges { node { id holdings(first: 3) { totalCount } } } } }`;
    const sizes = Array.from({ length: 12 }, (_, i) => 1 + (i % 6) * 7);
    const responses = await Promise.all(
      sizes.map(async (first) => {
        const r = await t.gql(q, { first });
        // Read straight after this response: its entries must already be there.
        const requestId = r.headers.get('x-request-id')!;
        const rows = await t.host.runtime.database.db.execute(
          sql`select count(*)::int as n from audit_events where request_id = ${requestId} and action = 'CUSTOMER_360_READ'`,
        );
        const n = ((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows)[0] as { n: number }).n;
        return { first, r, n };
      }),
    );
    for (const { first, r, n } of responses) {
      expect(r.errors).toBeUndefined();
      expect(n).toBe(first);
      expect(r.statements).toBe(2);
    }
  });
});
