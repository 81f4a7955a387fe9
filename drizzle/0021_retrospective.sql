CREATE TABLE "retrospective_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"rows" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retrospective_imports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "retrospective_registrations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"trust_id" uuid NOT NULL,
	"reference" text,
	"registered_by" uuid NOT NULL,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retrospective_registrations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "retrospective_imports" ADD CONSTRAINT "retrospective_imports_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_imports" ADD CONSTRAINT "retrospective_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_registrations" ADD CONSTRAINT "retrospective_registrations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_registrations" ADD CONSTRAINT "retrospective_registrations_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospective_registrations" ADD CONSTRAINT "retrospective_registrations_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retrospective_imports_trust" ON "retrospective_imports" USING btree ("trust_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retrospective_registrations_reference" ON "retrospective_registrations" USING btree ("trust_id",lower("reference")) WHERE "retrospective_registrations"."reference" is not null;--> statement-breakpoint
CREATE INDEX "retrospective_registrations_trust" ON "retrospective_registrations" USING btree ("trust_id","created_at");--> statement-breakpoint
CREATE POLICY "retrospective_imports_tenant" ON "retrospective_imports" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "retrospective_registrations_tenant" ON "retrospective_registrations" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- Custom (etterregistrering): who registered a retrospective case is an append-only record.
REVOKE UPDATE, DELETE ON retrospective_registrations FROM sp_app;
