CREATE TABLE "cards_details" (
	"product_id" integer PRIMARY KEY NOT NULL,
	"card_kind" text NOT NULL,
	"account_class" text,
	"credit_card_type" text,
	"network" text NOT NULL,
	"annual_fee" numeric(20, 4) DEFAULT '0' NOT NULL,
	"annual_fee_waiver_zh" text,
	"annual_fee_waiver_en" text,
	"credit_limit_min" numeric(20, 4),
	"credit_limit_max" numeric(20, 4),
	"co_brand_partner" text
);
--> statement-breakpoint
CREATE TABLE "cards_external_student_cards" (
	"customer_id" integer NOT NULL,
	"bank_name" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cards_external_student_cards_customer_id_bank_name_pk" PRIMARY KEY("customer_id","bank_name")
);
