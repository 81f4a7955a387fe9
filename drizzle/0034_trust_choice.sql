ALTER TABLE "sessions" ALTER COLUMN "trust_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "trust_chosen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "previous_trust_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_previous_trust_id_trusts_id_fk" FOREIGN KEY ("previous_trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;