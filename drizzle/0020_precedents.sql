CREATE TABLE "cohort_settings" (
	"trust_id" uuid PRIMARY KEY NOT NULL,
	"threshold" integer NOT NULL,
	"window_days" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_settings_threshold" CHECK ("cohort_settings"."threshold" between 2 and 100),
	CONSTRAINT "cohort_settings_window" CHECK ("cohort_settings"."window_days" between 7 and 730)
);
--> statement-breakpoint
ALTER TABLE "cohort_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cohort_settings" ADD CONSTRAINT "cohort_settings_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_settings" ADD CONSTRAINT "cohort_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "cohort_settings_tenant" ON "cohort_settings" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);