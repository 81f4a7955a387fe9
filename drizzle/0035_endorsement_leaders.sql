CREATE TABLE "case_leader_inputs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"ratings" jsonb,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_leader_inputs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_leaders" DROP CONSTRAINT "case_leaders_case_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "case_leaders" ADD COLUMN "id" bigserial PRIMARY KEY NOT NULL;--> statement-breakpoint
ALTER TABLE "case_leaders" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_leaders" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "case_leader_inputs" ADD CONSTRAINT "case_leader_inputs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_leader_inputs" ADD CONSTRAINT "case_leader_inputs_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_leader_inputs" ADD CONSTRAINT "case_leader_inputs_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_leader_inputs_case" ON "case_leader_inputs" USING btree ("case_id","id");--> statement-breakpoint
ALTER TABLE "case_leaders" ADD CONSTRAINT "case_leaders_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Before this migration a case could have more than one delegate: keep the earliest delegation
-- and revoke the others (by whoever added them), so that the one-delegation index can be built.
UPDATE "case_leaders" AS l SET "revoked_at" = now(), "revoked_by" = l."added_by"
 WHERE l."kind" = 'delegate'
   AND EXISTS (SELECT 1 FROM "case_leaders" e
                WHERE e."case_id" = l."case_id" AND e."kind" = 'delegate'
                  AND (e."created_at", e."id") < (l."created_at", l."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "case_leaders_one_delegate" ON "case_leaders" USING btree ("case_id") WHERE "case_leaders"."kind" = 'delegate' and "case_leaders"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "case_leaders_active" ON "case_leaders" USING btree ("case_id","user_id") WHERE "case_leaders"."revoked_at" is null;--> statement-breakpoint
CREATE POLICY "case_leader_inputs_tenant" ON "case_leader_inputs" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- ===== Custom SQL (endorsement delegation and collaboration, ADR 0024) =====
-- Leader input is a record: append-only for the application role.
REVOKE UPDATE, DELETE ON case_leader_inputs FROM sp_app;--> statement-breakpoint
-- A delegation taken back is revoked, never deleted: the application role may only set who
-- revoked it and when.
REVOKE UPDATE, DELETE ON case_leaders FROM sp_app;--> statement-breakpoint
GRANT UPDATE (revoked_at, revoked_by) ON case_leaders TO sp_app;
