import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/db/client.js';

/**
 * What TEST_DATABASE_URL points at: PostgreSQL (unset) or PgBouncer in transaction mode
 * (`TEST_DATABASE_POOLER=pgbouncer`: every connection without prepared statements, as DATABASE_POOLER does).
 */
const testPooler = (): 'pgbouncer' | undefined => {
  const v = process.env.TEST_DATABASE_POOLER;
  if (v === undefined || v === '' || v === 'none') return undefined;
  if (v !== 'pgbouncer') throw new Error(`TEST_DATABASE_POOLER: 'pgbouncer' or unset, not '${v}'`);
  return v;
};

type Driver = 'pglite' | 'postgres';

/**
 * TEST_DRIVERS (`pglite`, `postgres` or both, comma-separated): the drivers a run is restricted to. CI's second run
 * of the suite (Node 22) says `postgres`: the production path on the other Node, without repeating every PGlite
 * half, which runs the same WebAssembly on either Node and keeps CI within its time.
 */
const wantedDrivers = (): Driver[] | undefined => {
  const v = process.env.TEST_DRIVERS;
  if (v === undefined || v.trim() === '') return undefined;
  const wanted = v.split(',').map((d) => d.trim());
  for (const d of wanted) if (d !== 'pglite' && d !== 'postgres') throw new Error(`TEST_DRIVERS: 'pglite' and/or 'postgres', not '${d}'`);
  return wanted as Driver[];
};

/**
 * The drivers the suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set — and PostgreSQL only when
 * TEST_DATABASE_POOLER is set: such a run is about the path through the pooler, and PGlite's runs would repeat the
 * plain suite's. TEST_DRIVERS narrows that list.
 */
export const testDrivers = (): Driver[] => {
  const available: Driver[] = process.env.TEST_DATABASE_URL ? (testPooler() ? ['postgres'] : ['pglite', 'postgres']) : ['pglite'];
  const wanted = wantedDrivers();
  if (!wanted) return available;
  const drivers = available.filter((d) => wanted.includes(d));
  if (drivers.length === 0)
    throw new Error(`TEST_DRIVERS=${process.env.TEST_DRIVERS}: none of them is available here (${available.join(', ')}; PostgreSQL needs TEST_DATABASE_URL)`);
  return drivers;
};

/** A per-file database's name on a server URL (TEST_DATABASE_URL or TEST_DATABASE_DIRECT_URL). */
const withDatabase = (base: string, name: string) => {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
};

/**
 * A fresh, empty database for one test file: in-memory PGlite, or a new
 * PostgreSQL database created next to TEST_DATABASE_URL and dropped afterwards.
 * With TEST_DATABASE_POOLER=pgbouncer, TEST_DATABASE_URL is a PgBouncer in transaction mode: the database is
 * opened as DATABASE_POOLER=pgbouncer opens it, and `pooler` / `directUrl` (TEST_DATABASE_DIRECT_URL, a direct
 * connection to the same server, for migrations) are what a host's configuration should say.
 */
export async function freshDatabase(
  driver: 'pglite' | 'postgres',
  /** `serverUrl`: create the database on this PostgreSQL server instead (a test's own cluster; no pooler). */
  opts: { serverUrl?: string } = {},
): Promise<{ database: Database; url?: string; pooler?: 'pgbouncer'; directUrl?: string; drop(): Promise<void> }> {
  if (driver === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const base = opts.serverUrl ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const pooler = opts.serverUrl ? undefined : testPooler();
  const directBase = opts.serverUrl ? undefined : process.env.TEST_DATABASE_DIRECT_URL || undefined;
  const name = `finmart_t_${randomBytes(6).toString('hex')}`;
  // Creating and dropping databases is maintenance: over the direct connection when there is one; through
  // PgBouncer without prepared statements.
  const admin = postgres(directBase ?? base, { max: 1, onnotice: () => {}, ...(pooler && !directBase ? { prepare: false } : {}) });
  await admin.unsafe(`create database ${name}`);
  const url = withDatabase(base, name);
  const directUrl = directBase ? withDatabase(directBase, name) : undefined;
  const database = await openDatabase({ url, maxConnections: 20, pooler, directUrl });
  return {
    database,
    url,
    pooler,
    directUrl,
    async drop() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
