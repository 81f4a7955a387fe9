CREATE TABLE "case_summaries" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"trust_id" uuid NOT NULL,
	"case_number" text NOT NULL,
	"status" text NOT NULL,
	"scheme" text,
	"patient_scope" text,
	"drug_label" text,
	"fest_product_id" text,
	"substance" text,
	"atc_code" text,
	"diagnosis_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"primary_diagnosis" text,
	"retrospective" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"outcome" text,
	"conditions" text,
	"evaluation_date" date,
	"continued" boolean,
	"stage_seconds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"processing_seconds" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_summaries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "retrospective" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "case_summaries" ADD CONSTRAINT "case_summaries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_summaries" ADD CONSTRAINT "case_summaries_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_summaries_submitted" ON "case_summaries" USING btree ("submitted_at" DESC NULLS LAST,"case_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "case_summaries_trust_submitted" ON "case_summaries" USING btree ("trust_id","submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "case_summaries_atc_diagnosis" ON "case_summaries" USING btree ("atc_code","primary_diagnosis");--> statement-breakpoint
CREATE INDEX "case_summaries_substance" ON "case_summaries" USING btree ("substance");--> statement-breakpoint
CREATE INDEX "case_summaries_decided" ON "case_summaries" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "case_summaries_diagnoses" ON "case_summaries" USING gin ("diagnosis_codes");--> statement-breakpoint
CREATE POLICY "case_summaries_national_read" ON "case_summaries" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);--> statement-breakpoint
-- The summary is derived data: only the owner writes it, through refresh_case_summary().
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_summaries FROM sp_app;
--> statement-breakpoint
-- Recomputes one case's national summary from its case row, latest decision, audit trail and
-- follow-up outcome. It reads only non-personal fields (never the patient id or free text).
-- Drafts (no løpenummer yet) have no summary.
CREATE FUNCTION refresh_case_summary(p_case uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  c cases%ROWTYPE;
  v_product text;
  v_substance text;
  v_atc text;
  v_diagnoses text[];
  v_outcome text;
  v_conditions text;
  v_evaluation date;
  v_decided timestamptz;
  v_continued boolean;
  v_stages jsonb;
BEGIN
  SELECT * INTO c FROM cases WHERE id = p_case;
  IF NOT FOUND OR c.case_number IS NULL OR c.submitted_at IS NULL THEN
    RETURN;
  END IF;
  v_product := CASE WHEN jsonb_typeof(c.answers->'drug') = 'object' THEN c.answers->'drug'->>'id' END;
  SELECT p.atc_code,
         (SELECT string_agg(s->>'name', ' + ' ORDER BY o)
            FROM jsonb_array_elements(p.substances) WITH ORDINALITY AS x(s, o)
           WHERE coalesce(s->>'name', '') <> '')
    INTO v_atc, v_substance
    FROM fest_products p WHERE p.id = v_product;
  -- Without a FEST product (free text, or etterregistrering by ATC code): what the drug answer says.
  IF jsonb_typeof(c.answers->'drug') = 'object' THEN
    v_atc := coalesce(v_atc, nullif(c.answers->'drug'->>'atc', ''));
    v_substance := coalesce(v_substance, nullif(c.answers->'drug'->>'substance', ''));
  END IF;
  v_diagnoses := CASE WHEN jsonb_typeof(c.answers->'diagnoses') = 'array'
    THEN ARRAY(SELECT jsonb_array_elements_text(c.answers->'diagnoses'))
    ELSE '{}'::text[] END;
  SELECT d.outcome, d.conditions, d.evaluation_date INTO v_outcome, v_conditions, v_evaluation
    FROM case_decisions d WHERE d.case_id = p_case ORDER BY d.version DESC LIMIT 1;
  SELECT min(d.created_at) INTO v_decided FROM case_decisions d WHERE d.case_id = p_case;
  SELECT o.continued INTO v_continued
    FROM case_outcomes o WHERE o.case_id = p_case ORDER BY o.id DESC LIMIT 1;
  SELECT coalesce(jsonb_object_agg(s.to_status, s.seconds), '{}'::jsonb) INTO v_stages
    FROM (
      SELECT e.to_status, sum(extract(epoch FROM e.next_at - e.created_at))::bigint AS seconds
        FROM (
          SELECT ce.to_status, ce.created_at,
                 lead(ce.created_at) OVER (ORDER BY ce.created_at, ce.id) AS next_at
            FROM case_events ce
           WHERE ce.case_id = p_case AND ce.from_status IS DISTINCT FROM ce.to_status
        ) e
       WHERE e.next_at IS NOT NULL
       GROUP BY e.to_status
    ) s;
  INSERT INTO case_summaries AS cs (
    case_id, trust_id, case_number, status, scheme, patient_scope, drug_label, fest_product_id,
    substance, atc_code, diagnosis_codes, primary_diagnosis, retrospective, submitted_at,
    decided_at, outcome, conditions, evaluation_date, continued, stage_seconds,
    processing_seconds, updated_at)
  VALUES (
    c.id, c.trust_id, c.case_number, c.status, c.answers->>'scheme', c.answers->>'patientScope',
    CASE WHEN jsonb_typeof(c.answers->'drug') = 'object' THEN c.answers->'drug'->>'label' END,
    v_product, v_substance, v_atc, v_diagnoses, v_diagnoses[1], c.retrospective, c.submitted_at,
    v_decided, v_outcome, v_conditions, v_evaluation, v_continued, v_stages,
    CASE WHEN v_decided IS NOT NULL
      THEN greatest(0, extract(epoch FROM v_decided - c.submitted_at))::bigint END,
    now())
  ON CONFLICT (case_id) DO UPDATE SET
    status = EXCLUDED.status, case_number = EXCLUDED.case_number, scheme = EXCLUDED.scheme,
    patient_scope = EXCLUDED.patient_scope, drug_label = EXCLUDED.drug_label,
    fest_product_id = EXCLUDED.fest_product_id, substance = EXCLUDED.substance,
    atc_code = EXCLUDED.atc_code, diagnosis_codes = EXCLUDED.diagnosis_codes,
    primary_diagnosis = EXCLUDED.primary_diagnosis, retrospective = EXCLUDED.retrospective,
    submitted_at = EXCLUDED.submitted_at, decided_at = EXCLUDED.decided_at,
    outcome = EXCLUDED.outcome, conditions = EXCLUDED.conditions,
    evaluation_date = EXCLUDED.evaluation_date, continued = EXCLUDED.continued,
    stage_seconds = EXCLUDED.stage_seconds, processing_seconds = EXCLUDED.processing_seconds,
    updated_at = EXCLUDED.updated_at;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION refresh_case_summary(uuid) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION case_summary_trigger() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM refresh_case_summary(NEW.case_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every status change (case_events), decision version and follow-up outcome refreshes the summary
-- in the same transaction, whichever code path made it (use cases, jobs, answer_consultation()).
CREATE TRIGGER case_events_summary AFTER INSERT ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_summary_trigger();
--> statement-breakpoint
CREATE TRIGGER case_decisions_summary AFTER INSERT ON case_decisions
  FOR EACH ROW EXECUTE FUNCTION case_summary_trigger();
--> statement-breakpoint
CREATE TRIGGER case_outcomes_summary AFTER INSERT ON case_outcomes
  FOR EACH ROW EXECUTE FUNCTION case_summary_trigger();
--> statement-breakpoint
SELECT refresh_case_summary(id) FROM cases WHERE case_number IS NOT NULL;
