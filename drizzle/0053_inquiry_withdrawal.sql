ALTER TABLE "case_inquiries" DROP CONSTRAINT "case_inquiries_status";--> statement-breakpoint
ALTER TABLE "case_inquiry_events" DROP CONSTRAINT "case_inquiry_events_event";--> statement-breakpoint
ALTER TABLE "case_inquiries" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_inquiries" ADD CONSTRAINT "case_inquiries_withdrawn" CHECK ((status = 'withdrawn') = (withdrawn_at is not null));--> statement-breakpoint
ALTER TABLE "case_inquiries" ADD CONSTRAINT "case_inquiries_status" CHECK (status in ('open', 'answered', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "case_inquiry_events" ADD CONSTRAINT "case_inquiry_events_event" CHECK (event in ('ask', 'answer', 'withdraw'));--> statement-breakpoint
CREATE POLICY "case_inquiries_withdraw" ON "case_inquiries" AS PERMISSIVE FOR UPDATE TO "sp_app" USING (asker_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid and asked_by = nullif(current_setting('app.user_id', true), '')::uuid and status = 'open') WITH CHECK (asker_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid and asked_by = nullif(current_setting('app.user_id', true), '')::uuid and status = 'withdrawn' and answer is null and answered_by is null);--> statement-breakpoint
ALTER POLICY "case_inquiries_answer" ON "case_inquiries" TO sp_app USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid and status = 'open') WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid and answered_by = nullif(current_setting('app.user_id', true), '')::uuid and status = 'answered');--> statement-breakpoint
ALTER POLICY "case_inquiry_events_write" ON "case_inquiry_events" TO sp_app WITH CHECK (actor_id = nullif(current_setting('app.user_id', true), '')::uuid and ((event in ('ask', 'withdraw') and asker_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) or (event = 'answer' and trust_id = nullif(current_setting('app.trust_id', true), '')::uuid)) and exists (select 1 from case_inquiries i where i.id = case_inquiry_events.inquiry_id and i.trust_id = case_inquiry_events.trust_id and i.asker_trust_id = case_inquiry_events.asker_trust_id));--> statement-breakpoint
-- ===== Custom SQL (withdrawing an inquiry, features/inquiries) =====
-- The person who asked withdraws their open question (case_inquiries_withdraw): the application
-- role may set when, besides the status and version it could already change.
GRANT UPDATE (withdrawn_at) ON case_inquiries TO sp_app;
