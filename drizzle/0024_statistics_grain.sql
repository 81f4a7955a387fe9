CREATE TABLE "statistics_atc_volumes" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"scheme" text NOT NULL,
	"patient_scope" text NOT NULL,
	"atc5" text NOT NULL,
	"submitted" integer NOT NULL,
	CONSTRAINT "statistics_atc_volumes_pk" PRIMARY KEY("grain","period","scheme","patient_scope","atc5")
);
--> statement-breakpoint
ALTER TABLE "statistics_atc_volumes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "statistics_scheme_stage_times" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"scheme" text NOT NULL,
	"patient_scope" text NOT NULL,
	"trust_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"tenths" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "statistics_scheme_stage_times_pk" PRIMARY KEY("grain","period","scheme","patient_scope","trust_id","stage","tenths")
);
--> statement-breakpoint
ALTER TABLE "statistics_scheme_stage_times" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "statistics_scheme_volumes" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"trust_id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"patient_scope" text NOT NULL,
	"submitted" integer NOT NULL,
	"decided" integer NOT NULL,
	"approved" integer NOT NULL,
	"approved_with_conditions" integer NOT NULL,
	"rejected" integer NOT NULL,
	"continued" integer NOT NULL,
	"stopped" integer NOT NULL,
	CONSTRAINT "statistics_scheme_volumes_pk" PRIMARY KEY("grain","period","trust_id","scheme","patient_scope")
);
--> statement-breakpoint
ALTER TABLE "statistics_scheme_volumes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "statistics_scheme_stage_times" ADD CONSTRAINT "statistics_scheme_stage_times_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_scheme_volumes" ADD CONSTRAINT "statistics_scheme_volumes_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "statistics_atc_volumes_national_read" ON "statistics_atc_volumes" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);--> statement-breakpoint
CREATE POLICY "statistics_scheme_stage_times_national_read" ON "statistics_scheme_stage_times" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);--> statement-breakpoint
CREATE POLICY "statistics_scheme_volumes_national_read" ON "statistics_scheme_volumes" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);--> statement-breakpoint
-- ===== Custom SQL (statistics grain, ADR 0015) =====
-- Derived data: only the owner writes it (the trigger's statistics_change() and rebuild_statistics()).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON statistics_scheme_volumes, statistics_atc_volumes,
  statistics_scheme_stage_times FROM sp_app;
--> statement-breakpoint
-- A summary's contribution to statistics_scheme_stage_times: one row per grain and published stage.
CREATE FUNCTION statistics_scheme_stage_rows(s case_summaries)
RETURNS TABLE (grain text, period date, scheme text, patient_scope text, trust_id uuid,
  stage text, tenths integer)
LANGUAGE sql STABLE AS $$
  SELECT g.grain, date_trunc(g.grain, (s.submitted_at AT TIME ZONE 'Europe/Oslo'))::date,
    coalesce(s.scheme, ''), coalesce(s.patient_scope, ''), s.trust_id, t.stage, t.tenths
  FROM (VALUES ('day'), ('month'), ('year')) AS g(grain),
    statistics_stage_tenths(s.stage_seconds, s.processing_seconds) AS t
$$;
--> statement-breakpoint
-- Applies one summary change (old row out, new row in; either may be null) to every aggregate
-- table as one net delta per row, table by table and in key order (so concurrent changes lock
-- rows in the same order), and drops rows that reach zero.
CREATE OR REPLACE FUNCTION statistics_change(p_old case_summaries, p_new case_summaries) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO statistics_volumes AS v (grain, period, trust_id, scheme, patient_scope, atc5,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped)
  SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5,
    sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s), statistics_volume_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING array[sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped)]
    <> array[0, 0, 0, 0, 0, 0, 0]::bigint[]
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

  INSERT INTO statistics_scheme_volumes AS v (grain, period, trust_id, scheme, patient_scope,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped)
  SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope,
    sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s), statistics_volume_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING array[sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped)]
    <> array[0, 0, 0, 0, 0, 0, 0]::bigint[]
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, trust_id, scheme, patient_scope) DO UPDATE SET
    submitted = v.submitted + EXCLUDED.submitted, decided = v.decided + EXCLUDED.decided,
    approved = v.approved + EXCLUDED.approved,
    approved_with_conditions = v.approved_with_conditions + EXCLUDED.approved_with_conditions,
    rejected = v.rejected + EXCLUDED.rejected, continued = v.continued + EXCLUDED.continued,
    stopped = v.stopped + EXCLUDED.stopped;
  DELETE FROM statistics_scheme_volumes v
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_volume_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND v.submitted = 0
     AND (v.grain, v.period, v.trust_id, v.scheme, v.patient_scope)
     = (r.grain, r.period, r.trust_id, r.scheme, r.patient_scope);

  INSERT INTO statistics_atc_volumes AS v (grain, period, scheme, patient_scope, atc5, submitted)
  SELECT r.grain, r.period, r.scheme, r.patient_scope, r.atc5, sum(x.sign * r.submitted)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s), statistics_volume_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x.sign * r.submitted) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, scheme, patient_scope, atc5) DO UPDATE SET
    submitted = v.submitted + EXCLUDED.submitted;
  DELETE FROM statistics_atc_volumes v
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_volume_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND v.submitted = 0
     AND (v.grain, v.period, v.scheme, v.patient_scope, v.atc5)
     = (r.grain, r.period, r.scheme, r.patient_scope, r.atc5);

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

  INSERT INTO statistics_scheme_stage_times AS t (grain, period, scheme, patient_scope,
    trust_id, stage, tenths, n)
  SELECT r.grain, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage, r.tenths, sum(x.sign)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s),
    statistics_scheme_stage_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(x.sign) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, period, scheme, patient_scope, trust_id, stage, tenths)
    DO UPDATE SET n = t.n + EXCLUDED.n;
  DELETE FROM statistics_scheme_stage_times t
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_scheme_stage_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND t.n = 0
     AND (t.grain, t.period, t.scheme, t.patient_scope, t.trust_id, t.stage, t.tenths)
       = (r.grain, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage, r.tenths);
END
$$;
--> statement-breakpoint
-- Recomputes every aggregate from case_summaries, set-based (for bulk loads that bypass triggers);
-- the coarser tables are sums of the finer ones.
CREATE OR REPLACE FUNCTION rebuild_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM statistics_volumes;
  DELETE FROM statistics_scheme_volumes;
  DELETE FROM statistics_atc_volumes;
  DELETE FROM statistics_stage_times;
  DELETE FROM statistics_scheme_stage_times;
  INSERT INTO statistics_volumes (grain, period, trust_id, scheme, patient_scope, atc5,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped)
  SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5, sum(r.submitted),
    sum(r.decided), sum(r.approved), sum(r.approved_with_conditions), sum(r.rejected),
    sum(r.continued), sum(r.stopped)
  FROM case_summaries s, statistics_volume_rows(s) AS r
  GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO statistics_scheme_volumes (grain, period, trust_id, scheme, patient_scope,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped)
  SELECT grain, period, trust_id, scheme, patient_scope, sum(submitted), sum(decided),
    sum(approved), sum(approved_with_conditions), sum(rejected), sum(continued), sum(stopped)
  FROM statistics_volumes
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO statistics_atc_volumes (grain, period, scheme, patient_scope, atc5, submitted)
  SELECT grain, period, scheme, patient_scope, atc5, sum(submitted)
  FROM statistics_volumes
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO statistics_scheme_stage_times (grain, period, scheme, patient_scope, trust_id,
    stage, tenths, n)
  SELECT r.grain, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage, r.tenths, count(*)
  FROM case_summaries s, statistics_scheme_stage_rows(s) AS r
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  INSERT INTO statistics_stage_times (grain, period, trust_id, stage, tenths, n)
  SELECT grain, period, trust_id, stage, tenths, sum(n)
  FROM statistics_scheme_stage_times
  GROUP BY 1, 2, 3, 4, 5;
END
$$;
--> statement-breakpoint
SELECT rebuild_statistics();
