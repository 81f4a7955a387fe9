CREATE TABLE "case_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_collaborators" (
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_collaborators_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "case_collaborators" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_changes" ADD CONSTRAINT "case_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_collaborators" ADD CONSTRAINT "case_collaborators_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_collaborators" ADD CONSTRAINT "case_collaborators_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_collaborators" ADD CONSTRAINT "case_collaborators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_collaborators" ADD CONSTRAINT "case_collaborators_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_changes_case" ON "case_changes" USING btree ("case_id","id");--> statement-breakpoint
CREATE POLICY "case_changes_tenant" ON "case_changes" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_collaborators_tenant" ON "case_collaborators" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);