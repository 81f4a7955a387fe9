-- The national summary takes the drug's ATC code and substance from the FEST snapshot of the case
-- (`cases.fest_snapshot`, ADR 0027) while the drug answer still names the product the snapshot
-- was taken of: what the case was sent with, not what today's FEST says. A case without one
-- (a draft, a drug written as free text, a case sent before migration 0032) or whose drug answer
-- names another product by now (returned and changed, not yet sent again) keeps the rule of 0016:
-- today's FEST, then the drug answer's own `atc`/`substance`. The drug answer's `atc`/`substance`
-- still fill in what the snapshot lacks, as they fill in what today's FEST lacks. Substances are
-- joined with ' + ' in their order, empty names skipped, as before. Otherwise unchanged from 0016.
-- The snapshot is read as schemaVersion 1; a later shape must be read here too.
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
-- Recompute only the summaries this changes: a case whose snapshot is of the product its drug
-- answer names, and whose summary has another ATC code or substance than the snapshot gives (the
-- same expressions as the function). The statistics triggers on case_summaries (0023) move the
-- case between ATC groups. A case without a snapshot is passed over on `fest_snapshot IS NOT
-- NULL`, before any JSON is read or the function called, so a database of cases sent before 0032
-- costs one scan of `cases` and no refresh (200,000 such cases: 18 ms on PostgreSQL 15). OFFSET 0
-- keeps the subquery from being flattened: the substance is built only for the rows it keeps.
SELECT refresh_case_summary(t.case_id)
  FROM (
    SELECT c.id AS case_id, s.atc_code, s.substance,
           coalesce(c.fest_snapshot->'facts'->'atc'->>'code',
                    nullif(c.answers->'drug'->>'atc', '')) AS snapshot_atc,
           coalesce((SELECT string_agg(x.s->>'name', ' + ' ORDER BY x.o)
                       FROM jsonb_array_elements(
                              CASE WHEN jsonb_typeof(c.fest_snapshot->'facts'->'substances') = 'array'
                                THEN c.fest_snapshot->'facts'->'substances' ELSE '[]'::jsonb END)
                            WITH ORDINALITY AS x(s, o)
                      WHERE coalesce(x.s->>'name', '') <> ''),
                    nullif(c.answers->'drug'->>'substance', '')) AS snapshot_substance
      FROM cases c
      JOIN case_summaries s ON s.case_id = c.id
     WHERE c.fest_snapshot IS NOT NULL
       AND jsonb_typeof(c.fest_snapshot->'facts') = 'object'
       AND jsonb_typeof(c.answers->'drug') = 'object'
       AND c.fest_snapshot->'facts'->>'id' = c.answers->'drug'->>'id'
     OFFSET 0
  ) t
 WHERE t.snapshot_atc IS DISTINCT FROM t.atc_code
    OR t.snapshot_substance IS DISTINCT FROM t.substance;
