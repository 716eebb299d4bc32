CREATE TABLE "impact_report_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"line" text NOT NULL,
	"branch_id" integer,
	"manager_id" integer,
	"direction" text NOT NULL,
	"before" text NOT NULL,
	"after" text NOT NULL,
	"codes_added" text[] NOT NULL,
	"codes_removed" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "impact_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"proposal" jsonb NOT NULL,
	"settings_version" integer NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"customers_done" integer DEFAULT 0 NOT NULL,
	"customers_total" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"error" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "setting_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb NOT NULL,
	"reason" text NOT NULL,
	"impact_report_id" integer,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD COLUMN "settings_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "impact_entries_report_idx" ON "impact_report_entries" USING btree ("report_id","direction","id");--> statement-breakpoint
CREATE INDEX "impact_entries_product_idx" ON "impact_report_entries" USING btree ("report_id","product_id");--> statement-breakpoint
CREATE INDEX "setting_changes_key_idx" ON "setting_changes" USING btree ("key","id");