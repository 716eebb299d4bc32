-- The day close (日终) partitioned by month of its `day`: one row per customer per day is the fastest-growing
-- history of all (≈ 50 M rows a day at 50 M customers; docs/scale.md), and a KPI reads one day's book.
--
-- A. The maintenance functions learn `date` partition columns. Until now they built UTC-instant bounds, right for
-- `timestamptz` columns; for a `date` column the bounds are the month's first days, and the month of a row is
-- its date's month whatever the session's time zone (an instant's UTC month would put 1 October in September in
-- a session east of UTC). The bounds are written as text and cast to the column's type by PostgreSQL.
-- The partition column of `parent`, and whether it is a date (else an instant): one definition for both functions.
CREATE OR REPLACE FUNCTION finmart_partition_column(parent text, OUT col text, OUT is_date boolean) AS $$
BEGIN
  col := substring(pg_get_partkeydef(parent::regclass) FROM 'RANGE \((.*)\)');
  SELECT a.atttypid = 'date'::regtype INTO is_date FROM pg_attribute a
    WHERE a.attrelid = parent::regclass AND a.attname = col;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION finmart_partition_bounds(parent text, m date, OUT col text, OUT lo text, OUT hi text) AS $$
DECLARE
  is_date boolean;
BEGIN
  SELECT p.col, p.is_date INTO col, is_date FROM finmart_partition_column(parent) p;
  IF is_date THEN
    lo := to_char(m, 'YYYY-MM-DD');
    hi := to_char((m + interval '1 month')::date, 'YYYY-MM-DD');
  ELSE
    lo := to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00';
    hi := to_char((m + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00';
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION finmart_ensure_month_partitions(parent text, first_month date, months integer) RETURNS integer AS $$
DECLARE
  m date := date_trunc('month', first_month)::date;
  made integer := 0;
  name text;
  dflt text := parent || '_default';
  b record;
  waiting boolean;
BEGIN
  FOR i IN 1..months LOOP
    name := format('%s_%s', parent, to_char(m, 'YYYY_MM'));
    IF to_regclass(name) IS NULL THEN
      SELECT * INTO b FROM finmart_partition_bounds(parent, m);
      waiting := false;
      IF to_regclass(dflt) IS NOT NULL THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= %L AND %I < %L)', dflt, b.col, b.lo, b.col, b.hi) INTO waiting;
      END IF;
      IF NOT waiting THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent, b.lo, b.hi);
      ELSE
        -- Rows of this month wait in the default partition: a partition cannot be created over them, so they move
        -- into a new table that is then attached (the append-only triggers are off on the default for the move only).
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name, parent);
        EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', dflt);
        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
          dflt, b.col, b.lo, b.col, b.hi, name);
        EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', dflt);
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, name, b.lo, b.hi);
      END IF;
      made := made + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION finmart_drain_default_partition(parent text) RETURNS integer AS $$
DECLARE
  col text;
  is_date boolean;
  made integer := 0;
  months date[];
  m date;
BEGIN
  IF to_regclass(parent || '_default') IS NULL THEN RETURN 0; END IF;
  SELECT p.col, p.is_date INTO col, is_date FROM finmart_partition_column(parent) p;
  -- The months first, then the moves: an open cursor on the default partition would forbid altering it.
  EXECUTE format(CASE WHEN is_date THEN 'SELECT array_agg(DISTINCT date_trunc(''month'', %I)::date) FROM %I'
                      ELSE 'SELECT array_agg(DISTINCT date_trunc(''month'', %I AT TIME ZONE ''UTC'')::date) FROM %I' END,
                 col, parent || '_default') INTO months;
  FOREACH m IN ARRAY COALESCE(months, '{}') LOOP
    made := made + finmart_ensure_month_partitions(parent, m, 1);
  END LOOP;
  RETURN made;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- B. The day close, rows kept (finmart_partition_by_month, migration 0019); its key and indexes by their names.
SELECT finmart_partition_by_month('customer_day_closes', 'day');
--> statement-breakpoint
ALTER TABLE "customer_day_closes" ADD CONSTRAINT "customer_day_closes_day_customer_id_pk" PRIMARY KEY ("day", "customer_id");
--> statement-breakpoint
CREATE INDEX "customer_day_closes_manager_idx" ON "customer_day_closes" USING btree ("day", "manager_id");
--> statement-breakpoint
CREATE INDEX "customer_day_closes_branch_idx" ON "customer_day_closes" USING btree ("day", "branch_id");
