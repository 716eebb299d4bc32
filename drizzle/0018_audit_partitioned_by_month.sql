-- The audit trail grows without bound (one row per customer read): partition it by month of occurred_at, so that
-- queries by period read only their months and old months can be detached for archive. PostgreSQL cannot turn a
-- table into a partitioned one in place: build the partitioned table beside it, move the rows, swap the names.

-- 1. Months as partitions: <parent>_YYYY_MM holds [month, month + 1). Idempotent; made ahead by a daily job and at boot.
CREATE OR REPLACE FUNCTION finmart_ensure_month_partitions(parent text, first_month date, months integer) RETURNS integer AS $$
DECLARE
  m date := date_trunc('month', first_month)::date;
  made integer := 0;
  name text;
BEGIN
  FOR i IN 1..months LOOP
    name := format('%s_%s', parent, to_char(m, 'YYYY_MM'));
    IF to_regclass(name) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent,
        (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
      made := made + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint

-- 2. The partitioned table, under a temporary name, with the same columns, defaults and sequence.
CREATE TABLE "audit_events_by_month" (
  "id" bigint NOT NULL DEFAULT nextval('audit_events_id_seq'),
  "occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
  "actor" text NOT NULL,
  "role" text NOT NULL,
  "action" text NOT NULL,
  "target_type" text NOT NULL,
  "target_id" text NOT NULL,
  "purpose" text,
  "request_id" text,
  "details" jsonb DEFAULT '{}'::jsonb NOT NULL,
  CONSTRAINT "audit_events_by_month_pkey" PRIMARY KEY ("id", "occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
-- Rows of a month nobody made a partition for are kept, not refused: the default partition takes them.
CREATE TABLE "audit_events_default" PARTITION OF "audit_events_by_month" DEFAULT;
--> statement-breakpoint

-- 3. Months from the oldest row (or this month) to three months ahead, then the rows.
DO $$
DECLARE
  first date := date_trunc('month', LEAST(COALESCE((SELECT min(occurred_at) FROM audit_events), now()), now()))::date;
BEGIN
  PERFORM finmart_ensure_month_partitions('audit_events_by_month', first,
    ((extract(year FROM now()) * 12 + extract(month FROM now())) - (extract(year FROM first) * 12 + extract(month FROM first)))::integer + 4);
END $$;
--> statement-breakpoint
INSERT INTO "audit_events_by_month" SELECT "id", "occurred_at", "actor", "role", "action", "target_type", "target_id", "purpose", "request_id", "details" FROM "audit_events";
--> statement-breakpoint

-- 4. Swap: the sequence moves to the new table before the old one (its owner) is dropped.
ALTER SEQUENCE "audit_events_id_seq" OWNED BY "audit_events_by_month"."id";
--> statement-breakpoint
DROP TABLE "audit_events";
--> statement-breakpoint
ALTER TABLE "audit_events_by_month" RENAME TO "audit_events";
--> statement-breakpoint
ALTER TABLE "audit_events" RENAME CONSTRAINT "audit_events_by_month_pkey" TO "audit_events_pkey";
--> statement-breakpoint
DO $$
DECLARE p record;
BEGIN
  -- The partitions were named after the temporary parent: name them after audit_events.
  FOR p IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'audit_events'::regclass AND c.relname LIKE 'audit_events_by_month_%' LOOP
    EXECUTE format('ALTER TABLE %I RENAME TO %I', p.relname, replace(p.relname, 'audit_events_by_month_', 'audit_events_'));
  END LOOP;
END $$;
--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_events" USING btree ("actor", "id");
--> statement-breakpoint
CREATE INDEX "audit_target_idx" ON "audit_events" USING btree ("target_type", "target_id");
--> statement-breakpoint

-- 5. Append-only on the parent: PostgreSQL clones a row trigger to every partition, present and future, so a
-- partition addressed by its own name refuses UPDATE and DELETE too.
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION finmart_audit_append_only();
