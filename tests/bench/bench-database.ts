import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { createHost } from '../../src/app/host.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import { seedDemoBank } from '../../src/seed/demo-bank.js';
import type { PluginManifest } from '../../src/sdk/manifest.js';

/**
 * The bench's PostgreSQL database: a fresh one with a unique name on the
 * server the configuration names (`BENCH_DATABASE_URL`, else `DATABASE_URL`,
 * else `TEST_DATABASE_URL`), seeded with the demo bank, analysed, dropped at
 * the end. A unique name, so the bench never drops a database another job uses.
 */

/** The PostgreSQL server URL the bench may create its database on, or null (PGlite only). */
export function benchServerUrl(): string | null {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? null;
}

/** `base` with its database name replaced. */
export function withDatabase(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database of the bench's own. */
export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates `finmart_bench_<random>` next to `base`. */
export async function createBenchDatabase(base: string): Promise<BenchDatabase> {
  const name = `finmart_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end({ timeout: 5 });
  return {
    url: withDatabase(base, name),
    name,
    async drop() {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      try {
        // Ours alone (a unique name): ending any connection a killed server left behind is safe.
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  };
}

/** Seeds the demo bank into `url`, analyses it and installs the peer's computed columns. */
export async function seedBenchDatabase(url: string, customers: number, plugins: PluginManifest[]): Promise<{ seedMs: number; sizes: Record<string, number> }> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET, DATABASE_URL: url, DB_STATEMENT_TIMEOUT_MS: '0' });
  const host = await createHost({ config, logger: createLogger('silent'), installed: plugins });
  const started = Date.now();
  try {
    await seedDemoBank(host, { customers });
  } finally {
    await host.close();
  }
  const seedMs = Date.now() - started;
  const pg = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // Planner statistics as a live database would have them (autovacuum would get there in time).
    await pg.unsafe('analyze');
    await pg.unsafe(readFileSync(new URL('../../tools/bench-peer/peer-functions.sql', import.meta.url), 'utf8'));
    const sizes: Record<string, number> = {};
    for (const t of ['customers', 'holdings', 'products', 'risk_assessments']) sizes[t] = Number((await pg.unsafe(`select count(*) n from ${t}`))[0].n);
    return { seedMs, sizes };
  } finally {
    await pg.end({ timeout: 5 });
  }
}
