CREATE TABLE "trust_guidance" (
	"trust_id" uuid NOT NULL,
	"place" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trust_guidance_trust_id_place_pk" PRIMARY KEY("trust_id","place"),
	CONSTRAINT "trust_guidance_place" CHECK (place in ('application', 'endorsement', 'assessment', 'decision')),
	CONSTRAINT "trust_guidance_text_length" CHECK (char_length(text) <= 4000),
	CONSTRAINT "trust_guidance_links" CHECK (jsonb_typeof(links) = 'array' and jsonb_array_length(links) <= 3)
);
--> statement-breakpoint
ALTER TABLE "trust_guidance" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "trust_guidance_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trust_id" uuid NOT NULL,
	"place" text NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"links" jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trust_guidance_versions_once" UNIQUE("trust_id","place","version")
);
--> statement-breakpoint
ALTER TABLE "trust_guidance_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "trust_guidance" ADD CONSTRAINT "trust_guidance_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_guidance" ADD CONSTRAINT "trust_guidance_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_guidance_versions" ADD CONSTRAINT "trust_guidance_versions_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trust_guidance_versions" ADD CONSTRAINT "trust_guidance_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "trust_guidance_tenant" ON "trust_guidance" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "trust_guidance_versions_tenant" ON "trust_guidance_versions" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- Guidance is emptied, never deleted; its versions are a record the application role only adds to.
REVOKE DELETE ON trust_guidance FROM sp_app;--> statement-breakpoint
REVOKE UPDATE, DELETE ON trust_guidance_versions FROM sp_app;
