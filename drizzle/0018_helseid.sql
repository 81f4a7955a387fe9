ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "pid_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_hpr_number_unique" UNIQUE("hpr_number");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_pid_hash_unique" UNIQUE("pid_hash");