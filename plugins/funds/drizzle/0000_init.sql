CREATE TABLE "funds_details" (
	"product_id" integer PRIMARY KEY NOT NULL,
	"fund_type" text NOT NULL,
	"fund_house" text NOT NULL,
	"manager_name" text NOT NULL,
	"is_private" boolean DEFAULT false NOT NULL,
	"asset_class" text NOT NULL,
	"is_bank_wealth" boolean DEFAULT false NOT NULL,
	"issuer_type" text NOT NULL,
	"sip_supported" boolean DEFAULT false NOT NULL,
	"sip_minimum" numeric(20, 4),
	"management_fee_rate" numeric(8, 6) NOT NULL,
	"established_on" date,
	CONSTRAINT "funds_details_fund_type_ck" CHECK ("funds_details"."fund_type" in ('MONEY_MARKET', 'BOND', 'MIXED', 'EQUITY', 'QDII', 'PRIVATE')),
	CONSTRAINT "funds_details_asset_class_ck" CHECK ("funds_details"."asset_class" in ('FIXED_INCOME', 'MIXED', 'EQUITY', 'COMMODITY_DERIVATIVES')),
	CONSTRAINT "funds_details_issuer_type_ck" CHECK ("funds_details"."issuer_type" in ('FUND_HOUSE', 'BANK', 'BANK_SUBSIDIARY')),
	CONSTRAINT "funds_details_sip_minimum_ck" CHECK ("funds_details"."sip_minimum" is null or "funds_details"."sip_minimum" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funds_nav_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"nav_date" date NOT NULL,
	"nav" numeric(18, 4) NOT NULL,
	"accumulated_nav" numeric(18, 4) NOT NULL,
	CONSTRAINT "funds_nav_history_positive_ck" CHECK ("funds_nav_history"."nav" > 0 and "funds_nav_history"."accumulated_nav" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "funds_nav_history_product_date_uq" ON "funds_nav_history" USING btree ("product_id","nav_date");