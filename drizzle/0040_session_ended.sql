ALTER TABLE "auth_events" DROP CONSTRAINT "auth_events_kind";--> statement-breakpoint
ALTER TABLE "auth_events" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "auth_events" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_end" CHECK (("auth_events"."kind" = 'sessionEnded') = ("auth_events"."end_reason" is not null) and ("auth_events"."kind" = 'sessionEnded') = ("auth_events"."ended_at" is not null));--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_end_reason" CHECK ("auth_events"."end_reason" in ('idle', 'absolute', 'replaced'));--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_kind" CHECK ("auth_events"."kind" in ('login', 'loginRefused', 'logout', 'trustChanged', 'sessionEnded'));--> statement-breakpoint
-- ===== Custom SQL (sessions ended without a logout) =====
-- log_auth_event() also writes `sessionEnded`: a session deleted by the idle or absolute timeout,
-- or still live when a login request carried it (replaced against fixation). Like a login, only
-- for a user holding a role in the trust, or in no trust (a session whose trust the user no longer
-- holds a role in, or a user with roles nowhere: the owner's record only). `ended_at` is when the
-- session ended as the application computed it (its absolute end, or its last use plus the idle
-- timeout), never later than the database's clock: a time in the future (clock skew) is stored as
-- now, so it cannot fail a sign-in; none means now (replaced). `created_at` stays the database's
-- time of the record. The two new parameters have defaults, so a call with the nine of 0039 still
-- resolves to this function.
DROP FUNCTION log_auth_event(text, uuid, uuid, text, text, text, uuid, uuid, text);
--> statement-breakpoint
CREATE FUNCTION log_auth_event(
  p_kind text, p_user uuid, p_trust uuid, p_method text, p_refusal text, p_hpr text,
  p_from_trust uuid, p_to_trust uuid, p_session_ref text,
  p_end_reason text DEFAULT NULL, p_ended_at timestamptz DEFAULT NULL
) RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF (p_kind = 'login' AND (p_user IS NULL OR p_trust IS NULL
        OR NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = p_user AND r.trust_id = p_trust)))
     OR (p_kind = 'trustChanged' AND (p_user IS NULL OR p_trust IS NULL
        OR p_trust NOT IN (p_to_trust, p_from_trust)
        OR NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = p_user AND r.trust_id = p_to_trust)))
     OR (p_kind = 'sessionEnded' AND (p_user IS NULL OR (p_trust IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = p_user AND r.trust_id = p_trust))))
  THEN
    RAISE EXCEPTION 'a login, a change of trust or a session''s end is recorded only where the user holds a role'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO auth_events (trust_id, user_id, kind, method, refusal, hpr_number, from_trust_id, to_trust_id,
    session_ref, end_reason, ended_at)
  VALUES (p_trust, p_user, p_kind, p_method, p_refusal, p_hpr, p_from_trust, p_to_trust, p_session_ref,
    p_end_reason,
    CASE WHEN p_kind = 'sessionEnded' THEN least(coalesce(p_ended_at, now()), now()) ELSE p_ended_at END);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION log_auth_event(text, uuid, uuid, text, text, text, uuid, uuid, text, text, timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION log_auth_event(text, uuid, uuid, text, text, text, uuid, uuid, text, text, timestamptz) TO sp_app;
