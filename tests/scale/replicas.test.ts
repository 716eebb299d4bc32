import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLsn } from '../../src/db/replica-health.js';
import type { ReplicaSet } from '../../src/db/replicas.js';
import { resultRows } from '../../src/db/result-rows.js';
import { pgServerBinariesAvailable, startReplicationPair, type ReplicationPair } from '../support/pg-cluster.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

/**
 * Read replicas against a real primary and a real streaming replica (hot standby) started for this file
 * (tests/support/pg-cluster.ts). PostgreSQL only; in CI (CI=true) missing server binaries fail the file
 * instead of skipping it.
 *
 * The host's health interval is long (60 s): the test runs each health round itself (`checkNow`), so that
 * what it shows does not depend on when a poll happens to fire — in particular, that a replica stopped
 * between two polls is caught by the failing statement itself.
 */
const binaries = pgServerBinariesAvailable();
const skip = !process.env.TEST_DATABASE_URL || (!binaries && process.env.CI !== 'true');

const REPLICA = 'standby-a';
const MAX_LAG_MS = 2500;

const BOOK = `{ customers(first: 10) { totalCount edges { node {
  id name tier activity riskProfile { level } manager { name } branch { name } totalAssets { amount currency }
  holdings(first: 5) { totalCount edges { node { quantity product { code line } } } }
  contacts(first: 3) { totalCount edges { node { channel } } }
} } } }`;
const CONTACTS = `query C($id: ID!) { customer(id: $id) { id contacts(first: 1) { totalCount } } }`;
const LOG_CONTACT = `mutation L($i: LogContactInput!) { logContact(input: $i) { outcome } }`;

describe.skipIf(skip)('read replicas on a real primary and streaming replica', () => {
  let pair: ReplicationPair | undefined;
  let t: TestHost;
  let set: ReplicaSet;
  let replicaAdmin: postgres.Sql | undefined;
  const auth: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let customerId: string;

  /** Statements per node during `fn` (the host's per-node counts; x-sql-statements is their sum per request). */
  const perNode = async <T>(fn: () => Promise<T>): Promise<{ result: T; primary: number; replica: number }> => {
    const before = set.statementCounts();
    const result = await fn();
    const after = set.statementCounts();
    return { result, primary: after.primary! - before.primary!, replica: after[REPLICA]! - before[REPLICA]! };
  };
  const status = () => set.statuses().find((s) => s.name === REPLICA)!;
  const until = async (what: string, ok: () => boolean, ms = 15_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      await set.checkNow();
      if (ok()) return;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}: ${JSON.stringify(status(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const contactsOf = async (who: string, headers?: Record<string, string>) => {
    const r = await t.gql(CONTACTS, { id: customerId }, { as: who, headers });
    expect(r.errors).toBeUndefined();
    return { total: r.data.customer.contacts.totalCount as number, statements: r.statements };
  };
  const metrics = async () => (await fetch(t.url.replace(/\/graphql$/, '/metrics'))).text();
  const readyz = async () => {
    const r = await fetch(t.url.replace(/\/graphql$/, '/readyz'));
    return { status: r.status, body: (await r.json()) as { status: string; nodes?: { name: string; up: boolean; inUse?: boolean; reason?: string }[] } };
  };

  beforeAll(async () => {
    if (!binaries) throw new Error('CI=true: the PostgreSQL 15 server binaries (initdb, pg_ctl, pg_basebackup) must be installed (see .ci/run)');
    pair = await startReplicationPair();
    t = await createTestHost({
      driver: 'postgres',
      customers: 20,
      replication: { primaryUrl: pair.primary.url(), replicas: [{ name: REPLICA, url: pair.replica.url() }] },
      env: {
        REPLICA_HEALTH_INTERVAL_MS: '60000',
        REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
        REPLICA_READ_YOUR_WRITES_MS: '60000',
        // No background job polling the primary while statements are counted.
        JOBS: 'off',
      },
    });
    set = t.host.runtime.replicas!;
    replicaAdmin = postgres(pair.replica.url(), { max: 1, onnotice: () => {}, connection: { application_name: 'finmart-test' } });
    for (const k of ['a', 'b', 'c'] as const) auth[k] = `Bearer ${await t.token({ role: 'HEAD_OFFICE', subject: `replica-test:${k}` })}`;
    const first = await t.gql(`{ customers(first: 1) { edges { node { id } } } }`, {}, { as: auth.c });
    customerId = first.data.customers.edges[0].node.id;
    // The seed has reached the replica.
    await until('the replica to catch up', () => status().usable && status().lagBytes === 0);
  });

  afterAll(async () => {
    await replicaAdmin?.end({ timeout: 1 }).catch(() => {});
    await t?.close().catch(() => {});
    await pair?.cleanup();
  });

  it('runs the reads of a customer list and a customer 360 on the replica, and on the primary only the read audit', async () => {
    const replicaLog = pair!.replica.logOffset();
    const primaryLog = pair!.primary.logOffset();
    const { result: r, primary, replica } = await perNode(() => t.gql(BOOK, {}, { as: auth.b }));
    expect(r.errors).toBeUndefined();
    expect(r.data.customers.edges).toHaveLength(10);
    // x-sql-statements still counts every statement of the request, wherever it ran.
    expect(replica + primary).toBe(r.statements);
    expect(replica).toBeGreaterThan(0);
    // The primary ran exactly one statement: the CUSTOMER_360_READ audit insert (a write).
    expect(primary).toBe(1);
    // What the servers themselves logged agrees (the serving pools are `postgres.js`; the monitor is named apart).
    const onReplica = pair!.replica.statementsSince(replicaLog, 'postgres.js');
    const onPrimary = pair!.primary.statementsSince(primaryLog, 'postgres.js');
    expect(onReplica).toHaveLength(replica);
    expect(onReplica.every((s) => /^\s*(select|with)\b/i.test(s))).toBe(true);
    expect(onPrimary).toHaveLength(1);
    expect(onPrimary[0]).toMatch(/^insert into "audit_events"/);
    // The audit insert is on the primary, and the trail holds this request's reads.
    const audit = resultRows<{ n: number }>(
      await t.host.runtime.database.db.execute(
        sql`select count(*)::int as n from audit_events where action = 'CUSTOMER_360_READ' and actor = 'replica-test:b'`,
      ),
    );
    expect(Number(audit[0]!.n)).toBe(10);
  });

  it('a mutation then an immediate query by the same caller sees the write; another caller, or one carrying the LSN, too once replayed', async () => {
    await replicaAdmin!`select pg_wal_replay_pause()`;
    try {
      const before = await contactsOf(auth.b);
      const m = await t.gql(LOG_CONTACT, { i: { customerId, channel: 'PHONE', summary: 'replica test', outcome: 'REACHED' } }, { as: auth.a });
      expect(m.errors).toBeUndefined();
      // The response carries the primary's WAL position past the write, as a header and as a cookie.
      const lsnText = m.headers.get('x-finmart-lsn')!;
      const lsn = parseLsn(lsnText)!;
      expect(lsn).toBeGreaterThan(0n);
      expect(m.headers.get('set-cookie')).toMatch(new RegExp(`^finmart_lsn=${lsnText.replace('/', '\\/')}; Max-Age=60; Path=/; HttpOnly; SameSite=Strict$`));

      // The writer, at once: its read-your-writes window sends it to the primary (the replica has replayed nothing since).
      const own = await perNode(() => contactsOf(auth.a));
      expect(own.result.total).toBe(before.total + 1);
      expect(own.replica).toBe(0);
      expect(own.primary).toBe(own.result.statements);

      // Another caller reads the replica, which has not replayed the write: this is where their reads go.
      const other = await perNode(() => contactsOf(auth.b));
      expect(other.result.total).toBe(before.total);
      expect(other.replica).toBe(other.result.statements - 1);

      // A caller carrying the LSN (from another node's response, say): the primary until a replica has replayed it.
      const carried = await perNode(() => contactsOf(auth.c, { 'x-finmart-lsn': lsnText }));
      expect(carried.result.total).toBe(before.total + 1);
      expect(carried.replica).toBe(0);
      // …the cookie works the same way; a malformed value is ignored.
      const cookie = await perNode(() => contactsOf(auth.c, { cookie: `theme=dark; finmart_lsn=${lsnText}` }));
      expect([cookie.result.total, cookie.replica]).toEqual([before.total + 1, 0]);
      const junk = await perNode(() => contactsOf(auth.c, { 'x-finmart-lsn': 'zz/1' }));
      expect(junk.replica).toBeGreaterThan(0);
    } finally {
      await replicaAdmin!`select pg_wal_replay_resume()`;
    }
    // Once the replica has replayed it, both the carrier and the writer (still in its window) read the replica and see the write.
    const lsn = parseLsn(
      (await t.gql(LOG_CONTACT, { i: { customerId, channel: 'VISIT', summary: 'again', outcome: 'REACHED' } }, { as: auth.a })).headers.get('x-finmart-lsn'),
    )!;
    await until('the replica to replay the mutation', () => (status().lsn ?? 0n) >= lsn);
    const expected = (await contactsOf(auth.c, { 'x-finmart-lsn': '0/0' })).total;
    const writer = await perNode(() => contactsOf(auth.a));
    expect(writer.result.total).toBe(expected);
    expect(writer.replica).toBe(writer.result.statements - 1);
  });

  it('skips a replica further behind than REPLICA_MAX_LAG_MS, and exports its lag', async () => {
    await set.checkNow();
    expect(await metrics()).toMatch(new RegExp(`finmart_db_replica_lag_seconds\\{node="${REPLICA}"\\} [0-9.e-]+\\n`));
    await replicaAdmin!`select pg_wal_replay_pause()`;
    try {
      expect((await t.gql(LOG_CONTACT, { i: { customerId, channel: 'PHONE', summary: 'lag', outcome: 'NO_ANSWER' } }, { as: auth.a })).errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, MAX_LAG_MS + 300));
      await set.checkNow();
      expect(status()).toMatchObject({ up: true, usable: false, reason: 'lagging' });
      expect(status().lagMs!).toBeGreaterThan(MAX_LAG_MS);
      const text = await metrics();
      const lag = Number(new RegExp(`finmart_db_replica_lag_seconds\\{node="${REPLICA}"\\} ([0-9.e+-]+)`).exec(text)?.[1]);
      expect(lag).toBeGreaterThan(MAX_LAG_MS / 1000);
      expect(text).toContain(`finmart_db_replica_in_use{node="${REPLICA}"} 0`);
      // A caller with no write of its own is served by the primary now.
      const lagging = await perNode(() => contactsOf(auth.b));
      expect(lagging.replica).toBe(0);
      expect(await metrics()).toMatch(/finmart_db_read_routing_total\{target="primary",reason="no_usable_replica"\} [1-9]/);
      const ready = await readyz();
      expect(ready.status).toBe(200);
      expect(ready.body.nodes?.find((n) => n.name === REPLICA)).toMatchObject({ up: true, inUse: false, reason: 'lagging' });
    } finally {
      await replicaAdmin!`select pg_wal_replay_resume()`;
    }
    await until('the replica to be used again and caught up', () => status().usable && status().lagBytes === 0);
    expect((await perNode(() => contactsOf(auth.b))).replica).toBeGreaterThan(0);
  });

  it('when the replica stops, the next queries are answered by the primary without an error, and /readyz and the metrics say it is down', async () => {
    const warm = await perNode(() => t.gql(BOOK, {}, { as: auth.b }));
    expect(warm.replica).toBeGreaterThan(0);
    await replicaAdmin!.end({ timeout: 1 }).catch(() => {});
    replicaAdmin = undefined;
    await pair!.replica.stop('immediate');
    // No health round has run since: the statements routed to the replica fail over to the primary themselves.
    const failed = await perNode(() => t.gql(BOOK, {}, { as: auth.b }));
    expect(failed.result.status).toBe(200);
    expect(failed.result.errors).toBeUndefined();
    expect(failed.result.data).toEqual(warm.result.data);
    expect(failed.primary).toBeGreaterThan(0);
    expect(status()).toMatchObject({ up: false, usable: false, reason: 'down' });
    const after = await perNode(() => t.gql(BOOK, {}, { as: auth.b }));
    expect(after.result.errors).toBeUndefined();
    expect([after.replica, after.primary]).toEqual([0, after.result.statements]);

    await set.checkNow();
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(ready.body.nodes).toEqual([
      { name: 'primary', role: 'primary', up: true },
      expect.objectContaining({ name: REPLICA, role: 'replica', up: false, inUse: false, reason: 'down' }),
    ]);
    const text = await metrics();
    expect(text).toContain(`finmart_db_node_up{node="${REPLICA}",role="replica"} 0`);
    expect(text).toContain(`finmart_db_node_up{node="primary",role="primary"} 1`);
    expect(text).not.toMatch(new RegExp(`finmart_db_replica_lag_seconds\\{node="${REPLICA}"\\}`));
    expect(Number(new RegExp(`finmart_db_replica_failovers_total\\{node="${REPLICA}"\\} (\\d+)`).exec(text)?.[1])).toBeGreaterThan(0);
    // No URL (nor its credentials) in what the host tells about its nodes.
    expect(JSON.stringify(ready.body) + text).not.toContain(`127.0.0.1:${pair!.replica.port}`);
  });
});
