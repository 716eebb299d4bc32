import { index, integer, jsonb, pgTable, serial, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';
import { customers } from './customers.js';

/**
 * Facts the bank learns from outside (外部信息): a credit bureau report, the FX authority's record of
 * purchases at other banks, an income verification. Append-only, with provenance: who reported it
 * (`source`), as of when (`reported_at`), who recorded it here and when, and the document it came from.
 * Rules read the newest report of each kind with its age.
 */
export const externalReports = pgTable(
  'external_reports',
  {
    id: serial('id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** CREDIT_BUREAU | FX_AUTHORITY | INCOME_VERIFICATION */
    source: text('source').notNull(),
    /** CREDIT_REPORT | FX_ANNUAL_PURCHASES | INCOME */
    kind: text('kind').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    /** Validated per kind (src/domain/external/report-kinds.ts). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** The report's own reference (the bureau's report number…), as given. */
    reference: text('reference').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'external_reports_pkey', columns: [t.customerId, t.id] }),
    index('external_reports_customer_kind_idx').on(t.customerId, t.kind, t.reportedAt),
  ],
);

/** Each verification of a customer's identity document (身份核验): who verified it, how and when. */
export const identityVerifications = pgTable(
  'identity_verifications',
  {
    id: serial('id').notNull(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    /** ONLINE_CHECK (联网核查 with the public security system) | IN_PERSON (document seen at the counter) | VIDEO */
    method: text('method').notNull(),
    /** The check's own reference (the online check's serial number…). */
    reference: text('reference').notNull(),
    verifiedBy: text('verified_by').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'identity_verifications_pkey', columns: [t.customerId, t.id] })],
);
