CREATE TABLE "fest_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"hentet_dato" text,
	"hentet_at" timestamp with time zone,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"bytes_read" integer,
	"counts" jsonb,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "fest_packages" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text,
	"varenr" text,
	"ean" text,
	"name" text NOT NULL,
	"atc_code" text,
	"preparattype_code" text,
	"pack_size" text,
	"marketed_from" date,
	"deregistered_on" date,
	"unavailable_from" date,
	"prices" jsonb NOT NULL,
	"refund_group_ids" text[] NOT NULL,
	"fest_changed_at" text,
	"content_hash" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"last_seen_import_id" integer NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fest_products" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"brand" text,
	"atc_code" text,
	"atc_name" text,
	"form_code" text,
	"form_name" text,
	"form_long" text,
	"preparattype_code" text,
	"preparattype_name" text,
	"type_soknad_slv_code" text,
	"type_soknad_slv_name" text,
	"reseptgruppe" text,
	"spc_url" text,
	"strength_ids" text[] NOT NULL,
	"fest_changed_at" text,
	"content_hash" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"last_seen_import_id" integer NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"substances" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fest_refund_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"basis_code" text,
	"basis_name" text,
	"requires_decision" boolean,
	"group_number" text,
	"atc_code" text,
	"eligible_use" text,
	"codes" jsonb NOT NULL,
	"fest_changed_at" text,
	"content_hash" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"last_seen_import_id" integer NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fest_strengths" (
	"id" text PRIMARY KEY NOT NULL,
	"substance_id" text,
	"amount" text,
	"unit" text,
	"per_amount" text,
	"per_unit" text,
	"fest_changed_at" text,
	"content_hash" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"last_seen_import_id" integer NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fest_substances" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_english" text,
	"fest_changed_at" text,
	"content_hash" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"last_seen_import_id" integer NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "fest_packages_product" ON "fest_packages" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "fest_products_atc" ON "fest_products" USING btree ("atc_code");