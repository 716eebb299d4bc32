import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import type { Database } from '../../src/db/client.js';
import { parseReplicaUrls } from '../../src/db/replica-config.js';
import { estimateLagMs, formatLsn, parseLsn, type NodeStatus } from '../../src/db/replica-health.js';
import { isReadOnlyStatement, ReplicaSet, worthFailover, type ReplicationHealth } from '../../src/db/replicas.js';
import { countStatements } from '../../src/db/statement-counter.js';
import { customers } from '../../src/db/schema/index.js';
import { requestedLsn } from '../../src/http/read-routing.js';
import { createLogger } from '../../src/logger.js';
import { asyncScope } from '../../src/observability/async-scope.js';

/**
 * The replica routing without servers: which statements may go to a replica, which node a statement of a
 * scope reaches (through fake postgres.js clients that record what they are sent), the choice of a replica
 * under read-your-writes, the lag estimate and the configuration format. tests/scale/replicas.test.ts runs the
 * same against a real primary and standby.
 */

describe('statement classification', () => {
  it.each([
    ['select 1', true],
    [' (select a from t) union (select b from u)', true],
    ['with x as (select 1) select * from x', true],
    ['values (1), (2)', true],
    ['select "update", "delete" from "t" where kind = \'INSERT\' -- for update', true],
    ['select updated_at, deleted_at from t', true],
    ['select $$insert into x$$', true],
    ['select * from t for update', false],
    ['select * from t for no key update skip locked', false],
    ['select * from t for key share', false],
    ['with x as (update t set a = 1 returning *) select * from x', false],
    ['with x as (delete from t returning *) select count(*) from x', false],
    ['insert into t values (1)', false],
    ['select * into t2 from t', false],
    ["select nextval('s')", false],
    ['select pg_advisory_xact_lock(1)', false],
    ['select pg_current_wal_lsn()', false],
    ['set statement_timeout = 0', false],
    ['explain analyze select 1', false],
    ['lock table t in exclusive mode', false],
  ])('%s → read-only %s', (text, expected) => {
    expect(isReadOnlyStatement(text)).toBe(expected);
  });

  it('fails over for an unreachable or shutting-down replica, a recovery conflict or a refused write — not for a timeout or a bad statement', () => {
    const pg = (code: string) => Object.assign(new Error('x'), { name: 'PostgresError', code });
    expect(worthFailover({ cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })).toBe('down');
    expect(worthFailover(pg('57P01'))).toBe('down');
    expect(worthFailover(pg('40001'))).toBe('conflict');
    expect(worthFailover(pg('25006'))).toBe('write');
    expect(worthFailover(pg('57014'))).toBeUndefined();
    expect(worthFailover(pg('42P01'))).toBeUndefined();
  });
});

describe('LSNs and lag', () => {
  it('parses and formats LSNs as PostgreSQL prints them, ignoring anything else', () => {
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(formatLsn(parseLsn('16/B374D848')!)).toBe('16/B374D848');
    expect(parseLsn('0/0')).toBe(0n);
    for (const bad of ['', 'zz/1', '1/2/3', '123456789/0', ' ; drop', undefined, null]) expect(parseLsn(bad)).toBeUndefined();
  });

  it('takes the newest LSN of header and cookie', () => {
    expect(requestedLsn('0/10', 'a=b; finmart_lsn=0/20; c=d')).toBe(0x20n);
    expect(requestedLsn('0/30', 'finmart_lsn=0/20')).toBe(0x30n);
    expect(requestedLsn(undefined, 'finmart_lsn=0%2F40')).toBe(0x40n);
    expect(requestedLsn('nonsense', 'finmart_lsn=%E0%A4%A')).toBeUndefined();
  });

  it('estimates lag as an upper bound: small when caught up, also on a quiet primary, growing while replay is behind', () => {
    const history = [
      { at: 1000, lsn: 100n },
      { at: 3000, lsn: 200n },
      { at: 5000, lsn: 300n },
    ];
    expect(estimateLagMs({ now: 5010, replayLsn: 300n, sinceReplayMs: 3_600_000, history })).toBe(10);
    // A quiet primary committed an hour ago, wrote a little WAL since (not yet replayed): the replica had all of 3000's.
    expect(estimateLagMs({ now: 5010, replayLsn: 250n, sinceReplayMs: 3_600_000, history })).toBe(2010);
    // Behind everything recorded: the last replayed commit bounds it.
    expect(estimateLagMs({ now: 5010, replayLsn: 50n, sinceReplayMs: 9000, history })).toBe(9000);
    expect(estimateLagMs({ now: 5010, replayLsn: 150n, sinceReplayMs: 1500, history })).toBe(1500);
    expect(estimateLagMs({ now: 5010, replayLsn: undefined, sinceReplayMs: 10, history })).toBeUndefined();
    expect(estimateLagMs({ now: 5010, replayLsn: 50n, sinceReplayMs: null, history })).toBeUndefined();
  });
});

describe('configuration', () => {
  it('names replicas, in order by default, and never repeats a URL in a problem', () => {
    expect(parseReplicaUrls('postgres://a@h1/db, pg-b=postgres://a:secret@h2:5433/db').replicas).toEqual([
      { name: 'replica-1', url: 'postgres://a@h1/db' },
      { name: 'pg-b', url: 'postgres://a:secret@h2:5433/db' },
    ]);
    const bad = parseReplicaUrls('mysql://u:secret@h/db,primary=postgres://u:secret@h/db,x=postgres://u:secret@h/db,x=postgres://u:secret@h2/db');
    expect(bad.replicas.map((r) => r.name)).toEqual(['x']);
    expect(bad.problems).toHaveLength(3);
    expect(bad.problems.join('\n')).not.toContain('secret');
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://u@h/db' })).toThrow(ConfigError);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@p/db', DATABASE_REPLICA_URLS: 'postgres://u@h/db' }).replicas).toHaveLength(1);
    expect(loadConfig({}).replicas).toEqual([]);
  });
});

/** A postgres.js stand-in recording which node each statement reached; `down()` makes it refuse connections. */
function fakeNode(name: string, sent: string[][], down: () => boolean = () => false) {
  const client = {
    options: { parsers: {}, serializers: {} },
    unsafe(text: string) {
      const run = async () => {
        sent.push([name, text]);
        if (down()) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return [];
      };
      return { then: (ok: (v: unknown) => unknown, ko: (e: unknown) => unknown) => run().then(ok, ko), values: run };
    },
    begin: async (fn: (c: unknown) => Promise<unknown>) => {
      sent.push([name, 'begin']);
      const r = await fn(client);
      sent.push([name, 'commit']);
      return r;
    },
  };
  return { db: { $client: client }, driver: 'postgres', ping: async () => {}, unbounded: (fn: never) => fn, close: async () => {} } as unknown as Database;
}

function fakeHealth(statuses: NodeStatus[]): ReplicationHealth & { markDown: ReturnType<typeof vi.fn> } {
  const byName = new Map(statuses.map((s) => [s.name, s]));
  return {
    status: (n: string) => byName.get(n),
    statuses: () => [...byName.values()],
    check: async () => {},
    markDown: vi.fn((n: string) => Object.assign(byName.get(n)!, { up: false, usable: false, reason: 'down' })),
    primaryLsn: async () => 0n,
    close: async () => {},
  };
}

const replicaStatus = (name: string, lsn: bigint, usable = true): NodeStatus => ({ name, role: 'replica', up: usable, usable, lsn });

describe('routing', () => {
  const setUp = (opts: { down?: () => boolean; readYourWritesMs?: number } = {}) => {
    const sent: string[][] = [];
    const health = fakeHealth([{ name: 'primary', role: 'primary', up: true, usable: true }, replicaStatus('r1', 100n), replicaStatus('r2', 50n)]);
    const set = new ReplicaSet(
      fakeNode('primary', sent),
      [
        { name: 'r1', database: fakeNode('r1', sent, opts.down) },
        { name: 'r2', database: fakeNode('r2', sent) },
      ],
      health,
      { readYourWritesMs: opts.readYourWritesMs ?? 60_000, log: createLogger('silent') },
    );
    return { sent, set, health };
  };
  const inScope = <T>(replica: string | undefined, fn: () => Promise<T>) => asyncScope.run({ ...asyncScope.getStore(), readReplica: replica }, fn);

  it("sends a scope's reads to its replica and everything else to the primary; after a write, the scope reads the primary", async () => {
    const { sent, set } = setUp();
    await set.db.select({ id: customers.id }).from(customers);
    await inScope('r1', async () => {
      await set.db.select({ id: customers.id }).from(customers);
      await set.db.execute(sql`select 1`);
      await set.db.transaction(async (tx) => void (await tx.select({ id: customers.id }).from(customers)));
      await set.db.select({ id: customers.id }).from(customers).for('update');
      await set.db.select({ id: customers.id }).from(customers);
    });
    await inScope('r1', async () => {
      await set.db.execute(sql`insert into audit_events default values`);
      await set.db.execute(sql`select 2`);
    });
    expect(sent.map(([node, text]) => `${node}: ${text}`)).toEqual([
      'primary: select "id" from "customers"',
      'r1: select "id" from "customers"',
      'r1: select 1',
      'primary: begin',
      'primary: select "id" from "customers"',
      'primary: commit',
      'primary: select "id" from "customers" for update',
      // The scope wrote (a locking read): its later reads stay on the primary.
      'primary: select "id" from "customers"',
      'primary: insert into audit_events default values',
      'primary: select 2',
    ]);
    // Counted per node and, as before, per scope (x-sql-statements).
    const { log } = await countStatements(() => inScope('r2', async () => void (await set.db.execute(sql`select 3`))));
    expect(log.count).toBe(1);
    expect(set.statementCounts()).toEqual({ primary: 6, r1: 2, r2: 1 });
  });

  it('runs a read again on the primary when its replica refuses connections, and marks the replica down', async () => {
    const { sent, set, health } = setUp({ down: () => true });
    const { log } = await countStatements(() => inScope('r1', async () => void (await set.db.select({ id: customers.id }).from(customers))));
    expect(sent.map(([node]) => node)).toEqual(['r1', 'primary']);
    expect(health.markDown).toHaveBeenCalledWith('r1', expect.anything());
    // Tried twice, counted twice.
    expect(log.count).toBe(2);
    expect(set.chooseReplica('someone')).toBe('r2');
  });

  it('chooses a usable replica that has replayed the caller’s last write or the LSN it carries, in turn, else the primary', async () => {
    const { set, health } = setUp();
    expect([set.chooseReplica('a'), set.chooseReplica('a'), set.chooseReplica('a')]).toEqual(['r1', 'r2', 'r1']);
    set.noteWrite('a', 80n);
    expect(set.chooseReplica('a')).toBe('r1');
    expect(set.chooseReplica('b', 120n)).toBeUndefined();
    set.noteWrite('a', 150n);
    expect(set.chooseReplica('a')).toBeUndefined();
    set.noteWrite('c', undefined);
    expect(set.chooseReplica('c')).toBeUndefined();
    health.markDown('r1', new Error());
    health.markDown('r2', new Error());
    expect(set.chooseReplica('b')).toBeUndefined();
  });

  it('forgets a write once the window has passed', async () => {
    const { set } = setUp({ readYourWritesMs: 20 });
    set.noteWrite('a', 1000n);
    expect(set.chooseReplica('a')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 30));
    expect(set.chooseReplica('a')).toBeDefined();
  });
});
