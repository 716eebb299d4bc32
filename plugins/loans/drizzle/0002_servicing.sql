CREATE TABLE "loans_instalments" (
	"loan_id" integer NOT NULL,
	"n" integer NOT NULL,
	"due_date" date NOT NULL,
	"principal" numeric(20, 2) NOT NULL,
	"interest" numeric(20, 2) NOT NULL,
	"principal_paid" numeric(20, 2) DEFAULT '0' NOT NULL,
	"interest_paid" numeric(20, 2) DEFAULT '0' NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "loans_instalments_loan_id_n_pk" PRIMARY KEY("loan_id","n")
);
--> statement-breakpoint
CREATE TABLE "loans_repayments" (
	"id" serial PRIMARY KEY NOT NULL,
	"loan_id" integer NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"principal" numeric(20, 2) NOT NULL,
	"interest" numeric(20, 2) NOT NULL,
	"allocation" jsonb NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loans_loans" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer,
	"customer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"principal" numeric(20, 2) NOT NULL,
	"annual_rate" numeric(8, 6) NOT NULL,
	"term_months" integer NOT NULL,
	"repayment_method" text NOT NULL,
	"disbursed_on" date NOT NULL,
	"disbursed_at" timestamp with time zone NOT NULL,
	"disbursed_by" text NOT NULL,
	"outstanding_principal" numeric(20, 2) NOT NULL,
	"status" text NOT NULL,
	"pledged_holding_id" integer,
	"settled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "loans_instalments_unpaid_idx" ON "loans_instalments" USING btree ("loan_id","due_date");--> statement-breakpoint
CREATE INDEX "loans_repayments_loan_idx" ON "loans_repayments" USING btree ("loan_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "loans_loans_application_uq" ON "loans_loans" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "loans_loans_customer_idx" ON "loans_loans" USING btree ("customer_id","id");