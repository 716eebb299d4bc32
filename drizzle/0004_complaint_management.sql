-- Complaints as management data. Existing rows: the branch is the customer's
-- today (the branch at filing was not recorded), the deadline the MEDIUM
-- default target (168 h), as nothing recorded a severity before.
ALTER TABLE "complaints" ADD COLUMN "branch_id" integer;--> statement-breakpoint
UPDATE "complaints" SET "branch_id" = "customers"."branch_id" FROM "customers" WHERE "customers"."id" = "complaints"."customer_id";--> statement-breakpoint
ALTER TABLE "complaints" ALTER COLUMN "branch_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "severity" text DEFAULT 'MEDIUM' NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "respond_by" timestamp with time zone;--> statement-breakpoint
UPDATE "complaints" SET "respond_by" = "recorded_at" + interval '168 hours';--> statement-breakpoint
ALTER TABLE "complaints" ALTER COLUMN "respond_by" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "order_id" integer;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "decision_id" bigint;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "escalation_level" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "escalation_reason" text;--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD COLUMN "initiator" text;--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD COLUMN "manager_id" integer;--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD COLUMN "branch_id" integer;--> statement-breakpoint
-- Existing decision records: the initiator from the facts as evaluated; manager and branch the customer's today.
UPDATE "suitability_decisions" SET "initiator" = "suitability_decisions"."facts" -> 'sale' ->> 'initiator', "manager_id" = "customers"."manager_id", "branch_id" = "customers"."branch_id"
  FROM "customers" WHERE "customers"."id" = "suitability_decisions"."customer_id";--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_decision_id_suitability_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."suitability_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_recorded_idx" ON "complaints" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "complaints_branch_recorded_idx" ON "complaints" USING btree ("branch_id","recorded_at");--> statement-breakpoint
CREATE INDEX "complaints_manager_recorded_idx" ON "complaints" USING btree ("manager_id","recorded_at");--> statement-breakpoint
CREATE INDEX "decisions_branch_idx" ON "suitability_decisions" USING btree ("branch_id","id");--> statement-breakpoint
CREATE INDEX "decisions_manager_idx" ON "suitability_decisions" USING btree ("manager_id","id");