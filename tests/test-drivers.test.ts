import { afterEach, describe, expect, it } from 'vitest';
import { testDrivers } from './support/databases.js';

/** TEST_DRIVERS narrows the drivers (CI's Node 22 run: PostgreSQL only); a wrong or unavailable one stops the run. */
describe('TEST_DRIVERS', () => {
  const saved = { ...process.env };
  const env = (vars: Record<string, string | undefined>) => {
    for (const k of ['TEST_DATABASE_URL', 'TEST_DATABASE_POOLER', 'TEST_DRIVERS']) delete process.env[k];
    for (const [k, v] of Object.entries(vars)) if (v !== undefined) process.env[k] = v;
  };
  afterEach(() => {
    for (const k of ['TEST_DATABASE_URL', 'TEST_DATABASE_POOLER', 'TEST_DRIVERS']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('unset: PGlite, and PostgreSQL when TEST_DATABASE_URL is set', () => {
    env({});
    expect(testDrivers()).toEqual(['pglite']);
    env({ TEST_DATABASE_URL: 'postgres://x/test' });
    expect(testDrivers()).toEqual(['pglite', 'postgres']);
  });

  it('narrows to the drivers it names', () => {
    env({ TEST_DATABASE_URL: 'postgres://x/test', TEST_DRIVERS: 'postgres' });
    expect(testDrivers()).toEqual(['postgres']);
    env({ TEST_DATABASE_URL: 'postgres://x/test', TEST_DRIVERS: ' pglite , postgres ' });
    expect(testDrivers()).toEqual(['pglite', 'postgres']);
    env({ TEST_DATABASE_URL: 'postgres://x/test', TEST_DRIVERS: 'pglite' });
    expect(testDrivers()).toEqual(['pglite']);
  });

  it('refuses an unknown driver, and one this run does not have', () => {
    env({ TEST_DRIVERS: 'mysql' });
    expect(() => testDrivers()).toThrow(/'pglite' and\/or 'postgres', not 'mysql'/);
    env({ TEST_DRIVERS: 'postgres' });
    expect(() => testDrivers()).toThrow(/none of them is available here \(pglite; PostgreSQL needs TEST_DATABASE_URL\)/);
  });
});
