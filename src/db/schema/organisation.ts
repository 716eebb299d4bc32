import { index, integer, numeric, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/** A branch (网点/支行). */
export const branches = pgTable('branches', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  city: text('city').notNull(),
  /** Where the branch is (WGS 84): leads are distributed to the nearest (地理位置就近). */
  latitude: numeric('latitude', { precision: 9, scale: 6 }),
  longitude: numeric('longitude', { precision: 9, scale: 6 }),
  createdAt: createdAt(),
});

/** A customer manager (客户经理); grade drives 对等配置. */
export const managers = pgTable(
  'managers',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    grade: text('grade').notNull(), // JUNIOR | INTERMEDIATE | SENIOR | PRINCIPAL
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    phone: text('phone').notNull(),
    /** Industry codes (core.leadIndustries) the manager covers: leads are distributed by industry (行业归类). */
    industries: text('industries').array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('managers_branch_idx').on(t.branchId)],
);

/**
 * A manager's licence to sell a line (基金销售资格, 保险代理资格, 黄金交易资格…).
 * `kind` is open text (FUND_SALES, INSURANCE_AGENT, GOLD_TRADING, whatever a
 * plugin's manifest names): a new line needs no migration. Valid while
 * `expires_at` is after now.
 */
export const managerQualifications = pgTable(
  'manager_qualifications',
  {
    id: serial('id').primaryKey(),
    managerId: integer('manager_id')
      .notNull()
      .references(() => managers.id),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('manager_qualifications_manager_idx').on(t.managerId, t.kind)],
);

/** Every grade change of a manager, by head office, with its reason (history of 对等配置 decisions). */
export const managerGradeChanges = pgTable(
  'manager_grade_changes',
  {
    id: serial('id').primaryKey(),
    managerId: integer('manager_id')
      .notNull()
      .references(() => managers.id),
    fromGrade: text('from_grade').notNull(),
    toGrade: text('to_grade').notNull(),
    reason: text('reason').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('manager_grade_changes_manager_idx').on(t.managerId, t.id)],
);
