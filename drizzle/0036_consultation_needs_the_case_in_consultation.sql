-- A consultation grant gives read access only while its case is in consultation: a case that
-- leaves `inConsultation` any other way than by the answer or the revocation (the applicant
-- withdraws it) no longer shows itself to the consulted trust, even if its grant row were left
-- open. The application also closes the grant in the withdrawal's transaction
-- (features/consultations/grants.server.ts closePendingGrant). Otherwise unchanged from 0014.
-- The function runs as its owner, the tables' owner, to whom row-level security does not apply
-- (no table forces it): reading `cases` here does not go through the `cases` policies, which call
-- this function, so there is no recursion.
CREATE OR REPLACE FUNCTION consulted_case_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.case_id FROM case_consultations c
  JOIN cases k ON k.id = c.case_id AND k.status = 'inConsultation'
  WHERE c.consulted_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid
    AND c.revoked_at IS NULL
    AND c.answered_at IS NULL
    AND c.deadline >= (now() AT TIME ZONE 'Europe/Oslo')::date
    AND EXISTS (
      SELECT 1 FROM role_assignments r
      WHERE r.user_id = nullif(current_setting('app.user_id', true), '')::uuid
        AND r.trust_id = c.consulted_trust_id
        AND r.role IN ('decisionMaker', 'assessor')
    )
$$;
