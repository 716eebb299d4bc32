CREATE TABLE "branches" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"city" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "branches_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "managers" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"grade" text NOT NULL,
	"branch_id" integer NOT NULL,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "managers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"id_type" text NOT NULL,
	"id_number" text NOT NULL,
	"phone" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"residency" text NOT NULL,
	"nationality" text NOT NULL,
	"occupation" text NOT NULL,
	"employer_sector" text NOT NULL,
	"personal_annual_income" numeric(20, 4) NOT NULL,
	"household_annual_income" numeric(20, 4) NOT NULL,
	"household_financial_assets" numeric(20, 4) NOT NULL,
	"income_three_year_average" numeric(20, 4) NOT NULL,
	"has_stable_income" boolean DEFAULT true NOT NULL,
	"student" boolean DEFAULT false NOT NULL,
	"legal_capacity" text DEFAULT 'FULL' NOT NULL,
	"id_verified" boolean DEFAULT true NOT NULL,
	"investor_type" text DEFAULT 'ORDINARY' NOT NULL,
	"investor_type_basis" text,
	"fx_watch_list" boolean DEFAULT false NOT NULL,
	"manager_id" integer,
	"branch_id" integer NOT NULL,
	"risk_level" text,
	"risk_assessed_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone,
	"assets_cny" numeric(20, 4) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"level" text NOT NULL,
	"lowest_category" boolean DEFAULT false NOT NULL,
	"investor_type" text DEFAULT 'ORDINARY' NOT NULL,
	"experience_years" integer DEFAULT 0 NOT NULL,
	"channel" text NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"currency" text PRIMARY KEY NOT NULL,
	"rate_to_cny" numeric(20, 8) NOT NULL,
	"as_of" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holdings" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" numeric(24, 6) NOT NULL,
	"cost_amount" numeric(20, 4) NOT NULL,
	"cost_currency" text NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"line" text NOT NULL,
	"issuer" text NOT NULL,
	"partner_code" text,
	"risk_rating" text NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"minimum_amount" numeric(20, 4) DEFAULT '0' NOT NULL,
	"amount_step" numeric(20, 4) DEFAULT '0' NOT NULL,
	"status" text DEFAULT 'ON_SALE' NOT NULL,
	"sale_start" timestamp with time zone,
	"sale_end" timestamp with time zone,
	"liquidity" text NOT NULL,
	"function" text NOT NULL,
	"business_type" text DEFAULT 'INTERMEDIARY' NOT NULL,
	"regime" text DEFAULT 'OTHER' NOT NULL,
	"requires_risk_assessment" boolean DEFAULT true NOT NULL,
	"cooling_off_hours" integer DEFAULT 0 NOT NULL,
	"unit_price" numeric(24, 6),
	"unit_price_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"manager_id" integer,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'RECORDED' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"analysed_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"feedback_at" timestamp with time zone,
	"analysis" text,
	"resolution" text,
	"feedback" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"manager_id" integer,
	"channel" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"outcome" text NOT NULL,
	"next_contact_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bundle_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"bundle_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"position" integer NOT NULL,
	"suggested_amount" numeric(20, 4),
	"role_zh" text DEFAULT '' NOT NULL,
	"role_en" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bundles" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"kind" text NOT NULL,
	"target_risk_attitudes" text[] DEFAULT '{}' NOT NULL,
	"target_life_stages" text[] DEFAULT '{}' NOT NULL,
	"target_income_bands" text[] DEFAULT '{}' NOT NULL,
	"minimum_tier" text,
	"pricing" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bundles_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"role" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"purpose" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT 'system' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"principal" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_principal_key_pk" PRIMARY KEY("principal","key")
);
--> statement-breakpoint
CREATE TABLE "installed_plugins" (
	"code" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"line" text NOT NULL,
	"side" text DEFAULT 'BUY' NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"currency" text NOT NULL,
	"quantity" numeric(24, 6) NOT NULL,
	"channel" text NOT NULL,
	"initiator" text NOT NULL,
	"completed_steps" text[] DEFAULT '{}' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"decision_id" integer NOT NULL,
	"holding_id" integer,
	"placed_by" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"cooling_off_ends_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text
);
--> statement-breakpoint
CREATE TABLE "suitability_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"line" text NOT NULL,
	"purpose" text NOT NULL,
	"outcome" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"reason_codes" text[] DEFAULT '{}' NOT NULL,
	"rule_ids" text[] DEFAULT '{}' NOT NULL,
	"required_steps" text[] DEFAULT '{}' NOT NULL,
	"facts" jsonb NOT NULL,
	"rule_versions" jsonb NOT NULL,
	"actor" text NOT NULL,
	"request_id" text,
	"evaluated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "managers" ADD CONSTRAINT "managers_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_manager_id_managers_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."managers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_branch_id_branches_id_fk" FOREIGN KEY ("branch_id") REFERENCES "public"."branches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holdings" ADD CONSTRAINT "holdings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holdings" ADD CONSTRAINT "holdings_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_manager_id_managers_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."managers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_manager_id_managers_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."managers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_items" ADD CONSTRAINT "bundle_items_bundle_id_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bundle_items" ADD CONSTRAINT "bundle_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD CONSTRAINT "suitability_decisions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suitability_decisions" ADD CONSTRAINT "suitability_decisions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "managers_branch_idx" ON "managers" USING btree ("branch_id");--> statement-breakpoint
CREATE INDEX "customers_manager_idx" ON "customers" USING btree ("manager_id","id");--> statement-breakpoint
CREATE INDEX "customers_branch_idx" ON "customers" USING btree ("branch_id","id");--> statement-breakpoint
CREATE INDEX "customers_risk_idx" ON "customers" USING btree ("risk_level","id");--> statement-breakpoint
CREATE INDEX "customers_birth_idx" ON "customers" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "customers_assets_idx" ON "customers" USING btree ("assets_cny");--> statement-breakpoint
CREATE INDEX "customers_activity_idx" ON "customers" USING btree ("last_activity_at");--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "risk_assessments_customer_idx" ON "risk_assessments" USING btree ("customer_id","assessed_at");--> statement-breakpoint
CREATE INDEX "holdings_customer_idx" ON "holdings" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "holdings_product_idx" ON "holdings" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "products_line_idx" ON "products" USING btree ("line","id");--> statement-breakpoint
CREATE INDEX "products_partner_idx" ON "products" USING btree ("partner_code","id");--> statement-breakpoint
CREATE INDEX "products_risk_idx" ON "products" USING btree ("risk_rating","id");--> statement-breakpoint
CREATE INDEX "complaints_customer_idx" ON "complaints" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "contacts_customer_idx" ON "contacts" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "bundle_items_bundle_idx" ON "bundle_items" USING btree ("bundle_id","position");--> statement-breakpoint
CREATE INDEX "audit_actor_idx" ON "audit_events" USING btree ("actor","id");--> statement-breakpoint
CREATE INDEX "audit_target_idx" ON "audit_events" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "orders_pending_idx" ON "orders" USING btree ("status","cooling_off_ends_at");--> statement-breakpoint
CREATE INDEX "decisions_customer_idx" ON "suitability_decisions" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "decisions_eval_idx" ON "suitability_decisions" USING btree ("evaluated_at");--> statement-breakpoint
CREATE INDEX "decisions_outcome_idx" ON "suitability_decisions" USING btree ("outcome","evaluated_at");