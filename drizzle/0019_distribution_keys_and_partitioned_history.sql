-- Two changes that make the schema ready to grow past one machine (docs/scale.md).
--
-- A. Distribution keys. Every customer-owned table is keyed by (customer_id, id): a cluster that distributes
--    by customer_id (Citus) can then enforce each key on one shard, and a foreign key between two customer-owned
--    tables carries customer_id. The one bank-wide unique value, a card number, moves to its own table keyed by
--    the number's hash. Look-ups by id alone keep an index on id.
-- B. Partitioned history. Decision records, orders and contacts are partitioned by month (as the audit trail is
--    since 0018): a partitioned table's keys include the partition column, and history that can be detached for
--    archive cannot be the target of a foreign key — the columns that pointed at an order or a decision are
--    checked by a trigger instead (the referenced row must exist, for the same customer).

-- A.1 Card numbers: one owner per number, bank-wide.
CREATE TABLE "card_number_owners" (
	"pan_hash" text PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
INSERT INTO "card_number_owners" ("pan_hash", "customer_id", "recorded_at") SELECT "pan_hash", "customer_id", "issued_at" FROM "customer_cards";
--> statement-breakpoint
DROP INDEX "customer_cards_pan_uq";
--> statement-breakpoint

-- A.2 Foreign keys that change shape: to bundle_orders with customer_id; to orders and decisions by trigger (B).
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "complaints" DROP CONSTRAINT "complaints_decision_id_suitability_decisions_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_entitlements" DROP CONSTRAINT "customer_entitlements_bundle_order_id_bundle_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "leads" DROP CONSTRAINT "leads_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "points_ledger" DROP CONSTRAINT "points_ledger_order_id_orders_id_fk";
--> statement-breakpoint

-- A.3 Keys with customer_id (lead_contacts and lead_events: with lead_id, the column their group is distributed by;
-- case_participants: with case_id).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['risk_assessments', 'holdings', 'complaints', 'bundle_orders', 'customer_entitlements',
    'external_reports', 'identity_verifications', 'impact_report_entries', 'branch_visits', 'customer_cards',
    'points_ledger', 'satisfaction_responses'] LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t, t || '_pkey');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY ("customer_id", "id")', t, t || '_pkey');
  END LOOP;
  FOREACH t IN ARRAY ARRAY['lead_contacts', 'lead_events'] LOOP
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t, t || '_pkey');
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY ("lead_id", "id")', t, t || '_pkey');
  END LOOP;
  -- The four-eyes participants of a case: distributed by case.
  ALTER TABLE "case_participants" DROP CONSTRAINT "case_participants_pkey";
  ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_pkey" PRIMARY KEY ("case_id", "id");
END $$;
--> statement-breakpoint
ALTER TABLE "customer_entitlements" ADD CONSTRAINT "customer_entitlements_bundle_order_fk" FOREIGN KEY ("customer_id","bundle_order_id") REFERENCES "public"."bundle_orders"("customer_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
DROP INDEX "points_ledger_order_uq";
--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_order_uq" ON "points_ledger" USING btree ("customer_id","order_id","kind") WHERE order_id is not null;
--> statement-breakpoint
DROP INDEX "satisfaction_subject_uq";
--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_subject_uq" ON "satisfaction_responses" USING btree ("customer_id","subject_type","subject_id");
--> statement-breakpoint
-- The key now leads with the column the old (customer_id, id) indexes held: they go. Look-ups by id alone get one.
DROP INDEX "holdings_customer_idx";
--> statement-breakpoint
DROP INDEX "complaints_customer_idx";
--> statement-breakpoint
DROP INDEX "bundle_orders_customer_idx";
--> statement-breakpoint
DROP INDEX "lead_contacts_lead_idx";
--> statement-breakpoint
DROP INDEX "lead_events_lead_idx";
--> statement-breakpoint
DROP INDEX "identity_verifications_customer_idx";
--> statement-breakpoint
DROP INDEX "points_ledger_customer_idx";
--> statement-breakpoint
DROP INDEX "satisfaction_customer_idx";
--> statement-breakpoint
CREATE INDEX "holdings_id_idx" ON "holdings" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "complaints_id_idx" ON "complaints" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "bundle_orders_id_idx" ON "bundle_orders" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "points_ledger_id_idx" ON "points_ledger" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "satisfaction_responses_id_idx" ON "satisfaction_responses" USING btree ("id");
--> statement-breakpoint

-- B.1 Months made ahead, now also for a month whose rows wait in the default partition (a row dated before the
-- partitions, or seeded history): they move to the month's own table, which is then attached. Moving rows is not
-- changing them, so the append-only triggers are off on the default partition for the move only.
CREATE OR REPLACE FUNCTION finmart_ensure_month_partitions(parent text, first_month date, months integer) RETURNS integer AS $$
DECLARE
  m date := date_trunc('month', first_month)::date;
  made integer := 0;
  name text;
  col text := substring(pg_get_partkeydef(parent::regclass) FROM 'RANGE \((.*)\)');
  dflt text := parent || '_default';
  lo timestamptz;
  hi timestamptz;
  waiting boolean;
BEGIN
  FOR i IN 1..months LOOP
    name := format('%s_%s', parent, to_char(m, 'YYYY_MM'));
    lo := m::timestamp AT TIME ZONE 'UTC';
    hi := (m + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    IF to_regclass(name) IS NULL THEN
      waiting := false;
      IF to_regclass(dflt) IS NOT NULL THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= $1 AND %I < $2)', dflt, col, col) INTO waiting USING lo, hi;
      END IF;
      IF NOT waiting THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent, lo, hi);
      ELSE
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name, parent);
        EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', dflt);
        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= $1 AND %I < $2 RETURNING *) INSERT INTO %I SELECT * FROM moved', dflt, col, col, name) USING lo, hi;
        EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', dflt);
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, name, lo, hi);
      END IF;
      made := made + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Every month with rows in the default partition gets its own (run at boot, daily, and after the demo seed).
CREATE OR REPLACE FUNCTION finmart_drain_default_partition(parent text) RETURNS integer AS $$
DECLARE
  col text := substring(pg_get_partkeydef(parent::regclass) FROM 'RANGE \((.*)\)');
  made integer := 0;
  months date[];
  m date;
BEGIN
  IF to_regclass(parent || '_default') IS NULL THEN RETURN 0; END IF;
  -- The months first, then the moves: an open cursor on the default partition would forbid altering it.
  EXECUTE format('SELECT array_agg(DISTINCT date_trunc(''month'', %I AT TIME ZONE ''UTC'')::date) FROM %I', col, parent || '_default') INTO months;
  FOREACH m IN ARRAY COALESCE(months, '{}') LOOP
    made := made + finmart_ensure_month_partitions(parent, m, 1);
  END LOOP;
  RETURN made;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- B.2 Turns `tbl` into a table partitioned by month of `col`, rows, defaults and sequence kept: PostgreSQL cannot do
-- it in place, so the partitioned table is built beside it (keys, indexes and triggers are added after, by name).
CREATE OR REPLACE FUNCTION finmart_partition_by_month(tbl text, col text) RETURNS void AS $$
DECLARE
  old text := tbl || '_unpartitioned';
  seq text := CASE WHEN EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = tbl AND column_name = 'id')
    THEN pg_get_serial_sequence(tbl, 'id') END;
  first date;
BEGIN
  EXECUTE format('ALTER TABLE %I RENAME TO %I', tbl, old);
  EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (%I)', tbl, old, col);
  EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', tbl || '_default', tbl);
  EXECUTE format('SELECT date_trunc(''month'', LEAST(COALESCE(min(%I), now()), now()))::date FROM %I', col, old) INTO first;
  PERFORM finmart_ensure_month_partitions(tbl, first,
    ((extract(year FROM now()) * 12 + extract(month FROM now())) - (extract(year FROM first) * 12 + extract(month FROM first)))::integer + 4);
  EXECUTE format('INSERT INTO %I SELECT * FROM %I', tbl, old);
  IF seq IS NOT NULL THEN EXECUTE format('ALTER SEQUENCE %s OWNED BY %I.id', seq, tbl); END IF;
  EXECUTE format('DROP TABLE %I', old);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT finmart_partition_by_month('suitability_decisions', 'evaluated_at');
--> statement-breakpoint
SELECT finmart_partition_by_month('orders', 'placed_at');
--> statement-breakpoint
SELECT finmart_partition_by_month('contacts', 'occurred_at');
--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD CONSTRAINT "suitability_decisions_pkey" PRIMARY KEY ("customer_id", "id", "evaluated_at");
--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD CONSTRAINT "suitability_decisions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id");
--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD CONSTRAINT "suitability_decisions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id");
--> statement-breakpoint
CREATE INDEX "suitability_decisions_id_idx" ON "suitability_decisions" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "decisions_branch_idx" ON "suitability_decisions" USING btree ("branch_id","id");
--> statement-breakpoint
CREATE INDEX "decisions_manager_idx" ON "suitability_decisions" USING btree ("manager_id","id");
--> statement-breakpoint
CREATE INDEX "decisions_eval_idx" ON "suitability_decisions" USING btree ("evaluated_at");
--> statement-breakpoint
CREATE INDEX "decisions_outcome_idx" ON "suitability_decisions" USING btree ("outcome","evaluated_at");
--> statement-breakpoint
-- Append-only, as since 0017: on the parent, so PostgreSQL clones it to every partition, present and future.
CREATE TRIGGER suitability_decisions_append_only BEFORE UPDATE OR DELETE ON "suitability_decisions"
  FOR EACH ROW EXECUTE FUNCTION finmart_decisions_append_only();
--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_pkey" PRIMARY KEY ("customer_id", "id", "placed_at");
--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id");
--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id");
--> statement-breakpoint
CREATE INDEX "orders_id_idx" ON "orders" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "orders_customer_placed_idx" ON "orders" USING btree ("customer_id","placed_at");
--> statement-breakpoint
CREATE INDEX "orders_pending_idx" ON "orders" USING btree ("status","cooling_off_ends_at");
--> statement-breakpoint
CREATE INDEX "orders_seller_manager_idx" ON "orders" USING btree ("seller_manager_id","placed_at");
--> statement-breakpoint
CREATE INDEX "orders_seller_branch_idx" ON "orders" USING btree ("seller_branch_id","placed_at");
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_pkey" PRIMARY KEY ("customer_id", "id", "occurred_at");
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id");
--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_manager_id_managers_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."managers"("id");
--> statement-breakpoint
CREATE INDEX "contacts_id_idx" ON "contacts" USING btree ("id");
--> statement-breakpoint
CREATE INDEX "contacts_customer_occurred_idx" ON "contacts" USING btree ("customer_id","occurred_at");
--> statement-breakpoint

-- B.3 What pointed at an order or a decision: the row must exist, and be the same customer's.
CREATE OR REPLACE FUNCTION finmart_check_history_reference() RETURNS trigger AS $$
-- TG_ARGV[0]: the referencing column; TG_ARGV[1]: the history table, keyed by (customer_id, id, <month column>).
DECLARE
  ref bigint := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
  present boolean;
BEGIN
  IF ref IS NULL THEN RETURN NEW; END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE customer_id = $1 AND id = $2)', TG_ARGV[1]) INTO present USING NEW.customer_id, ref;
  IF NOT present THEN
    RAISE EXCEPTION '%.% = % is not an id of this customer''s %', TG_TABLE_NAME, TG_ARGV[0], ref, TG_ARGV[1]
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER complaints_order_exists BEFORE INSERT OR UPDATE OF order_id, customer_id ON "complaints"
  FOR EACH ROW EXECUTE FUNCTION finmart_check_history_reference('order_id', 'orders');
--> statement-breakpoint
CREATE TRIGGER complaints_decision_exists BEFORE INSERT OR UPDATE OF decision_id, customer_id ON "complaints"
  FOR EACH ROW EXECUTE FUNCTION finmart_check_history_reference('decision_id', 'suitability_decisions');
--> statement-breakpoint
CREATE TRIGGER leads_order_exists BEFORE INSERT OR UPDATE OF order_id, customer_id ON "leads"
  FOR EACH ROW EXECUTE FUNCTION finmart_check_history_reference('order_id', 'orders');
--> statement-breakpoint
CREATE TRIGGER points_ledger_order_exists BEFORE INSERT ON "points_ledger"
  FOR EACH ROW EXECUTE FUNCTION finmart_check_history_reference('order_id', 'orders');
