CREATE TABLE "auth_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"trust_id" uuid,
	"user_id" uuid,
	"kind" text NOT NULL,
	"method" text,
	"refusal" text,
	"hpr_number" text,
	"from_trust_id" uuid,
	"to_trust_id" uuid,
	"session_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_events_kind" CHECK ("auth_events"."kind" in ('login', 'loginRefused', 'logout', 'trustChanged')),
	CONSTRAINT "auth_events_who" CHECK ("auth_events"."user_id" is not null or "auth_events"."hpr_number" is not null),
	CONSTRAINT "auth_events_change" CHECK (("auth_events"."kind" = 'trustChanged') = ("auth_events"."to_trust_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "auth_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_from_trust_id_trusts_id_fk" FOREIGN KEY ("from_trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_events" ADD CONSTRAINT "auth_events_to_trust_id_trusts_id_fk" FOREIGN KEY ("to_trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_events_user" ON "auth_events" USING btree ("trust_id","user_id","id");--> statement-breakpoint
CREATE INDEX "auth_events_created" ON "auth_events" USING btree ("created_at");--> statement-breakpoint
CREATE POLICY "auth_events_tenant" ON "auth_events" AS PERMISSIVE FOR ALL TO "sp_app" USING (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid) WITH CHECK (trust_id = nullif(current_setting('app.trust_id', true), '')::uuid);--> statement-breakpoint
-- ===== Custom SQL (the lasting log of authentication events) =====
-- Sign-in runs before a trust is bound, and an event of a user with roles in several trusts is
-- kept in each of them, so the application role cannot insert under the tenant policy. This
-- function, running as the owner, is the one way to write an event: a login, or a change of trust
-- (kept in the trust chosen and in the one left), only for a user holding a role in the trust
-- logged into or chosen. No other insert, and no update or delete, for sp_app.
CREATE FUNCTION log_auth_event(
  p_kind text, p_user uuid, p_trust uuid, p_method text, p_refusal text, p_hpr text,
  p_from_trust uuid, p_to_trust uuid, p_session_ref text
) RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF (p_kind = 'login' AND (p_user IS NULL OR p_trust IS NULL
        OR NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = p_user AND r.trust_id = p_trust)))
     OR (p_kind = 'trustChanged' AND (p_user IS NULL OR p_trust IS NULL
        OR p_trust NOT IN (p_to_trust, p_from_trust)
        OR NOT EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = p_user AND r.trust_id = p_to_trust))) THEN
    RAISE EXCEPTION 'a login or a change of trust is recorded only where the user holds a role'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO auth_events (trust_id, user_id, kind, method, refusal, hpr_number, from_trust_id, to_trust_id, session_ref)
  VALUES (p_trust, p_user, p_kind, p_method, p_refusal, p_hpr, p_from_trust, p_to_trust, p_session_ref);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION log_auth_event(text, uuid, uuid, text, text, text, uuid, uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION log_auth_event(text, uuid, uuid, text, text, text, uuid, uuid, text) TO sp_app;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE ON auth_events FROM sp_app;
