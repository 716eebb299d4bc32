import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { installedPlugins } from '../../plugins/index.js';
import * as core from '../../src/db/schema/index.js';

/**
 * Tables a cluster distributes by a column other than `customer_id`, and why. Tables that share a column's
 * values are co-located (a lead with its contacts and events); such a group's keys and foreign keys must carry
 * its column, as the customers' carry `customer_id`.
 */
const DISTRIBUTED_BY: Record<string, { column: string; group: string; why: string }> = {
  leads: { column: 'id', group: 'leads', why: 'a lead is a prospect, not yet a customer: the pipeline is distributed by lead' },
  lead_contacts: { column: 'lead_id', group: 'leads', why: "a lead's people, co-located with the lead" },
  lead_events: { column: 'lead_id', group: 'leads', why: "a lead's history, co-located with the lead" },
  card_number_owners: { column: 'pan_hash', group: 'card_number_owners', why: 'a card number is unique bank-wide: its owner is found by its hash' },
  case_participants: { column: 'case_id', group: 'case_participants', why: "the four-eyes check reads one case's participants" },
  audit_events: {
    column: 'id',
    group: 'audit_events',
    why: 'written by every request, read by auditors: spread evenly (one customer’s month fans out, off the serving path)',
  },
  idempotency_keys: { column: 'principal', group: 'idempotency_keys', why: "a caller's keys together: one shard per replay" },
};

/**
 * Reference tables: small, read by nearly every statement, copied whole to every node of a cluster. A table
 * that is neither distributed nor listed here fails the test: each new table is placed on purpose.
 */
const REFERENCE_TABLES = new Set([
  'branches',
  'managers',
  'manager_qualifications',
  'manager_grade_changes',
  'products',
  'exchange_rates',
  'bundles',
  'bundle_items',
  'bundle_services',
  'bank_settings',
  'setting_changes',
  'installed_plugins',
  'impact_reports',
  // Few (a handful per manager a day), and their unique keys — one pending approval per target, a maker's
  // idempotency key — must hold bank-wide.
  'approvals',
  // Each line's catalogue and market data: per product, not per customer.
  'funds_details',
  'funds_nav_history',
  'insurance_details',
  'insurance_rates',
  'gold_details',
  'gold_prices',
  'cards_details',
  'forex_details',
  'forex_rates',
  'loans_details',
]);

/**
 * Foreign keys between two distribution groups. A cluster cannot hold them (Citus keeps foreign keys inside a
 * co-located group or to reference tables): the distribution migration drops them, and what writes the columns
 * keeps them true. One PostgreSQL keeps them as foreign keys, at no cost.
 */
const DROPPED_WHEN_DISTRIBUTED: Record<string, string> = {
  'leads.customer_id -> customers': 'written by the conversion, in the transaction that reads the customer it converts to',
  'leads.referrer_customer_id -> customers': "written when the lead is collected, after the referrer is read in the caller's scope",
};

type Config = ReturnType<typeof getTableConfig>;

/**
 * The distribution invariants over a set of tables. A table is distributed by `customer_id` when it is
 * `customers` (by `id`) or has a `customer_id` column, by its {@link DISTRIBUTED_BY} column when listed there;
 * every other table must be one of the {@link REFERENCE_TABLES} (products, branches, managers, settings…).
 * 0. every table is placed: distributed, or a declared reference table;
 * 1. a reference table references no distributed table (it would be distributed itself: it needs the column);
 * 2. a distributed table's primary key and every unique key include its distribution column;
 * 3. a foreign key between two tables of one group carries the group's column on both sides (single-shard joins);
 * 4. a foreign key between two groups is one the distribution drops ({@link DROPPED_WHEN_DISTRIBUTED});
 * foreign keys to reference tables are free.
 */
export function distributionViolations(
  tables: PgTable[],
  distributedBy = DISTRIBUTED_BY,
  dropped = DROPPED_WHEN_DISTRIBUTED,
  reference: Set<string> | null = REFERENCE_TABLES,
): string[] {
  const configs = new Map<string, Config>(tables.map((t) => [getTableConfig(t).name, getTableConfig(t)]));
  const placement = (c: Config): { column: string; group: string } | undefined => {
    if (distributedBy[c.name]) return distributedBy[c.name];
    if (c.name === 'customers') return { column: 'id', group: 'customers' };
    return c.columns.some((x) => x.name === 'customer_id') ? { column: 'customer_id', group: 'customers' } : undefined;
  };
  const out: string[] = [];
  for (const c of configs.values()) {
    const here = placement(c);
    for (const f of c.foreignKeys) {
      const ref = f.reference();
      const to = getTableConfig(ref.foreignTable);
      const there = placement(to);
      if (!there) continue;
      const from = ref.columns.map((x) => x.name);
      const target = ref.foreignColumns.map((x) => x.name);
      if (!here) out.push(`${c.name}: references ${to.name} but has no customer_id`);
      else if (here.group !== there.group) {
        const link = `${c.name}.${from.join(',')} -> ${to.name}`;
        if (!dropped[link]) out.push(`${c.name}: foreign key to ${to.name} crosses distribution groups (${link})`);
      } else if (!target.includes(there.column) || !from.includes(here.column)) out.push(`${c.name}: foreign key to ${to.name} without ${here.column}`);
    }
    if (!here) {
      if (reference && !reference.has(c.name)) out.push(`${c.name}: neither distributed nor a reference table`);
      continue;
    }
    const pk = c.primaryKeys.length ? c.primaryKeys[0]!.columns.map((x) => x.name) : c.columns.filter((x) => x.primary).map((x) => x.name);
    if (!pk.includes(here.column)) out.push(`${c.name}: primary key (${pk.join(',')}) without ${here.column}`);
    for (const index of c.indexes.filter((i) => i.config.unique)) {
      const cols = index.config.columns.map((x) => (x as { name: string }).name);
      if (!cols.includes(here.column)) out.push(`${c.name}: unique (${cols.join(',')}) without ${here.column}`);
    }
  }
  return out.sort();
}

const allTables = (): PgTable[] => [
  ...(Object.values(core) as unknown[]).filter((t): t is PgTable => t instanceof PgTable),
  ...installedPlugins.flatMap((p) => Object.values(p.tables ?? {})),
];

describe('the schema, ready to distribute by customer_id (core and every installed plugin)', () => {
  it('holds every invariant: no table, key or foreign key stands between the schema and distribution', () => {
    expect(distributionViolations(allTables())).toEqual([]);
  });

  it('names only real tables and foreign keys in its declarations (a renamed table cannot hide behind an old entry)', () => {
    const names = new Set(allTables().map((t) => getTableConfig(t).name));
    for (const table of [...Object.keys(DISTRIBUTED_BY), ...REFERENCE_TABLES]) expect(names.has(table), table).toBe(true);
    const links = new Set(
      allTables().flatMap((t) =>
        getTableConfig(t).foreignKeys.map((f) => {
          const r = f.reference();
          return `${getTableConfig(t).name}.${r.columns.map((x) => x.name).join(',')} -> ${getTableConfig(r.foreignTable).name}`;
        }),
      ),
    );
    for (const link of Object.keys(DROPPED_WHEN_DISTRIBUTED)) expect(links.has(link), link).toBe(true);
  });

  it('sees what it checks: a new customer-owned table keyed by id alone, or a unique key spanning customers, is caught', async () => {
    const { pgTable, serial, integer, text, uniqueIndex } = await import('drizzle-orm/pg-core');
    const wishes = pgTable('wishes', { id: serial('id').primaryKey(), customerId: integer('customer_id').notNull(), code: text('code') }, (t) => [
      uniqueIndex('wishes_code').on(t.code),
    ]);
    const notes = pgTable('wish_notes', { id: serial('id').primaryKey(), wishId: integer('wish_id').references(() => wishes.id) });
    expect(distributionViolations([wishes, notes], DISTRIBUTED_BY, DROPPED_WHEN_DISTRIBUTED, null)).toEqual([
      'wish_notes: references wishes but has no customer_id',
      'wishes: primary key (id) without customer_id',
      'wishes: unique (code) without customer_id',
    ]);
  });

  it('sees foreign keys: inside a group without its column, across groups unless declared dropped', async () => {
    const { pgTable, serial, integer, primaryKey, foreignKey } = await import('drizzle-orm/pg-core');
    const customers = pgTable('customers', { id: serial('id').primaryKey() });
    const baskets = pgTable('baskets', { id: serial('id').notNull(), customerId: integer('customer_id').notNull() }, (t) => [
      primaryKey({ columns: [t.customerId, t.id] }),
    ]);
    const items = pgTable(
      'basket_items',
      { id: serial('id').notNull(), customerId: integer('customer_id').notNull(), basketId: integer('basket_id').notNull() },
      (t) => [primaryKey({ columns: [t.customerId, t.id] }), foreignKey({ columns: [t.basketId], foreignColumns: [baskets.id] })],
    );
    const campaigns = pgTable('campaigns', { id: serial('id').primaryKey(), winnerId: integer('winner_id').references(() => customers.id) });
    const byCampaign = { campaigns: { column: 'id', group: 'campaigns', why: 'test' } };
    expect(distributionViolations([customers, baskets, items, campaigns], byCampaign, {}, new Set(['customers']))).toEqual([
      'basket_items: foreign key to baskets without customer_id',
      'campaigns: foreign key to customers crosses distribution groups (campaigns.winner_id -> customers)',
    ]);
    expect(distributionViolations([customers, campaigns], byCampaign, { 'campaigns.winner_id -> customers': 'test' }, new Set())).toEqual([]);
    const notes = pgTable('notes', { id: serial('id').primaryKey(), body: integer('body') });
    expect(distributionViolations([notes], {}, {}, new Set())).toEqual(['notes: neither distributed nor a reference table']);
  });
});
