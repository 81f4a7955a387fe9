ALTER TABLE "access_log" ALTER COLUMN "case_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "purpose" text DEFAULT 'casework' NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "object_id" text;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "access_log" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "access_log_user" ON "access_log" USING btree ("trust_id","user_id","created_at");--> statement-breakpoint
-- ===== Custom SQL (auditlog, ADR 0012): the access log's hash chain =====
-- The hash of one row: sha256 over the previous row's hash and the row's canonical form (a JSON
-- array; jsonb's text form is deterministic). The only definition, used by the trigger and by verify.
CREATE FUNCTION access_log_hash(r access_log) RETURNS text
LANGUAGE sql STABLE SET search_path = public, pg_catalog AS $$
  SELECT encode(sha256(convert_to(r.prev_hash || jsonb_build_array(
    r.id, r.seq, r.trust_id, r.user_id, r.role, r.case_id, r.purpose, r.action, r.object_id,
    to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Rows written before the chain existed are chained once, per trust in id order.
DO $$
DECLARE
  r access_log;
  current_trust uuid;
  previous text;
  n bigint;
BEGIN
  FOR r IN SELECT * FROM access_log ORDER BY trust_id, id LOOP
    IF current_trust IS DISTINCT FROM r.trust_id THEN
      current_trust := r.trust_id;
      previous := repeat('0', 64);
      n := 0;
    END IF;
    n := n + 1;
    r.seq := n;
    r.prev_hash := previous;
    previous := access_log_hash(r);
    UPDATE access_log SET seq = n, prev_hash = r.prev_hash, hash = previous WHERE id = r.id;
  END LOOP;
END
$$;
--> statement-breakpoint
-- One successor per row: two inserts can never share a predecessor (no fork), whatever happens.
CREATE UNIQUE INDEX "access_log_chain" ON "access_log" USING btree ("trust_id","seq");
--> statement-breakpoint
-- Appends a row to its trust's chain. The advisory lock serialises appends per trust until the
-- transaction ends; under READ COMMITTED each query in the function sees the rows committed
-- before the lock was granted, so the predecessor is always the trust's last committed row.
-- SECURITY DEFINER: the predecessor is found whatever the caller's row-level security shows.
CREATE FUNCTION access_log_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(20120, hashtext(NEW.trust_id::text));
  SELECT seq, hash INTO last_seq, last_hash FROM access_log
    WHERE trust_id = NEW.trust_id ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.created_at := now();
  NEW.hash := access_log_hash(NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_chain();
--> statement-breakpoint
-- Append-only for the application role (UPDATE and DELETE were revoked in 0002).
REVOKE TRUNCATE ON access_log FROM sp_app;
