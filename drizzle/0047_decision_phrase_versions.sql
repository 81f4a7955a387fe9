CREATE TABLE "decision_phrase_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trust_id" uuid NOT NULL,
	"phrase_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer NOT NULL,
	"active" boolean NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_phrase_versions_once" UNIQUE("phrase_id","version")
);
--> statement-breakpoint
ALTER TABLE "decision_phrase_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "decision_phrases" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_phrase_versions" ADD CONSTRAINT "decision_phrase_versions_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_phrase_versions" ADD CONSTRAINT "decision_phrase_versions_phrase_id_decision_phrases_id_fk" FOREIGN KEY ("phrase_id") REFERENCES "public"."decision_phrases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_phrase_versions" ADD CONSTRAINT "decision_phrase_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "decision_phrase_versions_tenant" ON "decision_phrase_versions" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- The phrases there are now are their version 1, as last saved (by whom, if anyone).
INSERT INTO decision_phrase_versions (trust_id, phrase_id, version, kind, title, text, sort_order, active, changed_by, created_at)
SELECT trust_id, id, 1, kind, title, text, sort_order, active, updated_by, updated_at FROM decision_phrases;--> statement-breakpoint
-- A record: the application role only adds to it.
REVOKE UPDATE, DELETE ON decision_phrase_versions FROM sp_app;
