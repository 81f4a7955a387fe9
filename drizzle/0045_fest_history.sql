CREATE TABLE "fest_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"entry_id" text NOT NULL,
	"import_id" integer NOT NULL,
	"replaced_at" timestamp with time zone NOT NULL,
	"entry" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fest_history" ADD CONSTRAINT "fest_history_import_id_fest_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."fest_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fest_history_entry" ON "fest_history" USING btree ("kind","entry_id","replaced_at");--> statement-breakpoint
-- FEST reference data: the importer (the database owner) writes; the application role only reads.
REVOKE INSERT, UPDATE, DELETE ON fest_history FROM sp_app;
