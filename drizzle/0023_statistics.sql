CREATE TABLE "statistics_stage_times" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"trust_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"tenths" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "statistics_stage_times_pk" PRIMARY KEY("grain","period","trust_id","stage","tenths")
);
--> statement-breakpoint
ALTER TABLE "statistics_stage_times" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "statistics_volumes" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"trust_id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"patient_scope" text NOT NULL,
	"atc5" text NOT NULL,
	"submitted" integer NOT NULL,
	"decided" integer NOT NULL,
	"approved" integer NOT NULL,
	"approved_with_conditions" integer NOT NULL,
	"rejected" integer NOT NULL,
	"continued" integer NOT NULL,
	"stopped" integer NOT NULL,
	CONSTRAINT "statistics_volumes_pk" PRIMARY KEY("grain","period","trust_id","scheme","patient_scope","atc5")
);
--> statement-breakpoint
ALTER TABLE "statistics_volumes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "statistics_stage_times" ADD CONSTRAINT "statistics_stage_times_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_volumes" ADD CONSTRAINT "statistics_volumes_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "statistics_stage_times_national_read" ON "statistics_stage_times" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);--> statement-breakpoint
CREATE POLICY "statistics_volumes_national_read" ON "statistics_volumes" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);--> statement-breakpoint
-- ===== Custom SQL (statistics aggregates, ADR 0015) =====
-- Derived data: only the owner writes it (the trigger below and rebuild_statistics()).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON statistics_volumes, statistics_stage_times FROM sp_app;
--> statement-breakpoint
-- A summary's published stage times in tenths of a day (rounded half up: the dashboard's
-- precision); 'total' is submission to first decision.
CREATE FUNCTION statistics_stage_tenths(p_stages jsonb, p_processing bigint)
RETURNS TABLE (stage text, tenths integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT e.key, round(e.value::numeric / 8640)::integer
    FROM jsonb_each_text(p_stages) AS e(key, value)
   WHERE e.key IN ('submitted', 'endorsed', 'underAssessment', 'inConsultation', 'awaitingInformation')
     AND e.value IS NOT NULL
  UNION ALL
  SELECT 'total', round(p_processing::numeric / 8640)::integer WHERE p_processing IS NOT NULL
$$;
--> statement-breakpoint
-- A summary's contribution to statistics_volumes: one row per grain (its submission day, month
-- and year in Norwegian time).
CREATE FUNCTION statistics_volume_rows(s case_summaries)
RETURNS TABLE (grain text, period date, trust_id uuid, scheme text, patient_scope text,
  atc5 text, submitted integer, decided integer, approved integer,
  approved_with_conditions integer, rejected integer, continued integer, stopped integer)
LANGUAGE sql STABLE AS $$
  SELECT g.grain, date_trunc(g.grain, (s.submitted_at AT TIME ZONE 'Europe/Oslo'))::date,
    s.trust_id, coalesce(s.scheme, ''), coalesce(s.patient_scope, ''),
    coalesce(left(s.atc_code, 5), ''), 1, (s.outcome IS NOT NULL)::integer,
    coalesce(s.outcome = 'approved', false)::integer,
    coalesce(s.outcome = 'approvedWithConditions', false)::integer,
    coalesce(s.outcome = 'rejected', false)::integer, coalesce(s.continued, false)::integer,
    coalesce(NOT s.continued, false)::integer
  FROM (VALUES ('day'), ('month'), ('year')) AS g(grain)
$$;
--> statement-breakpoint
-- A summary's contribution to statistics_stage_times: one row per grain and published stage.
CREATE FUNCTION statistics_stage_rows(s case_summaries)
RETURNS TABLE (grain text, period date, trust_id uuid, stage text, tenths integer)
LANGUAGE sql STABLE AS $$
  SELECT g.grain, date_trunc(g.grain, (s.submitted_at AT TIME ZONE 'Europe/Oslo'))::date,
    s.trust_id, t.stage, t.tenths
  FROM (VALUES ('day'), ('month'), ('year')) AS g(grain),
    statistics_stage_tenths(s.stage_seconds, s.processing_seconds) AS t
$$;
--> statement-breakpoint
-- Applies one summary change (old row out, new row in; either may be null) as one net delta per
-- aggregate row, in key order (so concurrent changes lock rows in the same order), and drops
-- rows that reach zero.
CREATE FUNCTION statistics_change(p_old case_summaries, p_new case_summaries) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO statistics_volumes AS v (grain, period, trust_id, scheme, patient_scope, atc5,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped)
  SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5,
    sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s),
    statistics_volume_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING array[sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped)] <> array[0, 0, 0, 0, 0, 0, 0]::bigint[]
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, period, trust_id, scheme, patient_scope, atc5) DO UPDATE SET
    submitted = v.submitted + EXCLUDED.submitted, decided = v.decided + EXCLUDED.decided,
    approved = v.approved + EXCLUDED.approved,
    approved_with_conditions = v.approved_with_conditions + EXCLUDED.approved_with_conditions,
    rejected = v.rejected + EXCLUDED.rejected, continued = v.continued + EXCLUDED.continued,
    stopped = v.stopped + EXCLUDED.stopped;
  DELETE FROM statistics_volumes v
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_volume_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND v.submitted = 0
     AND (v.grain, v.period, v.trust_id, v.scheme, v.patient_scope, v.atc5)
       = (r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5);
  INSERT INTO statistics_stage_times AS t (grain, period, trust_id, stage, tenths, n)
  SELECT r.grain, r.period, r.trust_id, r.stage, r.tenths, sum(x.sign)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s),
    statistics_stage_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.sign) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, trust_id, stage, tenths) DO UPDATE SET n = t.n + EXCLUDED.n;
  DELETE FROM statistics_stage_times t
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_stage_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND t.n = 0
     AND (t.grain, t.period, t.trust_id, t.stage, t.tenths)
       = (r.grain, r.period, r.trust_id, r.stage, r.tenths);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION statistics_change(case_summaries, case_summaries) FROM PUBLIC;
--> statement-breakpoint
CREATE FUNCTION case_summaries_statistics() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.trust_id, OLD.submitted_at, OLD.scheme, OLD.patient_scope,
      left(OLD.atc_code, 5), OLD.outcome, OLD.continued, OLD.stage_seconds,
      OLD.processing_seconds) IS NOT DISTINCT FROM (NEW.trust_id, NEW.submitted_at, NEW.scheme,
      NEW.patient_scope, left(NEW.atc_code, 5), NEW.outcome, NEW.continued, NEW.stage_seconds,
      NEW.processing_seconds) THEN
    RETURN NULL;
  END IF;
  PERFORM statistics_change(
    CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN OLD END,
    CASE WHEN TG_OP IN ('UPDATE', 'INSERT') THEN NEW END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Every summary change (refresh_case_summary(), in the same transaction as the case change that
-- caused it) updates the aggregates.
CREATE TRIGGER case_summaries_statistics AFTER INSERT OR UPDATE OR DELETE ON case_summaries
  FOR EACH ROW EXECUTE FUNCTION case_summaries_statistics();
--> statement-breakpoint
-- Recomputes every aggregate from case_summaries, set-based (for bulk loads that bypass triggers).
CREATE FUNCTION rebuild_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM statistics_volumes;
  DELETE FROM statistics_stage_times;
  INSERT INTO statistics_volumes (grain, period, trust_id, scheme, patient_scope, atc5,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped)
  SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5, sum(r.submitted),
    sum(r.decided), sum(r.approved), sum(r.approved_with_conditions), sum(r.rejected),
    sum(r.continued), sum(r.stopped)
  FROM case_summaries s, statistics_volume_rows(s) AS r
  GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO statistics_stage_times (grain, period, trust_id, stage, tenths, n)
  SELECT r.grain, r.period, r.trust_id, r.stage, r.tenths, count(*)
  FROM case_summaries s, statistics_stage_rows(s) AS r
  GROUP BY 1, 2, 3, 4, 5;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION rebuild_statistics() FROM PUBLIC;
--> statement-breakpoint
SELECT rebuild_statistics();
