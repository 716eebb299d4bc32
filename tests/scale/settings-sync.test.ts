import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { createLogger } from '../../src/logger.js';
import { SettingsRegistry, SettingValueError, type SettingDefinition } from '../../src/settings/registry.js';
import { SETTINGS_LISTENER_NAME, notifySettingsChanged, reloadSettings, startSettingsSync, type SettingsSync } from '../../src/settings/settings-sync.js';
import { freshDatabase } from '../support/databases.js';

const def = (key: string, dflt: number): SettingDefinition<number> => ({
  key,
  description: { 'zh-CN': key, en: key },
  schema: z.number().int().min(1),
  default: dflt,
});

const registry = () => {
  const r = new SettingsRegistry();
  r.register(def('core.a', 1), 'core');
  r.register(def('core.b', 2), 'core');
  return r;
};

// What a node holds is replaced whole: a reader keeps the state it took, and a reload applies only what the
// database changed (so a value set in memory alone — a test's — survives a reload that does not touch it).
describe('settings snapshots', () => {
  it('a snapshot keeps its values and version while the registry moves on', () => {
    const r = registry();
    r.applyStored([{ key: 'core.a', value: 10 }], 3);
    const before = r.snapshot();
    expect(r.snapshot()).toBe(before);
    r.applyStored([{ key: 'core.a', value: 11 }], 4);
    expect([before.get('core.a'), before.version]).toEqual([10, 3]);
    expect([r.get('core.a'), r.version]).toEqual([11, 4]);
  });

  it('applies what the stored rows changed, back to the default for a removed row; nothing for a stale read or a bad value', () => {
    const r = registry();
    expect(
      r.applyStored(
        [
          { key: 'core.a', value: 10 },
          { key: 'other.x', value: 'kept for its plugin' },
        ],
        1,
      ),
    ).toEqual({ changed: ['core.a'], version: 1 });
    r.set('core.b', 20); // in memory only
    expect(r.applyStored([{ key: 'core.a', value: 10 }], 1).changed).toEqual([]);
    expect(r.get('core.b')).toBe(20);
    // Unchanged: the same snapshot object (memos keyed on it stay warm).
    const same = r.snapshot();
    r.applyStored([{ key: 'core.a', value: 10 }], 1);
    expect(r.snapshot()).toBe(same);
    expect(r.applyStored([], 2)).toEqual({ changed: ['core.a'], version: 2 });
    expect(r.get('core.a')).toBe(1);
    // A read older than the version in force (a reload racing this node's own change) is not applied.
    r.applyCommitted('core.a', 30, 3);
    expect(r.applyStored([], 2)).toEqual({ changed: [], version: 3 });
    expect(r.get('core.a')).toBe(30);
    // applyCommitted never goes back either.
    r.applyCommitted('core.a', 31, 3);
    expect(r.get('core.a')).toBe(30);
    // All or nothing.
    const kept = r.snapshot();
    expect(() =>
      r.applyStored(
        [
          { key: 'core.a', value: 5 },
          { key: 'core.b', value: -1 },
        ],
        4,
      ),
    ).toThrow(SettingValueError);
    expect(r.snapshot()).toBe(kept);
  });
});

const base = process.env.TEST_DATABASE_URL;

// On PostgreSQL: a node hears a change committed elsewhere, and one it missed while its session was down.
describe.skipIf(!base)('settings sync over LISTEN/NOTIFY', () => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let database: Database;
  let admin: postgres.Sql;
  const syncs: SettingsSync[] = [];
  const log = createLogger('silent');
  const until = async (what: () => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!what()) {
      if (Date.now() > end) return false;
      await new Promise((r) => setTimeout(r, 1));
    }
    return true;
  };
  /** A change as changeSetting writes it: the row, a recorded change, and the notification, in one transaction. */
  const change = (key: string, value: number, notify = true) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into bank_settings (key, value) values (${key}, ${JSON.stringify(value)}::jsonb)
        on conflict (key) do update set value = excluded.value`);
      await tx.execute(sql`insert into setting_changes (key, new_value) values (${key}, ${JSON.stringify(value)}::jsonb)`);
      if (notify) await notifySettingsChanged(tx, key);
    });
  const start = async (r: SettingsRegistry) => {
    const s = await startSettingsSync({ url: fresh.directUrl ?? fresh.url!, db: database.db, settings: r, log, pollMs: 0, retryMs: 100 });
    syncs.push(s);
    await reloadSettings(database.db, r);
    return s;
  };

  beforeAll(async () => {
    fresh = await freshDatabase('postgres');
    database = fresh.database;
    admin = postgres(fresh.directUrl ?? fresh.url!, { max: 1, onnotice: () => {} });
    // The two tables a reload reads, as the migrations make them (trimmed to what is read).
    await database.db.execute(sql`create table bank_settings (key text primary key, value jsonb not null)`);
    await database.db.execute(sql`create table setting_changes (id serial primary key, key text not null, new_value jsonb not null)`);
  });
  afterAll(async () => {
    for (const s of syncs) await s.close();
    await admin?.end();
    await fresh?.drop();
  });

  it('reloads on a committed change, never on a rolled-back one, and closes without waiting', async () => {
    const r = registry();
    const s = await start(r);
    const before = r.snapshot();
    await change('core.a', 7);
    const committed = performance.now();
    expect(await until(() => r.get('core.a') === 7)).toBe(true);
    console.log(`commit → in force on the listening node: ${(performance.now() - committed).toFixed(1)} ms`);
    expect(r.version).toBe(1);
    expect(s.reloads.notify).toBeGreaterThanOrEqual(1);
    // The request that took the old snapshot still reads it whole.
    expect([before.get('core.a'), before.version]).toEqual([1, 0]);

    const heard = s.reloads.notify;
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update bank_settings set value = '8'::jsonb where key = 'core.a'`);
        await notifySettingsChanged(tx, 'core.a');
        throw new Error('roll back');
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 300));
    expect([r.get('core.a'), s.reloads.notify]).toEqual([7, heard]);
    const closing = Date.now();
    await s.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    await change('core.a', 9);
    await new Promise((r) => setTimeout(r, 300));
    expect(r.get('core.a')).toBe(7);
  });

  it('a change missed while the session was down arrives when postgres.js re-establishes the LISTEN', async () => {
    const r = registry();
    const s = await start(r);
    const v = r.version;
    // Written with no notification at all: only the reload after the reconnect can bring it.
    await change('core.b', 40, false);
    await new Promise((res) => setTimeout(res, 300));
    expect(r.get('core.b')).toBe(2);
    const killed = await admin`select pg_terminate_backend(pid) as ok from pg_stat_activity
      where application_name = ${SETTINGS_LISTENER_NAME} and datname = current_database()`;
    expect(killed.length).toBeGreaterThanOrEqual(1);
    expect(await until(() => r.get('core.b') === 40)).toBe(true);
    expect(r.version).toBe(v + 1);
    expect(s.reloads.reconnect).toBeGreaterThanOrEqual(1);
    // And it listens again.
    await change('core.b', 41);
    expect(await until(() => r.get('core.b') === 41)).toBe(true);
  });
});
