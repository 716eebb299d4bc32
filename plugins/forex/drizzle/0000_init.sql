CREATE TABLE "forex_annual_usage" (
	"customer_id" integer NOT NULL,
	"year" integer NOT NULL,
	"purchased_usd" numeric(20, 2) DEFAULT '0' NOT NULL,
	"sold_usd" numeric(20, 2) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forex_annual_usage_customer_id_year_pk" PRIMARY KEY("customer_id","year")
);
--> statement-breakpoint
CREATE TABLE "forex_details" (
	"product_id" integer PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"currency" text NOT NULL,
	"term_months" integer,
	"annual_rate_pct" numeric(8, 4),
	"linked_currency" text
);
--> statement-breakpoint
CREATE TABLE "forex_rates" (
	"id" serial PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"buy_rate" numeric(16, 4) NOT NULL,
	"sell_rate" numeric(16, 4) NOT NULL,
	"middle_rate" numeric(16, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forex_usage_entries" (
	"order_id" integer PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"year" integer NOT NULL,
	"direction" text NOT NULL,
	"usd_amount" numeric(20, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "forex_rates_currency_at_uq" ON "forex_rates" USING btree ("currency","at");--> statement-breakpoint
CREATE INDEX "forex_rates_currency_id_idx" ON "forex_rates" USING btree ("currency","id");