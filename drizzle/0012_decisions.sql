CREATE TABLE "decision_phrases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_phrases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD COLUMN "text" text;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD COLUMN "prescription_note" text;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD COLUMN "invoicing" text;--> statement-breakpoint
ALTER TABLE "decision_phrases" ADD CONSTRAINT "decision_phrases_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_phrases" ADD CONSTRAINT "decision_phrases_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_phrases_trust_kind" ON "decision_phrases" USING btree ("trust_id","kind","sort_order");--> statement-breakpoint
CREATE POLICY "decision_phrases_tenant" ON "decision_phrases" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- Phrases are never deleted, only deactivated (decisions made with them stay explainable).
REVOKE DELETE ON decision_phrases FROM sp_app;
