import { bigserial, index, integer, numeric, pgTable, serial, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, money } from './columns.js';
import { customers } from './customers.js';
import { branches, managers } from './organisation.js';

/**
 * A lead (营销线索): a prospect found before they are a customer, moved through
 * the five-step information mechanism (信息收集 → 信息发布 → 信息反馈 → 信息修补 →
 * 信息转换) — COLLECTED → DISTRIBUTED → FEEDBACK → REFINED → CONVERTED, or
 * DROPPED — forward only. `branch_id` is the pool it is shared in (资源内部共享);
 * `manager_id` whoever holds it (claimed or distributed). `version` guards moves.
 */
export const leads = pgTable(
  'leads',
  {
    id: serial('id').primaryKey(),
    source: text('source').notNull(), // GOVERNMENT | PUBLIC_CHANNEL | CUSTOMER_REFERRAL | CHANNEL_PARTNER | CAMPAIGN
    sourceDetail: text('source_detail'),
    /** The existing customer who referred it (CUSTOMER_REFERRAL). */
    referrerCustomerId: integer('referrer_customer_id').references(() => customers.id),
    prospectKind: text('prospect_kind').notNull(), // PERSON | BUSINESS_OWNER
    prospectName: text('prospect_name').notNull(),
    companyName: text('company_name'),
    prospectPhone: text('prospect_phone'),
    industry: text('industry').notNull(),
    district: text('district').notNull(),
    latitude: numeric('latitude', { precision: 9, scale: 6 }).notNull(),
    longitude: numeric('longitude', { precision: 9, scale: 6 }).notNull(),
    estimatedValue: money('estimated_value').notNull(),
    notes: text('notes').notNull().default(''),
    stage: text('stage').notNull().default('COLLECTED'),
    branchId: integer('branch_id')
      .notNull()
      .references(() => branches.id),
    managerId: integer('manager_id').references(() => managers.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    customerId: integer('customer_id').references(() => customers.id),
    /** The converted customer's first order (a trigger checks it is that customer's: orders are partitioned history). */
    orderId: integer('order_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    dropReason: text('drop_reason'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('leads_branch_stage_idx').on(t.branchId, t.stage, t.id),
    index('leads_manager_stage_idx').on(t.managerId, t.stage, t.id),
    index('leads_created_idx').on(t.createdAt),
  ],
);

/** The people found in feedback (信息反馈): 决策人员, 提供线索人员, 具体操作人员. */
export const leadContacts = pgTable(
  'lead_contacts',
  {
    id: serial('id').notNull(),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    role: text('role').notNull(), // DECISION_MAKER | INFORMANT | OPERATOR
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'lead_contacts_pkey', columns: [t.leadId, t.id] })],
);

/** Every move of a lead: stage from and to, the holder after it, who, when and why (its history; KPIs read it). */
export const leadEvents = pgTable(
  'lead_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    managerId: integer('manager_id'),
    branchId: integer('branch_id').notNull(),
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'lead_events_pkey', columns: [t.leadId, t.id] }),
    index('lead_events_manager_at_idx').on(t.managerId, t.at),
    index('lead_events_branch_at_idx').on(t.branchId, t.at),
  ],
);
