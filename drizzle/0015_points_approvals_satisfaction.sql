CREATE TABLE "points_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"order_id" integer,
	"line" text,
	"item" text,
	"reason" text,
	"actor" text NOT NULL,
	"idempotency_key" text,
	"request_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approvals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"target_key" text NOT NULL,
	"branch_id" integer,
	"input" jsonb NOT NULL,
	"maker" jsonb NOT NULL,
	"maker_subject" text NOT NULL,
	"idempotency_key" text,
	"status" text DEFAULT 'AWAITING_APPROVAL' NOT NULL,
	"checker_subject" text,
	"checker_role" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"result" jsonb,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "satisfaction_responses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" integer NOT NULL,
	"score" smallint NOT NULL,
	"recommend" smallint,
	"comment" text,
	"manager_id" integer,
	"branch_id" integer,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "feedback_waived_reason" text;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_manager_id_managers_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."managers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "points_ledger_customer_idx" ON "points_ledger" USING btree ("customer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_order_uq" ON "points_ledger" USING btree ("order_id","kind") WHERE order_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_key_uq" ON "points_ledger" USING btree ("customer_id","actor","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "approvals_pending_target_uq" ON "approvals" USING btree ("action","target_key") WHERE status = 'AWAITING_APPROVAL';--> statement-breakpoint
CREATE UNIQUE INDEX "approvals_maker_key_uq" ON "approvals" USING btree ("maker_subject","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "approvals_status_idx" ON "approvals" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "approvals_branch_idx" ON "approvals" USING btree ("branch_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_subject_uq" ON "satisfaction_responses" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "satisfaction_customer_idx" ON "satisfaction_responses" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "satisfaction_branch_idx" ON "satisfaction_responses" USING btree ("branch_id","recorded_at");--> statement-breakpoint
CREATE INDEX "satisfaction_manager_idx" ON "satisfaction_responses" USING btree ("manager_id","recorded_at");--> statement-breakpoint
-- The points ledger is evidence of what a customer was given and spent: append-only, like the audit trail.
CREATE OR REPLACE FUNCTION finmart_points_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'points_ledger is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER points_ledger_append_only BEFORE UPDATE OR DELETE ON points_ledger
  FOR EACH ROW EXECUTE FUNCTION finmart_points_append_only();
