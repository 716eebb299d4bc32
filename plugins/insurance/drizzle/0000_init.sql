CREATE TABLE "insurance_details" (
	"product_id" integer PRIMARY KEY NOT NULL,
	"insurer" text NOT NULL,
	"insurance_type" text NOT NULL,
	"guaranteed" boolean NOT NULL,
	"cover_term_years" integer,
	"premium_modes" text[] NOT NULL,
	"payment_years_options" integer[] NOT NULL,
	"insured_age_min" integer NOT NULL,
	"insured_age_max" integer NOT NULL,
	"cooling_off_days" integer NOT NULL,
	"death_cover" boolean NOT NULL,
	"life_or_health" boolean NOT NULL,
	"cover_over_one_year" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurance_rates" (
	"product_id" integer NOT NULL,
	"sex" text NOT NULL,
	"age_from" integer NOT NULL,
	"age_to" integer NOT NULL,
	"payment_years" integer NOT NULL,
	"rate_per_1000" numeric(12, 4) NOT NULL,
	CONSTRAINT "insurance_rates_product_id_sex_payment_years_age_from_pk" PRIMARY KEY("product_id","sex","payment_years","age_from")
);
