CREATE INDEX "case_collaborators_user" ON "case_collaborators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_events_entered" ON "case_events" USING btree ("case_id","to_status","created_at");--> statement-breakpoint
CREATE INDEX "cases_active_trust" ON "cases" USING btree ("trust_id","updated_at","id") WHERE status not in ('decided', 'notEndorsed', 'closed', 'withdrawn');--> statement-breakpoint
CREATE INDEX "cases_active_applicant" ON "cases" USING btree ("applicant_id","updated_at","id") WHERE status not in ('decided', 'notEndorsed', 'closed', 'withdrawn');--> statement-breakpoint
CREATE INDEX "cases_active_department" ON "cases" USING btree ("department_id","updated_at","id") WHERE status not in ('decided', 'notEndorsed', 'closed', 'withdrawn');--> statement-breakpoint
CREATE INDEX "cases_concluded_trust" ON "cases" USING btree ("trust_id","updated_at","id") WHERE status in ('decided', 'notEndorsed', 'closed', 'withdrawn');--> statement-breakpoint
CREATE INDEX "cases_concluded_applicant" ON "cases" USING btree ("applicant_id","updated_at","id") WHERE status in ('decided', 'notEndorsed', 'closed', 'withdrawn');--> statement-breakpoint
CREATE INDEX "cases_concluded_department" ON "cases" USING btree ("department_id","updated_at","id") WHERE status in ('decided', 'notEndorsed', 'closed', 'withdrawn');--> statement-breakpoint
CREATE INDEX "case_leaders_user" ON "case_leaders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_summaries_submitted_keyset" ON "case_summaries" USING btree ("submitted_at","case_id");--> statement-breakpoint
CREATE INDEX "case_summaries_trust_submitted_keyset" ON "case_summaries" USING btree ("trust_id","submitted_at","case_id");