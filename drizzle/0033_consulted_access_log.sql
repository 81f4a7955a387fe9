ALTER TABLE "access_log" ADD COLUMN "reader_trust_id" uuid;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_reader_trust_id_trusts_id_fk" FOREIGN KEY ("reader_trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_reader_other_trust" CHECK ("access_log"."reader_trust_id" <> "access_log"."trust_id");--> statement-breakpoint
CREATE POLICY "access_log_own_reader" ON "access_log" AS RESTRICTIVE FOR INSERT TO "sp_app" WITH CHECK (reader_trust_id is null);--> statement-breakpoint
-- ===== Custom SQL (consulted reads in the treating trust's access log, ADR 0025) =====
-- The row hash now covers reader_trust_id, but only when it is set: a row without it hashes
-- exactly as before, so every existing hash stays valid. Mirrored in TypeScript by
-- features/auditlog/domain/chain.ts (the verifier recomputes every hash itself).
CREATE OR REPLACE FUNCTION access_log_hash(r access_log) RETURNS text
LANGUAGE sql STABLE SET search_path = public, pg_catalog AS $$
  SELECT encode(sha256(convert_to(r.prev_hash || (jsonb_build_array(
    r.id, r.seq, r.trust_id, r.user_id, r.role, r.case_id, r.purpose, r.action, r.object_id,
    to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  ) || CASE WHEN r.reader_trust_id IS NULL THEN '[]'::jsonb
            ELSE jsonb_build_array(r.reader_trust_id) END)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- A consulted trust's read of a case, written into the log of the case's own trust (whose patient
-- it is), with the reader's trust. The application role cannot insert into another trust's log
-- (tenant policy) nor set reader_trust_id itself (access_log_own_reader); this function, running
-- as the owner, is the one way, and only for a case in consulted_case_ids(): an open grant to the
-- caller's trust that the caller (its director or committee member) may use now. Role and purpose
-- are fixed (consultant, consultation). Anything else raises, so the read it records fails too.
CREATE FUNCTION log_consulted_access(p_case uuid, p_action text, p_object text)
RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_trust uuid := nullif(current_setting('app.trust_id', true), '')::uuid;
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  v_case_trust uuid;
BEGIN
  IF v_trust IS NULL OR v_user IS NULL OR p_case IS NULL
     OR NOT EXISTS (SELECT 1 FROM consulted_case_ids() AS g(id) WHERE g.id = p_case) THEN
    RAISE EXCEPTION 'no open consultation grant for this case, trust and user'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT c.trust_id INTO v_case_trust FROM cases c WHERE c.id = p_case;
  INSERT INTO access_log (trust_id, user_id, role, case_id, action, purpose, object_id, reader_trust_id)
  VALUES (v_case_trust, v_user, 'consultant', p_case, p_action, 'consultation', p_object, v_trust);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION log_consulted_access(uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION log_consulted_access(uuid, text, text) TO sp_app;
