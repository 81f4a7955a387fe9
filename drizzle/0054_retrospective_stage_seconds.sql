-- A case registered after the fact (etterregistrering) has its created, sent and decided events
-- (and, when registered closed, its follow-up and outcome) written by the registration with the
-- original dates, before its `registerRetrospective` event. The portal knows those dates, not
-- how long the case was in each stage between them: until now the summary put the whole time from
-- submission to decision in `submitted` (and zero in the others), which the statistics' time per
-- stage then counted as time waiting for endorsement. A stage that ended at an event written
-- before the registration is now left out of `stage_seconds`; the processing time (submitted to
-- decided) is kept. The same rule as `stageTimes` on the case page (features/clocks/domain).
-- Otherwise unchanged from 0042.
CREATE OR REPLACE FUNCTION refresh_case_summary(p_case uuid) RETURNS void
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
  v_registered bigint;
BEGIN
  SELECT * INTO c FROM cases WHERE id = p_case;
  IF NOT FOUND OR c.case_number IS NULL OR c.submitted_at IS NULL THEN
    RETURN;
  END IF;
  v_product := CASE WHEN jsonb_typeof(c.answers->'drug') = 'object' THEN c.answers->'drug'->>'id' END;
  IF jsonb_typeof(c.fest_snapshot->'facts') = 'object'
     AND c.fest_snapshot->'facts'->>'id' = v_product THEN
    -- The product as it was when the case was sent.
    v_atc := c.fest_snapshot->'facts'->'atc'->>'code';
    SELECT string_agg(s->>'name', ' + ' ORDER BY o) INTO v_substance
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(c.fest_snapshot->'facts'->'substances') = 'array'
             THEN c.fest_snapshot->'facts'->'substances' ELSE '[]'::jsonb END)
           WITH ORDINALITY AS x(s, o)
     WHERE coalesce(s->>'name', '') <> '';
  ELSE
    SELECT p.atc_code,
           (SELECT string_agg(s->>'name', ' + ' ORDER BY o)
              FROM jsonb_array_elements(p.substances) WITH ORDINALITY AS x(s, o)
             WHERE coalesce(s->>'name', '') <> '')
      INTO v_atc, v_substance
      FROM fest_products p WHERE p.id = v_product;
  END IF;
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
  IF c.retrospective THEN
    SELECT max(ce.id) INTO v_registered
      FROM case_events ce WHERE ce.case_id = p_case AND ce.event = 'registerRetrospective';
  END IF;
  SELECT coalesce(jsonb_object_agg(s.to_status, s.seconds), '{}'::jsonb) INTO v_stages
    FROM (
      SELECT e.to_status, sum(extract(epoch FROM e.next_at - e.created_at))::bigint AS seconds
        FROM (
          SELECT ce.to_status, ce.created_at,
                 lead(ce.created_at) OVER w AS next_at,
                 lead(ce.id) OVER w AS next_id
            FROM case_events ce
           WHERE ce.case_id = p_case AND ce.from_status IS DISTINCT FROM ce.to_status
          WINDOW w AS (ORDER BY ce.created_at, ce.id)
        ) e
       WHERE e.next_at IS NOT NULL
         AND (v_registered IS NULL OR e.next_id > v_registered)
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
-- The cases registered after the fact get their summaries again; the statistics triggers on
-- case_summaries (0023) take their old stage times out of the aggregates.
SELECT refresh_case_summary(c.id) FROM cases c WHERE c.retrospective;
