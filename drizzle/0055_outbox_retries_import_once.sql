DROP INDEX "notifications_outbox";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_next_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_given_up_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "notifications_outbox_due" ON "notifications" USING btree ("email_next_at","id") WHERE emailed_at is null and email_given_up_at is null;--> statement-breakpoint
CREATE INDEX "retrospective_registrations_import" ON "retrospective_registrations" USING btree ("import_id") WHERE "retrospective_registrations"."import_id" is not null;