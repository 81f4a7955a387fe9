-- A consulted trust's answer took its locks in another order than every other change of a case:
-- the access log first (the trust's chain), then the grant and the case row. A revocation or a
-- withdrawal at the same moment (the case row, then the log) made a deadlock, and one of the two
-- users got an error page. answer_consultation() now takes the case row first, like every
-- transition, and writes the consulted trust's access-log row itself (after the lock, while the
-- grant is still open), so the use case no longer logs before calling it.
CREATE OR REPLACE FUNCTION answer_consultation(p_consultation uuid, p_case_version integer, p_answer text)
RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_trust uuid := nullif(current_setting('app.trust_id', true), '')::uuid;
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_case uuid;
  v_grant case_consultations%ROWTYPE;
  v_version integer;
BEGIN
  IF v_trust IS NULL OR v_user IS NULL OR length(btrim(coalesce(p_answer, ''))) = 0 THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM role_assignments r
    WHERE r.user_id = v_user AND r.trust_id = v_trust AND r.role IN ('decisionMaker', 'assessor')
  ) THEN
    RETURN NULL;
  END IF;
  SELECT c.case_id INTO v_case FROM case_consultations c
  WHERE c.id = p_consultation AND c.consulted_trust_id = v_trust;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  -- The case row first, as every change of the case takes it.
  PERFORM 1 FROM cases WHERE id = v_case FOR UPDATE;
  SELECT * INTO v_grant FROM case_consultations c
  WHERE c.id = p_consultation AND c.consulted_trust_id = v_trust
    AND c.revoked_at IS NULL AND c.answered_at IS NULL
    AND c.deadline >= (now() AT TIME ZONE 'Europe/Oslo')::date
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  -- Logged in the case's trust's log while the grant is still open (the answer below ends it);
  -- a refused answer (the version below) rolls the log row back with the rest.
  PERFORM log_consulted_access(v_grant.case_id, 'answerConsultation', NULL);
  UPDATE cases SET status = 'underAssessment', version = version + 1, updated_at = now()
  WHERE id = v_grant.case_id AND status = 'inConsultation' AND version = p_case_version
  RETURNING version INTO v_version;
  IF v_version IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE case_consultations
  SET answer = btrim(p_answer), answered_by = v_user, answered_at = now()
  WHERE id = v_grant.id;
  INSERT INTO case_events (case_id, trust_id, event, from_status, to_status, actor_id, actor_role, reason)
  VALUES (v_grant.case_id, v_grant.trust_id, 'answerConsultation', 'inConsultation', 'underAssessment',
          v_user, 'consultant', btrim(p_answer));
  RETURN v_version;
END
$$;
