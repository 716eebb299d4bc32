import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, DEVELOPMENT_JWT_SECRET } from '../../src/config/config.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { checkPooledStatementTimeout } from '../../src/db/pooler.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { freePort, ROOT } from '../posture/spawned-server.js';

// PgBouncer in transaction mode in front of the suite's PostgreSQL, with a pool small enough (3 server connections
// per database) that many client connections really share few server connections. PostgreSQL only; on CI a
// missing pgbouncer binary is a failure (.ci/run installs Debian's package), elsewhere the file is skipped.

/** The API suite's order and idempotency-key tests, run again through PgBouncer. */
const POOLED_SUITE = ['tests/orders/orders.test.ts', 'tests/orders/redemption.test.ts', 'tests/points/points.test.ts'];
const POOL_SIZE = 3;
/** The nested run takes about 25 s; past this it is killed and the test fails rather than holding CI. */
const NESTED_RUN_LIMIT_MS = 150_000;

const upstream = process.env.TEST_DATABASE_DIRECT_URL || process.env.TEST_DATABASE_URL;
const onCi = process.env.CI === 'true';

/** PGBOUNCER_BIN when set (and only it), else Debian's path, else PATH. */
function findPgbouncer(): string | undefined {
  if (process.env.PGBOUNCER_BIN) return existsSync(process.env.PGBOUNCER_BIN) ? process.env.PGBOUNCER_BIN : undefined;
  if (existsSync('/usr/sbin/pgbouncer')) return '/usr/sbin/pgbouncer';
  const which = spawnSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : undefined;
}
const pgbouncerBin = upstream ? findPgbouncer() : undefined;

/** `url` with another database (and, for PgBouncer, another host and port). */
const urlOf = (base: string, database: string, port?: number) => {
  const u = new URL(base);
  u.pathname = `/${database}`;
  if (port !== undefined) {
    u.hostname = '127.0.0.1';
    u.port = String(port);
  }
  return u.toString();
};

/** A PgBouncer of this file's own: started on a spare port, stopped and its directory removed in afterAll. */
interface Bouncer {
  port: number;
  child: ChildProcess;
  dir: string;
  log(): string;
  /** A statement on the admin console (simple query protocol only). */
  admin(command: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

async function startPgbouncer(bin: string, server: string): Promise<Bouncer> {
  const target = new URL(server);
  const user = decodeURIComponent(target.username || 'postgres');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'finmart-pgbouncer-'));
  // PgBouncer refuses to run as root: it drops to `nobody`, which must read its files.
  chmodSync(dir, 0o755);
  const ini = [
    '[databases]',
    // Any database name reaches the same server: each test file creates its own database.
    `* = host=${target.hostname} port=${target.port || 5432}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${join(dir, 'userlist.txt')}`,
    `admin_users = ${user}`,
    'pool_mode = transaction',
    `default_pool_size = ${POOL_SIZE}`,
    'max_client_conn = 500',
    // A client waiting for a server connection this long gets an error instead of hanging the test.
    'query_wait_timeout = 30',
    // No ignore_startup_parameters: a client sending what PgBouncer cannot carry must fail, not be silently ignored.
  ].join('\n');
  writeFileSync(join(dir, 'pgbouncer.ini'), `${ini}\n`, { mode: 0o644 });
  writeFileSync(join(dir, 'userlist.txt'), `"${user}" "${decodeURIComponent(target.password)}"\n`, { mode: 0o644 });
  const root = process.getuid?.() === 0;
  // Not daemonized (-d): the process is this test's child, and its log is its stderr.
  const child = spawn(bin, [...(root ? ['-u', 'nobody'] : []), join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (log += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (log += c));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.once('error', (e) => (log += `\n${e.message}`));
  const adminConsole = postgres(urlOf(server, 'pgbouncer', port), { max: 1, prepare: false, fetch_types: false, onnotice: () => {}, connect_timeout: 2 });
  const bouncer: Bouncer = {
    port,
    child,
    dir,
    log: () => log,
    admin: async (command) => [...(await adminConsole.unsafe(command).simple())] as Record<string, unknown>[],
    async stop() {
      await adminConsole.end({ timeout: 1 }).catch(() => {});
      if (child.exitCode === null && child.signalCode === null) {
        // SIGTERM: immediate shutdown; SIGKILL if it does not go.
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (let waited = 0; ; waited += 100) {
    try {
      await bouncer.admin('SHOW VERSION');
      return bouncer;
    } catch (e) {
      if (child.exitCode !== null || waited > 10_000) {
        await bouncer.stop();
        throw new Error(`PgBouncer did not start: ${(e as Error).message}\n${log}`, { cause: e });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const CLIENTS = 12;
const ROUNDS = 20;

/** Counts failures by SQLSTATE and message (names of prepared statements elided). */
const tally = (errors: Record<string, number>, e: unknown) => {
  const err = e as { code?: string; message: string; cause?: { code?: string; message: string } };
  const cause = err.cause ?? err;
  const key = `${cause.code} ${cause.message.replace(/"[^"]*"/, '"…"')}`;
  errors[key] = (errors[key] ?? 0) + 1;
};

/**
 * CLIENTS connections each run ROUNDS write transactions through `db` (a parameterized read, then an insert into
 * `pgb_probe`): how many the client saw commit, and the failures.
 */
async function writeTransactions(database: Database) {
  const errors: Record<string, number> = {};
  let committed = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < ROUNDS; i++) {
        try {
          await database.db.transaction(async (tx) => {
            await tx.execute(sql`select count(*) from pgb_probe where c = ${c}`);
            await tx.execute(sql`insert into pgb_probe (c, i) select ${c}::int, ${i}::int from pg_sleep(0.002)`);
          });
          committed++;
        } catch (e) {
          tally(errors, e);
        }
      }
    }),
  );
  return { committed, errors };
}

/** Server and client connections of PgBouncer's pools for the databases `which` selects. */
async function poolSample(bouncer: Bouncer, which: (database: string) => boolean) {
  const rows = (await bouncer.admin('SHOW POOLS')).filter((r) => which(String(r.database)));
  const n = (r: Record<string, unknown>, ...keys: string[]) => keys.reduce((s, k) => s + Number(r[k] ?? 0), 0);
  return {
    clients: Math.max(0, ...rows.map((r) => n(r, 'cl_active', 'cl_waiting'))),
    servers: Math.max(0, ...rows.map((r) => n(r, 'sv_active', 'sv_idle', 'sv_used', 'sv_tested', 'sv_login'))),
  };
}

describe.skipIf(!upstream)('PgBouncer in transaction mode', () => {
  if (!pgbouncerBin) {
    // On CI the binary is installed (.ci/run): its absence must not pass as a skip.
    (onCi ? it : it.skip)('needs the pgbouncer binary (Debian: apt-get install pgbouncer)', () => {
      throw new Error('pgbouncer not found (PGBOUNCER_BIN, /usr/sbin/pgbouncer, PATH); .ci/run installs it');
    });
    return;
  }
  const server = upstream!;
  const baseDb = new URL(server).pathname.slice(1) || 'postgres';
  let bouncer: Bouncer;
  // Direct to PostgreSQL: creating, configuring and dropping this file's databases.
  let direct: postgres.Sql;
  const created: string[] = [];
  const createDatabase = async () => {
    const name = `finmart_pgb_${randomBytes(5).toString('hex')}`;
    await direct.unsafe(`create database ${name}`);
    created.push(name);
    return name;
  };

  beforeAll(async () => {
    direct = postgres(server, { max: 1, onnotice: () => {} });
    bouncer = await startPgbouncer(pgbouncerBin, server);
  });
  afterAll(async () => {
    await bouncer?.stop();
    for (const name of created) await direct.unsafe(`drop database if exists ${name} with (force)`);
    await direct?.end();
  });

  it('refuses a statement_timeout startup parameter (PgBouncer 1.18): the serving timeout cannot travel with the connection', async () => {
    const client = postgres(urlOf(server, baseDb, bouncer.port), { max: 1, prepare: false, onnotice: () => {}, connection: { statement_timeout: 1000 } });
    try {
      await expect(client`select 1`).rejects.toMatchObject({ code: '08P01', message: expect.stringMatching(/unsupported startup parameter/) });
    } finally {
      await client.end({ timeout: 1 });
    }
  });

  it('breaks prepared statements under concurrency, even losing commits; openDatabase({ pooler: "pgbouncer" }) does not', async () => {
    const name = await createDatabase();
    const url = urlOf(server, name, bouncer.port);
    // The rows that really committed, counted directly on PostgreSQL.
    const onDb = postgres(urlOf(server, name), { max: 1, onnotice: () => {} });
    await onDb`create table pgb_probe (c int not null, i int not null)`;
    const count = async () => Number((await onDb`select count(*)::int as n from pgb_probe`)[0]!.n);
    try {
      // postgres.js's default: every statement a named prepared statement, known to one server connection only; in a
      // transaction (pinned to another server connection) its next use fails.
      const raw = postgres(url, { max: CLIENTS, onnotice: () => {} });
      const rawErrors: Record<string, number> = {};
      try {
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, c) => {
            for (let i = 0; i < ROUNDS; i++) {
              await raw
                .begin(async (tx) => {
                  await tx`select ${i}::int + 1 as n`;
                  await tx`select count(*) from pg_class where oid > ${c}`;
                })
                .catch((e: unknown) => tally(rawErrors, e));
            }
          }),
        );
      } finally {
        await raw.end({ timeout: 1 });
      }
      expect(
        Object.keys(rawErrors).some((k) => k.startsWith('26000 prepared statement "…" does not exist')),
        JSON.stringify(rawErrors),
      ).toBe(true);

      // Worse, through drizzle (which prepares none of its statements) postgres.js still prepares its own BEGIN and
      // COMMIT: a COMMIT whose statement the server connection lacks fails, the driver retries it in the now aborted
      // transaction, and PostgreSQL answers that COMMIT with ROLLBACK — no error. Transactions "commit" and vanish.
      const prepared = await openDatabase({ url, maxConnections: CLIENTS });
      try {
        const outcome = await writeTransactions(prepared);
        expect(outcome.committed + Object.values(outcome.errors).reduce((a, b) => a + b, 0)).toBe(CLIENTS * ROUNDS);
        expect(await count(), JSON.stringify(outcome)).toBeLessThan(outcome.committed);
      } finally {
        await prepared.close();
      }

      const before = await count();
      const pooled = await openDatabase({ url, maxConnections: CLIENTS, pooler: 'pgbouncer' });
      try {
        let busiest = { clients: 0, servers: 0 };
        const sampling = (async () => {
          for (let i = 0; i < 5; i++) {
            await new Promise((r) => setTimeout(r, 30));
            const s = await poolSample(bouncer, (d) => d === name);
            if (s.clients > busiest.clients) busiest = s;
          }
        })();
        const outcome = await writeTransactions(pooled);
        await sampling;
        expect(outcome).toEqual({ committed: CLIENTS * ROUNDS, errors: {} });
        expect(await count()).toBe(before + CLIENTS * ROUNDS);
        // Many clients, at most POOL_SIZE server connections: transactions really took turns on shared connections.
        expect(busiest.clients).toBeGreaterThan(POOL_SIZE);
        expect(busiest.servers).toBeLessThanOrEqual(POOL_SIZE);
      } finally {
        await pooled.close();
      }
    } finally {
      await onDb.end();
    }
  });

  it("holds the statement timeout only through the server's setting, which the start log reports; migrations stay unbounded on the direct URL", async () => {
    const name = await createDatabase();
    const user = decodeURIComponent(new URL(server).username || 'postgres');
    const opts = { url: urlOf(server, name, bouncer.port), directUrl: urlOf(server, name), pooler: 'pgbouncer' as const, statementTimeoutMs: 500 };
    const unset = await openDatabase(opts);
    try {
      // Nothing on the server: the configured 500 ms does not reach PostgreSQL, and the check says so.
      const check = await checkPooledStatementTimeout(unset.db, 500);
      expect(check).toMatchObject({ enforced: false, serverMs: 0 });
      expect(check.message).toMatch(/NOT enforced.*ALTER ROLE/);
      await expect(unset.db.execute(sql`select pg_sleep(0.8)`)).resolves.toBeDefined();
    } finally {
      await unset.close();
    }
    // The replacement: a role setting in this database (production: the API's role in its database), then
    // PgBouncer's existing server connections are renewed (RECONNECT) so they start with it.
    await direct.unsafe(`alter role "${user}" in database ${name} set statement_timeout = '500ms'`);
    await bouncer.admin(`RECONNECT ${name}`);
    const lines: string[] = [];
    const config = loadConfig({
      NODE_ENV: 'test',
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      SEED_ON_EMPTY: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: opts.url,
      DATABASE_DIRECT_URL: opts.directUrl,
      DATABASE_POOLER: 'pgbouncer',
      DB_STATEMENT_TIMEOUT_MS: '500',
    });
    // Boots as `npm start` does: migrations over the direct URL (without the role's 500 ms), serving through PgBouncer.
    const running = await startServer(config, createLogger('info', { write: (l: string) => void lines.push(l) }));
    try {
      const said = lines.map((l) => JSON.parse(l) as { level: number; msg: string; statementTimeoutMs?: number });
      expect(said.find((l) => l.msg.includes('behind PgBouncer: statement timeout'))).toMatchObject({ level: 30, statementTimeoutMs: 500 });
      expect(said.some((l) => l.level >= 40 && l.msg.includes('PgBouncer'))).toBe(false);
      const { db } = running.host.runtime.database;
      // An autocommit statement and one inside a transaction are both cancelled by the server (57014).
      await expect(db.execute(sql`select pg_sleep(2)`)).rejects.toMatchObject({ cause: { code: '57014' } });
      await expect(db.transaction((tx) => tx.execute(sql`select pg_sleep(2)`))).rejects.toMatchObject({ cause: { code: '57014' } });
      // Unbounded work (migrations, seeding) runs on the direct connection with statement_timeout 0, whatever the role says.
      await expect(running.host.runtime.database.unbounded((u) => u.execute(sql`select pg_sleep(0.8)`))).resolves.toBeDefined();
    } finally {
      await running.stop();
    }
  });

  it('runs the order and idempotency-key tests of the API suite through it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'finmart-pgbouncer-run-'));
    const results = join(out, 'results.json');
    const pooledDb = (d: string) => d.startsWith('finmart_t_');
    const statsOf = async () =>
      Object.fromEntries(
        (await bouncer.admin('SHOW STATS')).filter((r) => pooledDb(String(r.database))).map((r) => [String(r.database), Number(r.total_xact_count)]),
      );
    const before = await statsOf();
    // Only what the nested run needs: the outer run's VITEST_* and TEST_* must not steer it.
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(VITEST|TEST_|TEST$|NODE_OPTIONS$)/.test(k)) env[k] = v;
    Object.assign(env, {
      TEST_DATABASE_URL: urlOf(server, baseDb, bouncer.port),
      TEST_DATABASE_POOLER: 'pgbouncer',
      TEST_DATABASE_DIRECT_URL: urlOf(server, baseDb),
    });
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...POOLED_SUITE, '--reporter=json', `--outputFile=${results}`],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (output = (output + c).slice(-20_000)));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (output = (output + c).slice(-20_000)));
    // The whole process group (vitest and its forks) goes on a time-out or a failure of this test.
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    let busiest = { clients: 0, servers: 0 };
    let running = true;
    const sampling = (async () => {
      while (running) {
        const s = await poolSample(bouncer, pooledDb).catch(() => busiest);
        busiest = { clients: Math.max(busiest.clients, s.clients), servers: Math.max(busiest.servers, s.servers) };
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    try {
      const code = await new Promise<number | null>((resolve) => {
        const limit = setTimeout(() => {
          output += `\n[killed after ${NESTED_RUN_LIMIT_MS} ms]`;
          killGroup();
        }, NESTED_RUN_LIMIT_MS);
        child.once('exit', (c) => {
          clearTimeout(limit);
          resolve(c);
        });
      });
      running = false;
      await sampling;
      expect(code, output).toBe(0);
      const report = JSON.parse(readFileSync(results, 'utf8')) as {
        success: boolean;
        numPassedTests: number;
        numFailedTests: number;
        testResults: { name: string }[];
      };
      expect(report.success).toBe(true);
      expect(report.numFailedTests).toBe(0);
      expect(report.numPassedTests).toBeGreaterThan(0);
      // Exactly the files asked for, nothing the outer run's configuration might add.
      expect(report.testResults.map((r) => r.name.slice(ROOT.length)).sort()).toEqual([...POOLED_SUITE].sort());
      // The traffic went through PgBouncer: transactions on the per-file databases it pooled…
      const after = await statsOf();
      const newDatabases = Object.keys(after).filter((d) => !(d in before));
      expect(newDatabases.length).toBe(POOLED_SUITE.length);
      expect(newDatabases.reduce((s, d) => s + after[d]!, 0)).toBeGreaterThan(100);
      // …many client connections at a time on never more than the pool's server connections per database.
      expect(busiest.clients).toBeGreaterThan(POOL_SIZE);
      expect(busiest.servers).toBeLessThanOrEqual(POOL_SIZE);
      console.info(`pooled suite: ${report.numPassedTests} tests passed; busiest pool: ${JSON.stringify(busiest)}`);
    } finally {
      running = false;
      killGroup();
      rmSync(out, { recursive: true, force: true });
    }
  }, 200_000);
});
