import { PGlite } from '@electric-sql/pglite';
import { asc } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branches, complaints, contacts, customers, managers, riskAssessments } from '../src/db/schema/index.js';
import { residentIdCheckDigit } from '../src/domain/customers/customer.validation.js';
import { DEFAULT_NOW, seedCoreDemo } from '../src/seed/core-demo.js';

const N = 300;
const DAY = 86_400_000;
const NOW = DEFAULT_NOW.getTime();

async function freshDb() {
  const client = new PGlite();
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: 'drizzle' });
  return { client, db };
}

type Db = Awaited<ReturnType<typeof freshDb>>['db'];

async function dump(db: Db) {
  return {
    branches: await db.select().from(branches).orderBy(asc(branches.id)),
    managers: await db.select().from(managers).orderBy(asc(managers.id)),
    customers: await db.select().from(customers).orderBy(asc(customers.id)),
    riskAssessments: await db.select().from(riskAssessments).orderBy(asc(riskAssessments.id)),
    contacts: await db.select().from(contacts).orderBy(asc(contacts.id)),
    complaints: await db.select().from(complaints).orderBy(asc(complaints.id)),
  };
}

/** Age in whole years on the demo's "today" (Beijing calendar). */
function ageOf(birthDate: string): number {
  const today = new Date(NOW + 8 * 3_600_000).toISOString().slice(0, 10);
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

const CITY_PREFIX: Record<string, string> = { Shanghai: '31', Beijing: '11', Shenzhen: '4403', Hangzhou: '3301' };

describe('seedCoreDemo', () => {
  let a: Awaited<ReturnType<typeof dump>>;
  let b: Awaited<ReturnType<typeof dump>>;
  let result: Awaited<ReturnType<typeof seedCoreDemo>>;
  const clients: PGlite[] = [];

  beforeAll(async () => {
    const [first, second] = await Promise.all([freshDb(), freshDb()]);
    clients.push(first.client, second.client);
    result = await seedCoreDemo(first.db, { customers: N });
    await seedCoreDemo(second.db, { customers: N });
    [a, b] = await Promise.all([dump(first.db), dump(second.db)]);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });

  it('returns the ids it created', () => {
    expect(result.branchIds).toHaveLength(4);
    expect(result.managerIds).toHaveLength(16);
    expect(result.customerIds).toEqual(a.customers.map((c) => c.id));
  });

  it('is deterministic: two runs produce identical rows', () => {
    expect(a.customers).toHaveLength(N);
    expect(b.customers.map((c) => [c.name, c.idNumber])).toEqual(a.customers.map((c) => [c.name, c.idNumber]));
    // Timestamps come from the fixed `now`, not the clock, so whole rows match.
    expect(b).toEqual(a);
  });

  it('has every manager grade in every branch', () => {
    for (const branch of a.branches) {
      const grades = a.managers
        .filter((m) => m.branchId === branch.id)
        .map((m) => m.grade)
        .sort();
      expect(grades).toEqual(['INTERMEDIATE', 'JUNIOR', 'PRINCIPAL', 'SENIOR']);
    }
    for (const m of a.managers) expect(m.phone).toMatch(/^1[3-9]\d{9}$/);
  });

  it('covers every risk level, never-assessed, expired and lowest-category customers', () => {
    const levels = new Set(a.customers.map((c) => c.riskLevel));
    for (const level of ['C1', 'C2', 'C3', 'C4', 'C5', null]) expect(levels).toContain(level);
    const expired = a.customers.filter((c) => c.riskAssessedAt && c.riskAssessedAt.getTime() < NOW - 365 * DAY);
    expect(expired.length).toBeGreaterThan(0);

    const newest = new Map<number, (typeof a.riskAssessments)[number]>();
    for (const r of a.riskAssessments) {
      const seen = newest.get(r.customerId);
      if (!seen || r.assessedAt > seen.assessedAt) newest.set(r.customerId, r);
    }
    const lowest = [...newest.values()].filter((r) => r.lowestCategory);
    expect(lowest.length).toBeGreaterThan(0);
    for (const r of lowest) expect(r.level).toBe('C1');

    // customers.risk_level / risk_assessed_at mirror the newest assessment.
    for (const c of a.customers) {
      const r = newest.get(c.id);
      expect(c.riskLevel).toBe(r?.level ?? null);
      expect(c.riskAssessedAt?.getTime() ?? null).toBe(r?.assessedAt.getTime() ?? null);
      if (r) expect(r.investorType).toBe(c.investorType);
    }
  });

  it('spans ages from minors to over 80, with foreign nationals and students', () => {
    const ages = a.customers.map((c) => ageOf(c.birthDate));
    expect(Math.min(...ages)).toBeLessThan(18);
    expect(Math.max(...ages)).toBeGreaterThan(80);
    for (const age of ages) expect(age >= 17 && age <= 88).toBe(true);

    const foreign = a.customers.filter((c) => c.residency === 'FOREIGN');
    expect(foreign.length).toBeGreaterThan(0);
    for (const c of foreign) {
      expect(c.idType).toBe('PASSPORT');
      expect(c.nationality).not.toBe('CN');
      expect(c.name).toMatch(/^[A-Za-z' -]+$/);
    }
    for (const c of a.customers.filter((x) => x.residency === 'ONSHORE')) expect(c.nationality).toBe('CN');

    const students = a.customers.filter((c) => c.student);
    expect(students.length).toBeGreaterThan(0);
    for (const c of students) {
      expect(c.occupation).toBe('STUDENT');
      expect(ageOf(c.birthDate)).toBeLessThanOrEqual(24);
    }
  });

  it('issues valid, unique resident ID numbers matching birth date and branch city', () => {
    const cityOf = new Map(a.branches.map((br) => [br.id, br.city]));
    const residents = a.customers.filter((c) => c.idType === 'RESIDENT_ID');
    expect(residents.length).toBeGreaterThan(N * 0.9);
    for (const c of residents) {
      expect(c.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(c.idNumber[17]).toBe(residentIdCheckDigit(c.idNumber.slice(0, 17)));
      expect(c.idNumber.slice(6, 14)).toBe(c.birthDate.replaceAll('-', ''));
      expect(c.idNumber.startsWith(CITY_PREFIX[cityOf.get(c.branchId)!]!)).toBe(true);
      // The 17th digit's parity encodes gender.
      expect(Number(c.idNumber[16]) % 2 === 1).toBe(c.gender === 'MALE');
    }
    expect(new Set(a.customers.map((c) => c.idNumber)).size).toBe(N);
    expect(new Set(a.customers.map((c) => c.phone)).size).toBe(N);
  });

  it('keeps finances and eligibility consistent', () => {
    for (const c of a.customers) {
      expect(c.assetsCny).toBe('0.0000');
      expect(Number(c.householdAnnualIncome)).toBeGreaterThanOrEqual(Number(c.personalAnnualIncome));
      if (Number(c.personalAnnualIncome) === 0) expect(c.hasStableIncome).toBe(false);
      if (c.investorType === 'PROFESSIONAL') {
        expect(Number(c.householdFinancialAssets) >= 5_000_000 || Number(c.incomeThreeYearAverage) >= 500_000).toBe(true);
        expect(['FINANCIAL_ASSETS_5M', 'INCOME_500K']).toContain(c.investorTypeBasis);
      } else {
        expect(c.investorTypeBasis).toBeNull();
      }
    }
  });

  it('assigns managers of the customer’s own branch, or none', () => {
    const branchOf = new Map(a.managers.map((m) => [m.id, m.branchId]));
    const unmanaged = a.customers.filter((c) => c.managerId === null);
    expect(unmanaged.length).toBeGreaterThan(0);
    expect(unmanaged.length).toBeLessThan(N * 0.2);
    for (const c of a.customers) if (c.managerId !== null) expect(branchOf.get(c.managerId)).toBe(c.branchId);
  });

  it('mirrors the newest contact into last_activity_at', () => {
    const latest = new Map<number, number>();
    for (const x of a.contacts) latest.set(x.customerId, Math.max(latest.get(x.customerId) ?? 0, x.occurredAt.getTime()));
    const managerOf = new Map(a.customers.map((c) => [c.id, c.managerId]));
    for (const x of a.contacts) expect(x.managerId).toBe(managerOf.get(x.customerId));
    for (const c of a.customers) expect(c.lastActivityAt?.getTime() ?? null).toBe(latest.get(c.id) ?? null);
    const since = (c: (typeof a.customers)[number]) => NOW - (c.lastActivityAt?.getTime() ?? -Infinity);
    expect(a.customers.some((c) => since(c) < 90 * DAY)).toBe(true);
    expect(a.customers.some((c) => since(c) > 90 * DAY && since(c) < 365 * DAY)).toBe(true);
    expect(a.customers.some((c) => c.lastActivityAt && since(c) > 365 * DAY)).toBe(true);
    expect(a.customers.some((c) => c.lastActivityAt === null)).toBe(true);
  });

  it('has complaints in every status with timestamps filled in order', () => {
    const statuses = ['RECORDED', 'ACCEPTED', 'ANALYSED', 'HANDLED', 'FEEDBACK_GIVEN'];
    expect(new Set(a.complaints.map((x) => x.status))).toEqual(new Set(statuses));
    for (const x of a.complaints) {
      const stage = statuses.indexOf(x.status);
      const steps = [x.recordedAt, x.acceptedAt, x.analysedAt, x.handledAt, x.feedbackAt];
      steps.forEach((t, i) => (i <= stage ? expect(t).toBeInstanceOf(Date) : expect(t).toBeNull()));
      for (let i = 1; i <= stage; i++) expect(steps[i]!.getTime()).toBeGreaterThan(steps[i - 1]!.getTime());
      expect(steps[stage]!.getTime()).toBeLessThanOrEqual(NOW);
      expect(x.analysis !== null).toBe(stage >= 2);
      expect(x.resolution !== null).toBe(stage >= 3);
      expect(x.feedback !== null).toBe(stage >= 4);
    }
  });
});
