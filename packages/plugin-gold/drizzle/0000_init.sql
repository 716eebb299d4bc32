CREATE TABLE "gold_details" (
	"product_id" integer PRIMARY KEY NOT NULL,
	"gold_type" text NOT NULL,
	"purity" text NOT NULL,
	"bar_weight_grams" numeric(12, 4),
	"minimum_grams" numeric(12, 4) NOT NULL,
	"gram_step" numeric(12, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gold_prices" (
	"id" serial PRIMARY KEY NOT NULL,
	"product_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"price_per_gram" numeric(20, 4) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "gold_prices_product_id_idx" ON "gold_prices" USING btree ("product_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "gold_prices_product_at_uq" ON "gold_prices" USING btree ("product_id","at");