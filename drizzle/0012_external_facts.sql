CREATE TABLE "external_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"reference" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_verifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"method" text NOT NULL,
	"reference" text NOT NULL,
	"verified_by" text NOT NULL,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "has_stable_income" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "id_verified" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "external_reports" ADD CONSTRAINT "external_reports_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_verifications" ADD CONSTRAINT "identity_verifications_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_reports_customer_kind_idx" ON "external_reports" USING btree ("customer_id","kind","reported_at");--> statement-breakpoint
CREATE INDEX "identity_verifications_customer_idx" ON "identity_verifications" USING btree ("customer_id","id");