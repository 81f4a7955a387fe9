CREATE TABLE "case_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"trust_id" uuid NOT NULL,
	"consulted_trust_id" uuid NOT NULL,
	"question" text NOT NULL,
	"deadline" date NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	CONSTRAINT "case_consultations_other_trust" CHECK (consulted_trust_id <> trust_id)
);
--> statement-breakpoint
ALTER TABLE "case_consultations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_consultations" ADD CONSTRAINT "case_consultations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consultations" ADD CONSTRAINT "case_consultations_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consultations" ADD CONSTRAINT "case_consultations_consulted_trust_id_trusts_id_fk" FOREIGN KEY ("consulted_trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consultations" ADD CONSTRAINT "case_consultations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consultations" ADD CONSTRAINT "case_consultations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_consultations" ADD CONSTRAINT "case_consultations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_consultations_case" ON "case_consultations" USING btree ("case_id","requested_at");--> statement-breakpoint
CREATE INDEX "case_consultations_consulted" ON "case_consultations" USING btree ("consulted_trust_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_consultations_one_open" ON "case_consultations" USING btree ("case_id") WHERE revoked_at is null and answered_at is null;--> statement-breakpoint
CREATE POLICY "case_consultations_tenant" ON "case_consultations" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "case_consultations_consulted" ON "case_consultations" AS PERMISSIVE FOR SELECT TO "sp_app" USING (consulted_trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- ── Custom SQL (consultations): keep below this line when the migration is regenerated. ──
-- The ids of the cases the current trust has been consulted on and the current user may read now:
-- grants that are neither revoked nor answered, up to and including their deadline day in
-- Norwegian time, read by the trust's director or committee (not its other users). The one
-- definition of an open grant; SECURITY DEFINER so the row-level policies below never depend on
-- each other's visibility. STABLE: evaluated once per query (a hashed subplan), not per row.
CREATE FUNCTION consulted_case_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.case_id FROM case_consultations c
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
--> statement-breakpoint
-- Read-only access for the consulted trust: SELECT policies only, so it can insert, change or
-- delete nothing in the case (its answer goes through answer_consultation()).
CREATE POLICY "cases_consulted" ON "cases" AS PERMISSIVE FOR SELECT TO "sp_app" USING (id IN (SELECT consulted_case_ids()));
--> statement-breakpoint
CREATE POLICY "case_events_consulted" ON "case_events" AS PERMISSIVE FOR SELECT TO "sp_app" USING (case_id IN (SELECT consulted_case_ids()));
--> statement-breakpoint
CREATE POLICY "case_decisions_consulted" ON "case_decisions" AS PERMISSIVE FOR SELECT TO "sp_app" USING (case_id IN (SELECT consulted_case_ids()));
--> statement-breakpoint
CREATE POLICY "attachments_consulted" ON "attachments" AS PERMISSIVE FOR SELECT TO "sp_app" USING (case_id IN (SELECT consulted_case_ids()));
--> statement-breakpoint
CREATE POLICY "attachment_contents_consulted" ON "attachment_contents" AS PERMISSIVE FOR SELECT TO "sp_app" USING (key IN (SELECT a.storage_key FROM attachments a WHERE a.case_id IN (SELECT consulted_case_ids())));
--> statement-breakpoint
-- A grant is a record: never deleted; the asking trust may only revoke it (the answer columns are
-- written by answer_consultation() alone).
REVOKE DELETE, UPDATE ON case_consultations FROM sp_app;
--> statement-breakpoint
GRANT UPDATE (revoked_at, revoked_by) ON case_consultations TO sp_app;
--> statement-breakpoint
-- The consulted trust's one write: its answer, which lands in the case as the answerConsultation
-- event (inConsultation → underAssessment, as in the workflow table). Runs as the owner, so it
-- checks everything itself: an open grant to the current trust, a director or committee member of
-- that trust, and the case's status and version (compare-and-set). Returns the case's new version,
-- or null when any check fails (nothing is written then).
CREATE FUNCTION answer_consultation(p_consultation uuid, p_case_version integer, p_answer text)
RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_trust uuid := nullif(current_setting('app.trust_id', true), '')::uuid;
  v_user uuid := nullif(current_setting('app.user_id', true), '')::uuid;
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
  SELECT * INTO v_grant FROM case_consultations c
  WHERE c.id = p_consultation AND c.consulted_trust_id = v_trust
    AND c.revoked_at IS NULL AND c.answered_at IS NULL
    AND c.deadline >= (now() AT TIME ZONE 'Europe/Oslo')::date
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
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
--> statement-breakpoint
REVOKE ALL ON FUNCTION answer_consultation(uuid, integer, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION answer_consultation(uuid, integer, text) TO sp_app;
