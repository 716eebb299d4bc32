/**
 * Deterministic demo bank for the core tables: branches, managers, customers,
 * risk assessments, contacts and complaints. Plugins seed their own products
 * and holdings afterwards (and revalue `customers.assets_cny`).
 *
 * Everything derives from the seed and `now`, never from the clock, so two runs
 * with the same options produce the same rows (and, into a fresh database, the
 * same ids). Rare-but-important cases — boundary ages, foreign nationals,
 * students, complaints in every status — are placed by quota rather than left
 * to chance so that even a small demo contains them.
 */
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { branches, complaints, contacts, customers, managers, riskAssessments } from '../db/schema/index.js';
import { chineseName, type Gender } from './names.js';
import { createRandom } from './random.js';
import { BATCH_ROWS, insertInBatches } from '../sdk/batches.js';
import type { SettingsReader } from '../settings/reader.js';
import { coreSettings } from '../settings/core-settings.js';
import {
  type AssessmentInsert,
  type ComplaintInsert,
  type ContactInsert,
  type Ctx,
  dayNumber,
  type Draft,
  makeCustomer,
  OnePerBlock,
  uniquePhone,
  type Ymd,
} from './core-demo/generators.js';
import { BRANCHES, DAY, GRADES, HOUR, LEAD_INDUSTRY_ROTATION } from './core-demo/tables.js';
import { BEIJING_OFFSET_MS, beijingYmd } from '../domain/common/beijing-time.js';

/** Options for {@link seedCoreDemo}. */
export interface CoreDemoOptions {
  /** How many customers to create (50 … 200,000 is the tested range). */
  customers: number;
  /** PRNG seed; default 20261123. */
  seed?: number;
  /** The demo's "today"; default 2026-11-23 09:00 Beijing time. */
  now?: Date;
  /** The bank's settings (tiers and 对等配置 grades); default: the core settings' defaults. */
  settings?: SettingsReader;
}

/** The core settings' defaults, for a seed run without a host. */
const DEFAULT_SETTINGS: SettingsReader = {
  get: <T>(key: string) => {
    const def = coreSettings.find((d) => d.key === key);
    if (!def) throw new Error(`Unknown setting ${key}`);
    return def.default as T;
  },
};

/** Ids of the rows created, in creation order. */
export interface CoreDemoResult {
  branchIds: number[];
  managerIds: number[];
  customerIds: number[];
}

/** Seed used when {@link CoreDemoOptions.seed} is omitted. */
export const DEFAULT_SEED = 20261123;
/** The demo's fixed "today" when {@link CoreDemoOptions.now} is omitted; never the real clock. */
export const DEFAULT_NOW = new Date('2026-11-23T09:00:00+08:00');

/**
 * Seeds the demo bank's core tables inside one transaction: 4 branches, 16
 * managers (one of each grade per branch) and `opts.customers` customers with
 * their risk-assessment history, contacts and complaints.
 *
 * Deterministic: the same `seed` and `now` yield identical rows, and identical
 * ids when run against an empty database. Customers are generated and inserted
 * in batches of 500 rows, so memory stays flat apart from the uniqueness
 * sets for phones and ID numbers.
 *
 * @returns the ids of the rows created, in creation order
 */
export async function seedCoreDemo(db: PgDatabase<any>, opts: CoreDemoOptions): Promise<CoreDemoResult> {
  const total = opts.customers;
  if (!Number.isInteger(total) || total < 1) throw new RangeError('customers must be a positive integer');
  const seed = opts.seed ?? DEFAULT_SEED;
  const nowMs = (opts.now ?? DEFAULT_NOW).getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is not a valid date');

  const root = createRandom(seed);
  // Separate streams: the organisation does not shift if the customer logic changes.
  const orgRng = root.fork();
  const rng = root.fork();

  const today: Ymd = beijingYmd(new Date(nowMs));
  const midnight = dayNumber(today.y, today.m, today.d) * DAY - BEIJING_OFFSET_MS;

  return db.transaction(async (tx) => {
    const usedPhones = new Set<string>();

    const branchRows = await tx
      .insert(branches)
      .values(
        BRANCHES.map((b, i) => ({
          code: b.code,
          nameZh: b.nameZh,
          nameEn: b.nameEn,
          city: b.city,
          latitude: b.latitude,
          longitude: b.longitude,
          createdAt: new Date(midnight - (18 + i) * 365 * DAY + 9 * HOUR),
        })),
      )
      .returning({ id: branches.id });
    const branchIds = branchRows.map((r) => r.id);

    const managerValues: (typeof managers.$inferInsert)[] = [];
    BRANCHES.forEach((_, b) => {
      GRADES.forEach((grade, g) => {
        const gender: Gender = orgRng.chance(0.5) ? 'MALE' : 'FEMALE';
        const yearsOfService = orgRng.int(1 + g * 3, 3 + g * 4);
        managerValues.push({
          code: `M${String(managerValues.length + 1).padStart(4, '0')}`,
          name: chineseName(orgRng, gender, today.y - 24 - yearsOfService - orgRng.int(0, 4)),
          grade,
          branchId: branchIds[b]!,
          phone: uniquePhone(orgRng, usedPhones),
          // Two industries each, in rotation (no draw from orgRng: the roster stays what it was).
          industries: [
            LEAD_INDUSTRY_ROTATION[(managerValues.length * 2) % LEAD_INDUSTRY_ROTATION.length]!,
            LEAD_INDUSTRY_ROTATION[(managerValues.length * 2 + 1) % LEAD_INDUSTRY_ROTATION.length]!,
          ],
          createdAt: new Date(midnight - yearsOfService * 365 * DAY - orgRng.int(0, 300) * DAY + 9 * HOUR),
        });
      });
    });
    const managerRows = await tx.insert(managers).values(managerValues).returning({ id: managers.id });
    const managerIds = managerRows.map((r) => r.id);
    const managerGrid = BRANCHES.map((_, b) => GRADES.map((_, g) => managerIds[b * GRADES.length + g]!));

    const ctx: Ctx = {
      settings: opts.settings ?? DEFAULT_SETTINGS,
      rng,
      now: nowMs,
      today,
      midnight,
      total,
      branchIds,
      managerIds: managerGrid,
      usedPhones,
      usedIds: new Set<string>(),
      foreignPicker: new OnePerBlock(rng, 33),
      studentPicker: new OnePerBlock(rng, 20),
      complaintPicker: new OnePerBlock(rng, 25),
      complaintCount: 0,
      boundaryPlan: new Map(),
    };

    const customerIds: number[] = [];
    for (let start = 0; start < total; start += BATCH_ROWS) {
      const drafts: Draft[] = [];
      for (let i = start; i < Math.min(total, start + BATCH_ROWS); i++) drafts.push(makeCustomer(ctx, i));

      const inserted = await tx
        .insert(customers)
        .values(drafts.map((d) => d.customer))
        .returning({ id: customers.id, phone: customers.phone });
      // Phones are unique, so map by phone rather than trusting RETURNING order.
      const idByPhone = new Map(inserted.map((r) => [r.phone, r.id]));

      const assessmentRows: AssessmentInsert[] = [];
      const contactRows: ContactInsert[] = [];
      const complaintRows: ComplaintInsert[] = [];
      for (const d of drafts) {
        const customerId = idByPhone.get(d.customer.phone)!;
        customerIds.push(customerId);
        for (const a of d.assessments) assessmentRows.push({ ...a, customerId });
        for (const c of d.contacts) contactRows.push({ ...c, customerId });
        if (d.complaint) complaintRows.push({ ...d.complaint, customerId });
      }
      await insertInBatches(assessmentRows, (rows) => tx.insert(riskAssessments).values(rows));
      await insertInBatches(contactRows, (rows) => tx.insert(contacts).values(rows));
      await insertInBatches(complaintRows, (rows) => tx.insert(complaints).values(rows));
    }

    return { branchIds, managerIds, customerIds };
  });
}
