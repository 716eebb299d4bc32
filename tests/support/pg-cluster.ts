import { execFile, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * A PostgreSQL primary and a streaming replica of the test's own, from the server binaries CI installs
 * (postgresql-15: initdb, pg_ctl, pg_basebackup), on spare ports in a temporary directory. Run as root, the
 * servers run as the `postgres` OS user (initdb refuses root). Every statement a server runs is logged
 * (`log_statement = all`) with the client's application name, so a test can count what ran where.
 */

/** Where the PostgreSQL 15 server binaries are (PG_BIN overrides). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Whether initdb, pg_ctl, pg_basebackup and postgres are there. */
export const pgServerBinariesAvailable = (): boolean => ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((b) => existsSync(join(PG_BIN, b)));

/** One running server. */
export interface PgNode {
  port: number;
  dataDir: string;
  logFile: string;
  /** `postgres://postgres@127.0.0.1:<port>/<database>`. */
  url(database?: string): string;
  /** Stops the server (`immediate`: no shutdown checkpoint, as a crash would). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Bytes in its log so far: pass to {@link PgNode.statementsSince}. */
  logOffset(): number;
  /** Statements the server logged since `offset` from clients named `application` (the first line of each; empty ones left out). */
  statementsSince(offset: number, application: string): string[];
}

/** A primary and its streaming replica. */
export interface ReplicationPair {
  primary: PgNode;
  replica: PgNode;
  /** Stops both servers and deletes their directories; safe to call twice and after a failed start. */
  cleanup(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

const run = (cmd: string, args: string[], timeoutMs = 60_000): Promise<string> =>
  new Promise((resolve, reject) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args]] : [join(PG_BIN, cmd), args];
    execFile(file, argv, { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${cmd} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });

/** A port nobody listens on right now. */
const sparePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const idOf = (flag: '-u' | '-g') => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());

function node(dataDir: string, port: number): PgNode {
  const logFile = `${dataDir}.log`;
  return {
    port,
    dataDir,
    logFile,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async (mode = 'fast') => {
      await run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
    },
    logOffset: () => (existsSync(logFile) ? statSync(logFile).size : 0),
    statementsSince(offset, application) {
      const fd = openSync(logFile, 'r');
      try {
        const size = statSync(logFile).size;
        const buf = Buffer.alloc(Math.max(0, size - offset));
        readSync(fd, buf, 0, buf.length, offset);
        const prefix = `@${application}@ LOG:  `;
        return (
          buf
            .toString('utf8')
            .split('\n')
            .filter((l) => l.startsWith(prefix) && /^(statement|execute [^:]*): /.test(l.slice(prefix.length)))
            .map((l) => l.slice(prefix.length).replace(/^(statement|execute [^:]*): /, ''))
            // postgres.js's empty protocol query when a connection opens is not a statement of the application.
            .filter((text) => text.trim() !== '')
        );
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * initdb a primary (`wal_level = replica`, WAL senders, replication trusted from 127.0.0.1), start it,
 * `pg_basebackup -R` a replica from it, start that, and wait until it streams. On any failure what was started
 * is stopped and deleted before the error is thrown.
 */
export async function startReplicationPair(): Promise<ReplicationPair> {
  if (!pgServerBinariesAvailable()) throw new Error(`PostgreSQL server binaries not found in ${PG_BIN} (initdb, pg_ctl, pg_basebackup)`);
  const root = mkdtempSync(join(tmpdir(), 'finmart-replicas-'));
  if (asRoot) chownSync(root, idOf('-u'), idOf('-g'));
  const [pp, rp] = [await sparePort(), await sparePort()];
  const primary = node(join(root, 'primary'), pp);
  const replica = node(join(root, 'replica'), rp === pp ? await sparePort() : rp);
  const started: PgNode[] = [];
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    process.off('exit', onExit);
    for (const n of started.reverse()) await n.stop('immediate').catch(() => {});
    rmSync(root, { recursive: true, force: true });
  };
  // Whatever happens to the test process, no server is left running and no directory behind.
  const onExit = () => {
    for (const n of started)
      spawnSync(asRoot ? 'runuser' : join(PG_BIN, 'pg_ctl'), [
        ...(asRoot ? ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl')] : []),
        '-D',
        n.dataDir,
        '-m',
        'immediate',
        'stop',
      ]);
    rmSync(root, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  try {
    await run('initdb', ['-D', primary.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    appendFileSync(
      join(primary.dataDir, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `port = ${primary.port}`,
        // TCP only: the system's socket directory belongs to the system's server.
        `unix_socket_directories = ''`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        // The replica's readers hold back vacuum on the primary rather than being cancelled by it.
        'hot_standby_feedback = on',
        'max_connections = 60',
        'shared_buffers = 32MB',
        // A test cluster: speed over durability.
        'fsync = off',
        // What each server ran, with the client's application name: the test counts statements per node from it.
        `log_statement = 'all'`,
        `log_line_prefix = '@%a@ '`,
        '',
      ].join('\n'),
    );
    appendFileSync(join(primary.dataDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 trust\n');
    await run('pg_ctl', ['-D', primary.dataDir, '-l', primary.logFile, '-w', '-t', '30', 'start']);
    started.push(primary);
    await run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      replica.dataDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    // The copy carries the primary's configuration: only the port differs (the last setting wins).
    appendFileSync(join(replica.dataDir, 'postgresql.conf'), `port = ${replica.port}\n`);
    await run('pg_ctl', ['-D', replica.dataDir, '-l', replica.logFile, '-w', '-t', '30', 'start']);
    started.push(replica);
    const sql = postgres(primary.url(), { max: 1, onnotice: () => {}, connection: { application_name: 'finmart-test' } });
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_replication where state = 'streaming'`;
        if (n > 0) break;
        if (Date.now() > deadline) throw new Error('the replica did not start streaming within 30 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await sql.end();
    }
    return { primary, replica, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
