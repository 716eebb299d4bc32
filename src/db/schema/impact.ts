import { index, integer, jsonb, pgTable, serial, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';

/**
 * A rule-change impact analysis (规则变更影响分析): the proposed change, the run's status and progress, and
 * its summary. What changes for whom is in `impact_report_entries`. Writes nothing else.
 */
export const impactReports = pgTable('impact_reports', {
  id: serial('id').primaryKey(),
  /** RUNNING | DONE | FAILED */
  status: text('status').notNull(),
  /** { settings: [{ key, value }], disableRules: [], enableRules: [] } as asked. */
  proposal: jsonb('proposal').$type<Record<string, unknown>>().notNull(),
  /** The bank settings version the current decisions were taken under. */
  settingsVersion: integer('settings_version').notNull(),
  asOf: timestamp('as_of', { withTimezone: true }).notNull(),
  customersDone: integer('customers_done').notNull().default(0),
  customersTotal: integer('customers_total').notNull().default(0),
  /** Counts by direction, line, product, branch, manager; bundles, holdings and pending orders affected; evaluations and time. */
  summary: jsonb('summary').$type<Record<string, unknown>>(),
  error: text('error'),
  requestedBy: text('requested_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/** One customer × product whose eligibility changes under the proposal. */
export const impactReportEntries = pgTable(
  'impact_report_entries',
  {
    id: serial('id').notNull(),
    reportId: integer('report_id').notNull(),
    customerId: integer('customer_id').notNull(),
    productId: integer('product_id').notNull(),
    line: text('line').notNull(),
    branchId: integer('branch_id'),
    managerId: integer('manager_id'),
    /** LOSES (ALLOW/WARN → REQUIRE/BLOCK), GAINS (back), CHANGES (same side, other outcome or reasons). */
    direction: text('direction').notNull(),
    before: text('before').notNull(),
    after: text('after').notNull(),
    codesAdded: text('codes_added').array().notNull(),
    codesRemoved: text('codes_removed').array().notNull(),
  },
  (t) => [
    primaryKey({ name: 'impact_report_entries_pkey', columns: [t.customerId, t.id] }),
    index('impact_entries_report_idx').on(t.reportId, t.direction, t.id),
    index('impact_entries_product_idx').on(t.reportId, t.productId),
  ],
);

/** Every change of a bank setting: who, why, what it was and became, and the impact report it was based on. */
export const settingChanges = pgTable(
  'setting_changes',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    oldValue: jsonb('old_value').$type<unknown>(),
    newValue: jsonb('new_value').$type<unknown>().notNull(),
    reason: text('reason').notNull(),
    impactReportId: integer('impact_report_id'),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('setting_changes_key_idx').on(t.key, t.id)],
);
