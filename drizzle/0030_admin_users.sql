CREATE TABLE "role_assignment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trust_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"action" text NOT NULL,
	"role" text NOT NULL,
	"department_name" text,
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "role_assignment_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "departments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "role_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "role_assignment_events" ADD CONSTRAINT "role_assignment_events_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment_events" ADD CONSTRAINT "role_assignment_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignment_events" ADD CONSTRAINT "role_assignment_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_assignment_events_user" ON "role_assignment_events" USING btree ("trust_id","user_id","id");--> statement-breakpoint
CREATE INDEX "role_assignments_trust" ON "role_assignments" USING btree ("trust_id","role");--> statement-breakpoint
CREATE POLICY "departments_read" ON "departments" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);--> statement-breakpoint
CREATE POLICY "departments_insert" ON "departments" AS PERMISSIVE FOR INSERT TO "sp_app" WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "departments_update" ON "departments" AS PERMISSIVE FOR UPDATE TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "departments_delete" ON "departments" AS PERMISSIVE FOR DELETE TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "role_assignments_read" ON "role_assignments" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);--> statement-breakpoint
CREATE POLICY "role_assignments_insert" ON "role_assignments" AS PERMISSIVE FOR INSERT TO "sp_app" WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "role_assignments_update" ON "role_assignments" AS PERMISSIVE FOR UPDATE TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "role_assignments_delete" ON "role_assignments" AS PERMISSIVE FOR DELETE TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "role_assignment_events_tenant" ON "role_assignment_events" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- The history of role grants is a record; the application role may add to it, never change it.
REVOKE UPDATE, DELETE ON role_assignment_events FROM sp_app;
