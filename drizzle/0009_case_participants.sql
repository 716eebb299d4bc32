CREATE TABLE "case_participants" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_type" text NOT NULL,
	"case_id" text NOT NULL,
	"subject" text NOT NULL,
	"role" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_participants_case_idx" ON "case_participants" USING btree ("case_type","case_id");