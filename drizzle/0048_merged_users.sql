ALTER TABLE "users" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_merged_into_users_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- ===== Custom SQL (one person known twice: merged at login) =====
-- A person added once by identity number (pid_hash, no HPR number) and once by HPR number
-- (hpr_number, no pid_hash) is two users; HelseID sends both identifiers, so the login finds both.
-- merge_person() joins them, given the two identifiers from the login (ADR 0018): it finds the
-- two users itself, and only a user with that HPR number and no identity number and one with that
-- identity number's hash and no HPR number (raising otherwise; when one user already has both,
-- joined by a login a moment before, that user is the answer). The user who
-- has logged in (a `login` in auth_events, or a session) is kept, else the one with the HPR
-- number; when both have, nothing changes (outcome `bothLoggedIn`), nor when neither holds a role
-- anywhere (`noRoles`: the login is refused anyway and there is no trust to record it in).
-- Otherwise the dropped user's role assignments, committee places, co-authorships, leader
-- delegations and notifications go to the kept user (one the kept user already holds is dropped
-- instead of violating the unique key; of two active leader rows on a case, the delegation is
-- kept and the other revoked); both identifiers go to the kept user; the dropped user is marked
-- `merged_into` and keeps its row for the records that name it (role history, refused logins:
-- append-only and never rewritten). Each role the dropped user held is recorded in its trust's
-- role history on both users (`mergedFrom` on the kept user, `mergedInto` on the dropped one,
-- each naming the other as actor); a dropped user without roles is recorded once in each trust
-- of the kept user. It runs as the owner: the move crosses trusts, which row-level security
-- forbids the application role, and touches append-only tables (case_leaders.user_id).
CREATE FUNCTION merge_person(p_hpr text, p_pid_hash text, OUT kept uuid, OUT dropped uuid, OUT outcome text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_by_hpr uuid;
  v_by_pid uuid;
  v_hpr_in boolean;
  v_pid_in boolean;
BEGIN
  SELECT u.id INTO v_by_hpr FROM users u
    WHERE u.hpr_number = p_hpr AND u.pid_hash IS NULL AND u.merged_into IS NULL FOR UPDATE;
  SELECT u.id INTO v_by_pid FROM users u
    WHERE u.pid_hash = p_pid_hash AND u.hpr_number IS NULL AND u.merged_into IS NULL FOR UPDATE;
  IF v_by_hpr IS NULL OR v_by_pid IS NULL THEN
    -- Joined already (the same person's login a moment before, waited for on the row locks).
    SELECT u.id INTO kept FROM users u WHERE u.hpr_number = p_hpr AND u.pid_hash = p_pid_hash;
    IF kept IS NOT NULL THEN
      outcome := 'merged';
      RETURN;
    END IF;
    RAISE EXCEPTION 'merge_person: these identifiers do not name one person known twice'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id IN (v_by_hpr, v_by_pid)) THEN
    outcome := 'noRoles';
    RETURN;
  END IF;
  v_hpr_in := EXISTS (SELECT 1 FROM auth_events e WHERE e.user_id = v_by_hpr AND e.kind = 'login')
    OR EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = v_by_hpr);
  v_pid_in := EXISTS (SELECT 1 FROM auth_events e WHERE e.user_id = v_by_pid AND e.kind = 'login')
    OR EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = v_by_pid);
  IF v_hpr_in AND v_pid_in THEN
    outcome := 'bothLoggedIn';
    RETURN;
  END IF;
  IF v_pid_in THEN
    kept := v_by_pid;
    dropped := v_by_hpr;
  ELSE
    kept := v_by_hpr;
    dropped := v_by_pid;
  END IF;
  outcome := 'merged';

  -- The record, first: it names the roles the dropped user held before they move.
  INSERT INTO role_assignment_events (trust_id, user_id, action, role, department_name, actor_id)
    SELECT r.trust_id, x.user_id, x.action, r.role, d.name, x.actor_id
    FROM role_assignments r
    LEFT JOIN departments d ON d.id = r.department_id
    CROSS JOIN (VALUES (1, kept, 'mergedFrom', dropped), (2, dropped, 'mergedInto', kept))
      AS x(n, user_id, action, actor_id)
    WHERE r.user_id = dropped
    ORDER BY r.trust_id, x.n, r.role, d.name;
  IF NOT FOUND THEN
    INSERT INTO role_assignment_events (trust_id, user_id, action, role, department_name, actor_id)
      SELECT DISTINCT r.trust_id, kept, 'mergedFrom', '', NULL::text, dropped
      FROM role_assignments r WHERE r.user_id = kept;
  END IF;

  -- The identifiers: cleared on the dropped user first (both columns are unique).
  UPDATE users SET hpr_number = NULL, pid_hash = NULL, merged_into = kept WHERE id = dropped;
  UPDATE users SET hpr_number = p_hpr, pid_hash = p_pid_hash WHERE id = kept;

  DELETE FROM role_assignments r WHERE r.user_id = dropped AND EXISTS (
    SELECT 1 FROM role_assignments k WHERE k.user_id = kept AND k.trust_id = r.trust_id
      AND k.department_id IS NOT DISTINCT FROM r.department_id AND k.role = r.role);
  UPDATE role_assignments SET user_id = kept WHERE user_id = dropped;

  DELETE FROM case_committee c WHERE c.user_id = dropped AND EXISTS (
    SELECT 1 FROM case_committee k WHERE k.case_id = c.case_id AND k.user_id = kept);
  UPDATE case_committee SET user_id = kept WHERE user_id = dropped;

  DELETE FROM case_collaborators c WHERE c.user_id = dropped AND EXISTS (
    SELECT 1 FROM case_collaborators k WHERE k.case_id = c.case_id AND k.user_id = kept);
  UPDATE case_collaborators SET user_id = kept WHERE user_id = dropped;

  UPDATE case_leaders c SET revoked_at = now()
    FROM case_leaders o
    WHERE c.revoked_at IS NULL AND o.revoked_at IS NULL AND o.case_id = c.case_id
      AND ((c.user_id = dropped AND o.user_id = kept
            AND NOT (c.kind = 'delegate' AND o.kind = 'collaborator'))
        OR (c.user_id = kept AND o.user_id = dropped
            AND c.kind = 'collaborator' AND o.kind = 'delegate'));
  UPDATE case_leaders SET user_id = kept WHERE user_id = dropped;

  UPDATE notifications SET user_id = kept WHERE user_id = dropped;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION merge_person(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION merge_person(text, text) TO sp_app;
