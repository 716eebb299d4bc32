CREATE TABLE "customer_day_closes" (
	"day" date NOT NULL,
	"customer_id" integer NOT NULL,
	"manager_id" integer,
	"branch_id" integer NOT NULL,
	"tier" text NOT NULL,
	"assets_cny" numeric(20, 4) NOT NULL,
	"lines_held" smallint NOT NULL,
	"cadence_days" integer NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_day_closes_day_customer_id_pk" PRIMARY KEY("day","customer_id")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "seller_manager_id" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "seller_branch_id" integer;--> statement-breakpoint
CREATE INDEX "customer_day_closes_manager_idx" ON "customer_day_closes" USING btree ("day","manager_id");--> statement-breakpoint
CREATE INDEX "customer_day_closes_branch_idx" ON "customer_day_closes" USING btree ("day","branch_id");--> statement-breakpoint
CREATE INDEX "orders_seller_manager_idx" ON "orders" USING btree ("seller_manager_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_seller_branch_idx" ON "orders" USING btree ("seller_branch_id","placed_at");