import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../src/app/host.js';
import { loadConfig } from '../../src/config/config.js';
import { resultRows } from '../../src/db/result-rows.js';
import { createLogger } from '../../src/logger.js';
import { freshDatabase } from '../support/databases.js';

const base = process.env.TEST_DATABASE_URL;

// Nodes of a new deployment start together on an empty database: the migrations must not make one of them fail.
describe.skipIf(!base)('API nodes starting at the same moment on an empty database', () => {
  const hosts: Host[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.close()));
    await drop?.();
  });

  it('all three boot, and the migrations ran once', async () => {
    const fresh = await freshDatabase('postgres');
    drop = fresh.drop;
    await fresh.database.close();
    const config = loadConfig({ DATABASE_URL: fresh.url!, NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'off' } as NodeJS.ProcessEnv);
    const booted = await Promise.allSettled([0, 1, 2].map(() => createHost({ config, logger: createLogger('silent'), settingsSync: false })));
    for (const b of booted) if (b.status === 'fulfilled') hosts.push(b.value);
    expect(booted.map((b) => (b.status === 'rejected' ? String((b.reason as Error).message).slice(0, 200) : 'ok'))).toEqual(['ok', 'ok', 'ok']);
    // Each migration recorded once: the nodes took turns rather than applying it side by side.
    const [r] = resultRows<{ n: number; d: number }>(
      await hosts[0]!.runtime.database.db.execute(sql`select count(*)::int as n, count(distinct hash)::int as d from __migrations_core`),
    );
    expect(r!.n).toBe(r!.d);
    expect(r!.n).toBeGreaterThan(15);
  });
});
