-- FX usage grows without bound (one row per exchange order): partitioned by month of the order's time, as the
-- host's history is (core migration 0019). The convention the host's maintenance relies on: a RANGE partitioned
-- table with a `<table>_default` partition — at boot and daily the host makes its months ahead and moves the
-- rows waiting in the default partition into theirs (no host SQL is called here: the line's tests migrate it
-- alone). The key carries the order's time, so a replayed hook (same order, same time) is still refused; and
-- customer_id first, so a cluster distributed by customer keeps it on one shard.
ALTER TABLE "forex_usage_entries" ADD COLUMN "placed_at" timestamp with time zone;--> statement-breakpoint
DO $$
BEGIN
  IF to_regclass('orders') IS NOT NULL THEN
    UPDATE "forex_usage_entries" e SET "placed_at" = o."placed_at" FROM "orders" o WHERE o."customer_id" = e."customer_id" AND o."id" = e."order_id";
  END IF;
END $$;--> statement-breakpoint
-- An entry whose order is not found (none should be): its own time.
UPDATE "forex_usage_entries" SET "placed_at" = "created_at" WHERE "placed_at" IS NULL;--> statement-breakpoint
ALTER TABLE "forex_usage_entries" ALTER COLUMN "placed_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "forex_usage_entries" RENAME TO "forex_usage_entries_unpartitioned";--> statement-breakpoint
ALTER TABLE "forex_usage_entries_unpartitioned" DROP CONSTRAINT "forex_usage_entries_pkey";--> statement-breakpoint
CREATE TABLE "forex_usage_entries" (LIKE "forex_usage_entries_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("placed_at");--> statement-breakpoint
CREATE TABLE "forex_usage_entries_default" PARTITION OF "forex_usage_entries" DEFAULT;--> statement-breakpoint
INSERT INTO "forex_usage_entries" SELECT * FROM "forex_usage_entries_unpartitioned";--> statement-breakpoint
DROP TABLE "forex_usage_entries_unpartitioned";--> statement-breakpoint
ALTER TABLE "forex_usage_entries" ADD CONSTRAINT "forex_usage_entries_pkey" PRIMARY KEY("customer_id","order_id","placed_at");
