CREATE TABLE "case_committee" (
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_committee_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "case_committee" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_endorsements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"ratings" jsonb NOT NULL,
	"justification" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_endorsements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_leaders" (
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_leaders_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "case_leaders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_preparations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"trust_id" uuid NOT NULL,
	"notes" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_preparations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_recommendations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_recommendations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_section_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"section_id" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_section_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_worksheets" (
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"ratings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_worksheets_case_id_author_id_pk" PRIMARY KEY("case_id","author_id")
);
--> statement-breakpoint
ALTER TABLE "case_worksheets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_committee" ADD CONSTRAINT "case_committee_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_committee" ADD CONSTRAINT "case_committee_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_committee" ADD CONSTRAINT "case_committee_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_committee" ADD CONSTRAINT "case_committee_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_endorsements" ADD CONSTRAINT "case_endorsements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_endorsements" ADD CONSTRAINT "case_endorsements_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_endorsements" ADD CONSTRAINT "case_endorsements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_leaders" ADD CONSTRAINT "case_leaders_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_leaders" ADD CONSTRAINT "case_leaders_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_leaders" ADD CONSTRAINT "case_leaders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_leaders" ADD CONSTRAINT "case_leaders_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_preparations" ADD CONSTRAINT "case_preparations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_preparations" ADD CONSTRAINT "case_preparations_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_preparations" ADD CONSTRAINT "case_preparations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recommendations" ADD CONSTRAINT "case_recommendations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recommendations" ADD CONSTRAINT "case_recommendations_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recommendations" ADD CONSTRAINT "case_recommendations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_section_comments" ADD CONSTRAINT "case_section_comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_section_comments" ADD CONSTRAINT "case_section_comments_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_section_comments" ADD CONSTRAINT "case_section_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_worksheets" ADD CONSTRAINT "case_worksheets_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_worksheets" ADD CONSTRAINT "case_worksheets_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_worksheets" ADD CONSTRAINT "case_worksheets_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_endorsements_case" ON "case_endorsements" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_recommendations_case" ON "case_recommendations" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_section_comments_case" ON "case_section_comments" USING btree ("case_id","id");--> statement-breakpoint
CREATE POLICY "case_committee_tenant" ON "case_committee" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_endorsements_tenant" ON "case_endorsements" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_leaders_tenant" ON "case_leaders" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_preparations_tenant" ON "case_preparations" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_recommendations_tenant" ON "case_recommendations" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_section_comments_tenant" ON "case_section_comments" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_worksheets_tenant" ON "case_worksheets" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- Endorsements, section comments and recommendations are records: append-only for the application role.
REVOKE UPDATE, DELETE ON case_endorsements, case_section_comments, case_recommendations FROM sp_app;
