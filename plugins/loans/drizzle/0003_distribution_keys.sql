-- Distribution-ready keys (core migration 0019, docs/scale.md): every row of a customer's credit carries the
-- customer — applications, their history, loans, schedules and repayments are keyed by customer_id first, and
-- each child points at its parent with it, so a cluster distributed by customer keeps a loan and its schedule on
-- one shard. A loan's application is unique per customer. Look-ups by id alone keep an index on id.
ALTER TABLE "loans_application_events" ADD COLUMN "customer_id" integer;--> statement-breakpoint
UPDATE "loans_application_events" e SET "customer_id" = a."customer_id" FROM "loans_applications" a WHERE a."id" = e."application_id";--> statement-breakpoint
ALTER TABLE "loans_application_events" ALTER COLUMN "customer_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "loans_instalments" ADD COLUMN "customer_id" integer;--> statement-breakpoint
UPDATE "loans_instalments" i SET "customer_id" = l."customer_id" FROM "loans_loans" l WHERE l."id" = i."loan_id";--> statement-breakpoint
ALTER TABLE "loans_instalments" ALTER COLUMN "customer_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "loans_repayments" ADD COLUMN "customer_id" integer;--> statement-breakpoint
UPDATE "loans_repayments" r SET "customer_id" = l."customer_id" FROM "loans_loans" l WHERE l."id" = r."loan_id";--> statement-breakpoint
ALTER TABLE "loans_repayments" ALTER COLUMN "customer_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "loans_applications" DROP CONSTRAINT "loans_applications_pkey";--> statement-breakpoint
ALTER TABLE "loans_applications" ADD CONSTRAINT "loans_applications_pkey" PRIMARY KEY("customer_id","id");--> statement-breakpoint
ALTER TABLE "loans_loans" DROP CONSTRAINT "loans_loans_pkey";--> statement-breakpoint
ALTER TABLE "loans_loans" ADD CONSTRAINT "loans_loans_pkey" PRIMARY KEY("customer_id","id");--> statement-breakpoint
ALTER TABLE "loans_application_events" DROP CONSTRAINT "loans_application_events_pkey";--> statement-breakpoint
ALTER TABLE "loans_application_events" ADD CONSTRAINT "loans_application_events_pkey" PRIMARY KEY("customer_id","id");--> statement-breakpoint
ALTER TABLE "loans_instalments" DROP CONSTRAINT "loans_instalments_loan_id_n_pk";--> statement-breakpoint
ALTER TABLE "loans_instalments" ADD CONSTRAINT "loans_instalments_pkey" PRIMARY KEY("customer_id","loan_id","n");--> statement-breakpoint
ALTER TABLE "loans_repayments" DROP CONSTRAINT "loans_repayments_pkey";--> statement-breakpoint
ALTER TABLE "loans_repayments" ADD CONSTRAINT "loans_repayments_pkey" PRIMARY KEY("customer_id","id");--> statement-breakpoint
ALTER TABLE "loans_application_events" ADD CONSTRAINT "loans_application_events_application_fk" FOREIGN KEY ("customer_id","application_id") REFERENCES "public"."loans_applications"("customer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans_instalments" ADD CONSTRAINT "loans_instalments_loan_fk" FOREIGN KEY ("customer_id","loan_id") REFERENCES "public"."loans_loans"("customer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loans_repayments" ADD CONSTRAINT "loans_repayments_loan_fk" FOREIGN KEY ("customer_id","loan_id") REFERENCES "public"."loans_loans"("customer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP INDEX "loans_applications_customer_idx";--> statement-breakpoint
DROP INDEX "loans_loans_customer_idx";--> statement-breakpoint
DROP INDEX "loans_loans_application_uq";--> statement-breakpoint
CREATE INDEX "loans_applications_id_idx" ON "loans_applications" USING btree ("id");--> statement-breakpoint
CREATE INDEX "loans_loans_id_idx" ON "loans_loans" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "loans_loans_application_uq" ON "loans_loans" USING btree ("customer_id","application_id");
