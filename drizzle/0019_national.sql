-- National overview (features/national/overview.server.ts): one index per keyset sort, each on
-- (sort key, case_id) so `(key, case_id) < ($1, $2) ORDER BY key, case_id LIMIT 51` is an index
-- range scan in either direction. Submitted time already has case_summaries_submitted (0016).
-- Decided time and processing time list decided cases only, hence partial indexes.
CREATE INDEX "case_summaries_decided_keyset" ON "case_summaries" USING btree ("decided_at","case_id") WHERE "decided_at" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "case_summaries_processing_keyset" ON "case_summaries" USING btree ("processing_seconds","case_id") WHERE "processing_seconds" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "case_summaries_case_number_keyset" ON "case_summaries" USING btree ("case_number","case_id");
--> statement-breakpoint
-- Free text and code filters are prefix matches (LIKE 'x%'), served by text_pattern_ops indexes
-- whatever the database collation: løpenummer, ATC code, main diagnosis, and the lower-cased drug
-- name and substance.
CREATE INDEX "case_summaries_case_number_prefix" ON "case_summaries" USING btree ("case_number" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "case_summaries_atc_prefix" ON "case_summaries" USING btree ("atc_code" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "case_summaries_diagnosis_prefix" ON "case_summaries" USING btree ("primary_diagnosis" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "case_summaries_drug_prefix" ON "case_summaries" USING btree (lower("drug_label") text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "case_summaries_substance_prefix" ON "case_summaries" USING btree (lower("substance") text_pattern_ops);
--> statement-breakpoint
-- Local registers (features/national/register.server.ts): keyset on (created_at, id) within a trust.
CREATE INDEX "cases_trust_created_keyset" ON "cases" USING btree ("trust_id","created_at","id");
