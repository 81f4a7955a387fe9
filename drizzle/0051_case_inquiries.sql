CREATE TABLE "case_inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"asker_trust_id" uuid NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"question" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "case_inquiries_other_trust" CHECK (asker_trust_id <> trust_id),
	CONSTRAINT "case_inquiries_status" CHECK (status in ('open', 'answered')),
	CONSTRAINT "case_inquiries_question_length" CHECK (char_length(question) <= 2000),
	CONSTRAINT "case_inquiries_answer_length" CHECK (char_length(answer) <= 4000),
	CONSTRAINT "case_inquiries_answered" CHECK ((status = 'answered') = (answer is not null and answered_by is not null and answered_at is not null))
);
--> statement-breakpoint
ALTER TABLE "case_inquiries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "case_inquiry_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"asker_trust_id" uuid NOT NULL,
	"event" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_inquiry_events_event" CHECK (event in ('ask', 'answer'))
);
--> statement-breakpoint
ALTER TABLE "case_inquiry_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_inquiries" ADD CONSTRAINT "case_inquiries_case_id_case_summaries_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_summaries"("case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_inquiries" ADD CONSTRAINT "case_inquiries_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_inquiries" ADD CONSTRAINT "case_inquiries_asker_trust_id_trusts_id_fk" FOREIGN KEY ("asker_trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_inquiries" ADD CONSTRAINT "case_inquiries_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_inquiries" ADD CONSTRAINT "case_inquiries_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_inquiry_events" ADD CONSTRAINT "case_inquiry_events_inquiry_id_case_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."case_inquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_inquiry_events" ADD CONSTRAINT "case_inquiry_events_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_inquiry_events" ADD CONSTRAINT "case_inquiry_events_asker_trust_id_trusts_id_fk" FOREIGN KEY ("asker_trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_inquiry_events" ADD CONSTRAINT "case_inquiry_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_inquiries_trust" ON "case_inquiries" USING btree ("trust_id","status","asked_at");--> statement-breakpoint
CREATE INDEX "case_inquiries_asker" ON "case_inquiries" USING btree ("asked_by","asked_at");--> statement-breakpoint
CREATE INDEX "case_inquiries_case" ON "case_inquiries" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_inquiries_one_open" ON "case_inquiries" USING btree ("case_id","asked_by") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "case_inquiry_events_inquiry" ON "case_inquiry_events" USING btree ("inquiry_id","id");--> statement-breakpoint
CREATE POLICY "case_inquiries_read" ON "case_inquiries" AS PERMISSIVE FOR SELECT TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid or asker_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_inquiries_ask" ON "case_inquiries" AS PERMISSIVE FOR INSERT TO "sp_app" WITH CHECK (asker_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid and asked_by = nullif(current_setting('app.user_id', true), '')::uuid and status = 'open' and exists (select 1 from case_summaries s where s.case_id = case_inquiries.case_id and s.trust_id = case_inquiries.trust_id));--> statement-breakpoint
CREATE POLICY "case_inquiries_answer" ON "case_inquiries" AS PERMISSIVE FOR UPDATE TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid and status = 'open') WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid and answered_by = nullif(current_setting('app.user_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_inquiry_events_read" ON "case_inquiry_events" AS PERMISSIVE FOR SELECT TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid or asker_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_inquiry_events_write" ON "case_inquiry_events" AS PERMISSIVE FOR INSERT TO "sp_app" WITH CHECK (actor_id = nullif(current_setting('app.user_id', true), '')::uuid and ((event = 'ask' and asker_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) or (event = 'answer' and trust_id = nullif(current_setting('app.trust_id', true), '')::uuid)) and exists (select 1 from case_inquiries i where i.id = case_inquiry_events.inquiry_id and i.trust_id = case_inquiry_events.trust_id and i.asker_trust_id = case_inquiry_events.asker_trust_id));--> statement-breakpoint
-- ===== Custom SQL (inquiries about national cases, features/inquiries) =====
-- An inquiry is never deleted, and its question never changed: the application role may change
-- only the answer's columns (and then only the case's trust, while open: case_inquiries_answer).
REVOKE UPDATE, DELETE ON case_inquiries FROM sp_app;
--> statement-breakpoint
GRANT UPDATE (status, version, answer, answered_by, answered_at) ON case_inquiries TO sp_app;
--> statement-breakpoint
-- The audit trail only grows.
REVOKE UPDATE, DELETE ON case_inquiry_events FROM sp_app;
