CREATE TABLE "loans_details" (
	"product_id" integer PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"annual_rate" numeric(8, 6) NOT NULL,
	"min_term_months" integer NOT NULL,
	"max_term_months" integer NOT NULL,
	"min_amount" numeric(20, 2) NOT NULL,
	"max_amount" numeric(20, 2) NOT NULL,
	"repayment_methods" text[] NOT NULL,
	"collateral" text NOT NULL
);
