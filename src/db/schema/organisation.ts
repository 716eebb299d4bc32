import { index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/** A branch (网点/支行). */
export const branches = pgTable('branches', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  city: text('city').notNull(),
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
    branchId: integer('branch_id').notNull().references(() => branches.id),
    phone: text('phone').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('managers_branch_idx').on(t.branchId)],
);
