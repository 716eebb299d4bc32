import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { customers, managers } from '../../src/db/schema/index.js';
import { tierFor } from '../../src/domain/customers/classification.js';
import { minimumGradeFor } from '../../src/domain/organisation/grades.js';
import { seedCoreDemo } from '../../src/seed/core-demo.js';
import { coreSettings } from '../../src/settings/core-settings.js';
import type { SettingsReader } from '../../src/sdk/contract/suitability.js';

// The demo bank's 对等配置: each customer's manager has the grade the bank's settings give its tier
// (core.tierThresholdsCny, core.tierBasis, core.minimumManagerGradeByTier), not thresholds of the seed's own.

const settings = (overrides: Record<string, unknown> = {}): SettingsReader => ({
  get: <T>(key: string) => (key in overrides ? overrides[key] : coreSettings.find((d) => d.key === key)!.default) as T,
});

const clients: PGlite[] = [];
afterAll(async () => Promise.all(clients.map((c) => c.close())));

async function seeded(s?: SettingsReader) {
  const client = new PGlite();
  clients.push(client);
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: 'drizzle' });
  await seedCoreDemo(db, { customers: 200, ...(s ? { settings: s } : {}) });
  const grade = new Map((await db.select().from(managers)).map((m) => [m.id, m.grade]));
  return (await db.select().from(customers))
    .filter((c) => c.managerId !== null)
    .map((c) => ({ assets: c.householdFinancialAssets, grade: grade.get(c.managerId!)! }));
}

describe('the demo bank assigns managers by the bank’s tier settings', () => {
  it('with the defaults, every managed customer has the grade its tier needs', async () => {
    const s = settings();
    const rows = await seeded();
    expect(new Set(rows.map((r) => r.grade)).size).toBeGreaterThan(1);
    for (const r of rows) expect(r.grade, r.assets).toBe(minimumGradeFor(tierFor({ assetsCny: r.assets, contributionCny: '0' }, s), s));
  });

  it('with lower thresholds the same customers get the grades those thresholds give', async () => {
    const s = settings({ 'core.tierThresholdsCny': { GOLD: '10000', PLATINUM: '100000', DIAMOND: '300000', PRIVATE_BANKING: '1000000' } });
    const [before, after] = [await seeded(), await seeded(s)];
    for (const r of after) expect(r.grade, r.assets).toBe(minimumGradeFor(tierFor({ assetsCny: r.assets, contributionCny: '0' }, s), s));
    // The settings changed the outcome: more senior assignments than under the defaults.
    const senior = (rows: { grade: string }[]) => rows.filter((r) => r.grade !== 'JUNIOR').length;
    expect(senior(after)).toBeGreaterThan(senior(before));
  });
});
