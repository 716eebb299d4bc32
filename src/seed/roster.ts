/**
 * The demo bank's manager roster: every manager's qualifications (基金销售,
 * 保险代理, 黄金交易), one of them lapsed and one about to lapse, and a few
 * customers assigned below the grade their tier needs (对等配置 broken), so the
 * workbench has something to show. Deterministic: derived from ids, the
 * customers' tiers (as the tier filter reads them) and `now`, never the clock or a random stream
 * (adding it shifts no other seeded data).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { HostRuntime } from '../app/runtime.js';
import { customers, managerQualifications, managers } from '../db/schema/index.js';
import { GRADES, gradeBelow, minimumGradeFor } from '../domain/organisation/grades.js';
import { TIERS } from '../domain/customers/derived.js';
import { tierSql } from '../domain/customers/customer-filter-classes.js';

const DAY = 86_400_000;
/** The kinds the demo bank's three licensed lines need (funds, insurance, gold). */
const KINDS = [
  { kind: 'FUND_SALES', prefix: 'F' },
  { kind: 'INSURANCE_AGENT', prefix: 'I' },
  { kind: 'GOLD_TRADING', prefix: 'G' },
] as const;
/** How many customers are reassigned below their tier's grade. */
const MISMATCHES = 3;

export interface RosterSeedResult {
  qualifications: number;
  /** Manager whose GOLD_TRADING qualification lapsed 20 days before `now`. */
  lapsedManagerId: number | null;
  /** Customers moved to a manager below their tier's grade. */
  mismatchedCustomerIds: number[];
}

export async function seedRoster(runtime: HostRuntime, now: Date): Promise<RosterSeedResult> {
  const db = runtime.database.db;
  const roster = await db.select().from(managers).orderBy(asc(managers.id));
  if (roster.length === 0) return { qualifications: 0, lapsedManagerId: null, mismatchedCustomerIds: [] };
  // The last manager on the roster has let the gold licence lapse; the one before has a fund licence expiring within a month.
  const lapsed = roster[roster.length - 1]!;
  const expiringSoon = roster.length > 1 ? roster[roster.length - 2]! : null;
  const rows = roster.flatMap((m, i) =>
    KINDS.map(({ kind, prefix }, k) => {
      let expiresAt = new Date(now.getTime() + (365 + ((i * 7 + k * 3) % 4) * 365) * DAY);
      if (m.id === lapsed.id && kind === 'GOLD_TRADING') expiresAt = new Date(now.getTime() - 20 * DAY);
      if (expiringSoon && m.id === expiringSoon.id && kind === 'FUND_SALES') expiresAt = new Date(now.getTime() + 25 * DAY);
      return {
        managerId: m.id,
        kind,
        number: `${prefix}${String(now.getUTCFullYear() - 3 + (i % 3))}${String(m.id).padStart(6, '0')}`,
        expiresAt,
        createdAt: now,
      };
    }),
  );
  await db.insert(managerQualifications).values(rows);

  // A few customers of the upper tiers move to their branch's junior manager.
  const settings = runtime.settings;
  const lowest = GRADES[0];
  const juniors = new Map(roster.filter((m) => m.grade === lowest).map((m) => [m.branchId, m.id]));
  // The tiers a junior may not serve, read as the tier filter reads them (setting core.tierBasis and its thresholds).
  const upper = TIERS.filter((tier) => gradeBelow(lowest, minimumGradeFor(tier, settings)));
  if (upper.length === 0) return { qualifications: rows.length, lapsedManagerId: lapsed.id, mismatchedCustomerIds: [] };
  const candidates = (
    await Promise.all(
      upper.map(async (tier) =>
        (
          await db
            .select({ id: customers.id, branchId: customers.branchId, managerId: customers.managerId })
            .from(customers)
            .where(
              and(
                tierSql(tier, settings, now),
                inArray(
                  customers.managerId,
                  roster.map((m) => m.id),
                ),
              ),
            )
            .orderBy(asc(customers.id))
        ).map((c) => ({ ...c, tier })),
      ),
    )
  )
    .flat()
    .sort((a, b) => a.id - b.id);
  const gradeOf = new Map(roster.map((m) => [m.id, m.grade]));
  const moved: number[] = [];
  for (const c of candidates) {
    if (moved.length === MISMATCHES) break;
    const junior = juniors.get(c.branchId);
    const required = minimumGradeFor(c.tier, settings);
    // Only customers whose current manager fits and whom the junior would not.
    if (!junior || gradeBelow(gradeOf.get(c.managerId!)!, required) || !gradeBelow(lowest, required)) continue;
    await db.update(customers).set({ managerId: junior }).where(eq(customers.id, c.id));
    moved.push(c.id);
  }
  return { qualifications: rows.length, lapsedManagerId: lapsed.id, mismatchedCustomerIds: moved };
}
