CREATE TABLE "fest_atc_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text,
	"fest_changed_at" text,
	"content_hash" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"last_seen_import_id" integer NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
-- FEST reference data: the importer (the database owner) writes; the application role only reads.
REVOKE INSERT, UPDATE, DELETE ON fest_atc_codes FROM sp_app;
