CREATE TABLE "branch_visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"branch_id" integer NOT NULL,
	"manager_id" integer,
	"identified_by" text NOT NULL,
	"identified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "branch_visits" ADD CONSTRAINT "branch_visits_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_visits" ADD CONSTRAINT "branch_visits_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "branch_visits_customer_idx" ON "branch_visits" USING btree ("customer_id","identified_at");--> statement-breakpoint
CREATE INDEX "branch_visits_manager_idx" ON "branch_visits" USING btree ("manager_id","identified_at");--> statement-breakpoint
CREATE INDEX "customers_id_number_idx" ON "customers" USING btree ("id_number","id_type");