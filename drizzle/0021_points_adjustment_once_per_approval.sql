-- A point adjustment held for maker-checker books once per approval: the approval that ran it is kept on its
-- ledger line, unique per customer. A checker's approve that booked the line and died before marking the approval
-- APPROVED leaves it AWAITING_APPROVAL (its claim lapses); approving it again returns that line, books no other.
ALTER TABLE "points_ledger" ADD COLUMN "approval_id" bigint;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_approval_id_approvals_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."approvals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_approval_uq" ON "points_ledger" USING btree ("customer_id","approval_id") WHERE approval_id is not null;