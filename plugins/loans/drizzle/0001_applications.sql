CREATE TABLE "loans_application_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"actor" text NOT NULL,
	"note" text NOT NULL,
	"decision_id" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loans_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"term_months" integer NOT NULL,
	"repayment_method" text NOT NULL,
	"terms" jsonb NOT NULL,
	"source" text NOT NULL,
	"lead_id" integer,
	"stage" text NOT NULL,
	"completed_steps" text[] NOT NULL,
	"decision_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"approved_amount" numeric(20, 2),
	"approved_term_months" integer,
	"decision_note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "loans_application_events_app_idx" ON "loans_application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "loans_applications_customer_idx" ON "loans_applications" USING btree ("customer_id","id");