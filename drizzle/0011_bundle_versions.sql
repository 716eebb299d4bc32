CREATE TABLE "bundle_orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"bundle_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"order_ids" integer[] NOT NULL,
	"services" text[] NOT NULL,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bundle_services" (
	"id" serial PRIMARY KEY NOT NULL,
	"bundle_id" integer NOT NULL,
	"code" text NOT NULL,
	"amount" numeric(20, 4),
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_entitlements" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"code" text NOT NULL,
	"bundle_order_id" integer NOT NULL,
	"granted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bundles" DROP CONSTRAINT "bundles_code_unique";--> statement-breakpoint
ALTER TABLE "bundle_items" ADD COLUMN "quantity" numeric(20, 6);--> statement-breakpoint
ALTER TABLE "bundle_items" ADD COLUMN "share" numeric(5, 4);--> statement-breakpoint
ALTER TABLE "bundles" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "bundles" ADD COLUMN "valid_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bundles" ADD COLUMN "valid_to" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bundles" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bundles" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "bundle_orders" ADD CONSTRAINT "bundle_orders_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_orders" ADD CONSTRAINT "bundle_orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_services" ADD CONSTRAINT "bundle_services_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_entitlements" ADD CONSTRAINT "customer_entitlements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_entitlements" ADD CONSTRAINT "customer_entitlements_bundle_order_id_bundle_orders_id_fk" FOREIGN KEY ("bundle_order_id") REFERENCES "public"."bundle_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bundle_orders_customer_idx" ON "bundle_orders" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "bundle_services_bundle_idx" ON "bundle_services" USING btree ("bundle_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_entitlements_uq" ON "customer_entitlements" USING btree ("customer_id","code","bundle_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bundles_code_version_uq" ON "bundles" USING btree ("code","version");