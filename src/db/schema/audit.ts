import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail (a trigger refuses UPDATE and DELETE, on every partition). Partitioned by month
 * of `occurred_at` (migration 0018): the key includes it, partitions are made ahead by
 * `finmart_ensure_month_partitions` and old months can be detached for archive (docs/scale.md).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    purpose: text('purpose'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ name: 'audit_events_pkey', columns: [t.id, t.occurredAt] }),
    index('audit_actor_idx').on(t.actor, t.id),
    index('audit_target_idx').on(t.targetType, t.targetId),
  ],
);
