CREATE TABLE "statistics_atc_group_stage_histograms" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"atc_group" text NOT NULL,
	"trust_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"histogram" integer[][] NOT NULL,
	CONSTRAINT "statistics_atc_group_stage_histograms_pk" PRIMARY KEY("grain","atc_group","period","trust_id","stage")
);
--> statement-breakpoint
ALTER TABLE "statistics_atc_group_stage_histograms" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "statistics_atc_group_stage_histograms" ADD CONSTRAINT "statistics_atc_group_stage_histograms_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "statistics_atc_group_stage_histograms_national_read" ON "statistics_atc_group_stage_histograms" AS PERMISSIVE FOR SELECT TO "sp_app" USING (true);

--> statement-breakpoint
-- ===== Custom SQL (ADR 0015): the histograms per ATC group without scheme and scope.
-- Derived data: only the owner writes it (the trigger's statistics_change() and rebuild_statistics()).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON statistics_atc_group_stage_histograms FROM sp_app;
--> statement-breakpoint
-- The stage-time bins a summary counts in per ATC group: its code's first 1, 3, 4 and 5 characters
-- (the levels a filter can name; a shorter code is in the levels it has, a summary without a code
-- in none), in its submission month and year only (Norwegian time); the days at a period's edges
-- are counted from case_summaries by the reader.
CREATE FUNCTION statistics_atc_group_stage_rows(s case_summaries)
RETURNS TABLE(grain text, atc_group text, period date, trust_id uuid, stage text, tenths integer)
LANGUAGE sql STABLE AS $$
  SELECT g.grain, left(s.atc_code, l.n),
    date_trunc(g.grain, (s.submitted_at AT TIME ZONE 'Europe/Oslo'))::date, s.trust_id, t.stage,
    t.tenths
  FROM (VALUES ('month'), ('year')) AS g(grain), (VALUES (1), (3), (4), (5)) AS l(n),
    statistics_stage_tenths(s.stage_seconds, s.processing_seconds) AS t
  WHERE length(s.atc_code) >= l.n
$$;
--> statement-breakpoint
-- statistics_change() and rebuild_statistics() as in 0028, with the new table added (and, in the
-- rebuild, both ATC tables folded from one count of bins).
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

  INSERT INTO statistics_submissions AS v (grain, period, scheme, patient_scope, submitted)
  SELECT r.grain, r.period, r.scheme, r.patient_scope, sum(x.sign * r.submitted)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s), statistics_volume_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4
  HAVING sum(x.sign * r.submitted) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (grain, period, scheme, patient_scope) DO UPDATE SET
    submitted = v.submitted + EXCLUDED.submitted;
  DELETE FROM statistics_submissions v
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_volume_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND v.submitted = 0
     AND (v.grain, v.period, v.scheme, v.patient_scope)
     = (r.grain, r.period, r.scheme, r.patient_scope);

  INSERT INTO statistics_stage_histograms AS t (grain, period, trust_id, stage, histogram)
  SELECT d.grain, d.period, d.trust_id, d.stage, array_agg(ARRAY[d.tenths, d.n::integer] ORDER BY d.tenths)
  FROM (SELECT r.grain, r.period, r.trust_id, r.stage, r.tenths, sum(x.sign) AS n
          FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s), statistics_stage_rows(x.s) AS r
         WHERE (x.s).case_id IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5
        HAVING sum(x.sign) <> 0) AS d
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (grain, period, trust_id, stage) DO UPDATE
    SET histogram = statistics_histogram_add(t.histogram, EXCLUDED.histogram);
  DELETE FROM statistics_stage_histograms t
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_stage_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND cardinality(t.histogram) = 0
     AND (t.grain, t.period, t.trust_id, t.stage) = (r.grain, r.period, r.trust_id, r.stage);

  INSERT INTO statistics_scheme_stage_histograms AS t (grain, period, scheme, patient_scope,
    trust_id, stage, histogram)
  SELECT d.grain, d.period, d.scheme, d.patient_scope, d.trust_id, d.stage,
    array_agg(ARRAY[d.tenths, d.n::integer] ORDER BY d.tenths)
  FROM (SELECT r.grain, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage, r.tenths,
          sum(x.sign) AS n
          FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s),
            statistics_scheme_stage_rows(x.s) AS r
         WHERE (x.s).case_id IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7
        HAVING sum(x.sign) <> 0) AS d
  GROUP BY 1, 2, 3, 4, 5, 6
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, period, scheme, patient_scope, trust_id, stage) DO UPDATE
    SET histogram = statistics_histogram_add(t.histogram, EXCLUDED.histogram);
  DELETE FROM statistics_scheme_stage_histograms t
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_scheme_stage_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND cardinality(t.histogram) = 0
     AND (t.grain, t.period, t.scheme, t.patient_scope, t.trust_id, t.stage)
       = (r.grain, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage);

  INSERT INTO statistics_atc_stage_histograms AS t (grain, atc5, period, scheme, patient_scope,
    trust_id, stage, histogram)
  SELECT d.grain, d.atc5, d.period, d.scheme, d.patient_scope, d.trust_id, d.stage,
    array_agg(ARRAY[d.tenths, d.n::integer] ORDER BY d.tenths)
  FROM (SELECT r.grain, r.atc5, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage, r.tenths,
          sum(x.sign) AS n
          FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s),
            statistics_atc_stage_rows(x.s) AS r
         WHERE (x.s).case_id IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        HAVING sum(x.sign) <> 0) AS d
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (grain, atc5, period, scheme, patient_scope, trust_id, stage) DO UPDATE
    SET histogram = statistics_histogram_add(t.histogram, EXCLUDED.histogram);
  DELETE FROM statistics_atc_stage_histograms t
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_atc_stage_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND cardinality(t.histogram) = 0
     AND (t.grain, t.atc5, t.period, t.scheme, t.patient_scope, t.trust_id, t.stage)
       = (r.grain, r.atc5, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage);

  INSERT INTO statistics_atc_group_stage_histograms AS t (grain, atc_group, period, trust_id, stage,
    histogram)
  SELECT d.grain, d.atc_group, d.period, d.trust_id, d.stage,
    array_agg(ARRAY[d.tenths, d.n::integer] ORDER BY d.tenths)
  FROM (SELECT r.grain, r.atc_group, r.period, r.trust_id, r.stage, r.tenths, sum(x.sign) AS n
          FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s),
            statistics_atc_group_stage_rows(x.s) AS r
         WHERE (x.s).case_id IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(x.sign) <> 0) AS d
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, atc_group, period, trust_id, stage) DO UPDATE
    SET histogram = statistics_histogram_add(t.histogram, EXCLUDED.histogram);
  DELETE FROM statistics_atc_group_stage_histograms t
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_atc_group_stage_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND cardinality(t.histogram) = 0
     AND (t.grain, t.atc_group, t.period, t.trust_id, t.stage)
       = (r.grain, r.atc_group, r.period, r.trust_id, r.stage);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_statistics() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM statistics_volumes;
  DELETE FROM statistics_scheme_volumes;
  DELETE FROM statistics_atc_volumes;
  DELETE FROM statistics_stage_histograms;
  DELETE FROM statistics_scheme_stage_histograms;
  DELETE FROM statistics_atc_stage_histograms;
  DELETE FROM statistics_atc_group_stage_histograms;
  DELETE FROM statistics_submissions;
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
  INSERT INTO statistics_submissions (grain, period, scheme, patient_scope, submitted)
  SELECT grain, period, scheme, patient_scope, sum(submitted)
  FROM statistics_atc_volumes
  GROUP BY 1, 2, 3, 4;
  -- The bins of every histogram (per scheme and scope), counted once and folded into both tables.
  WITH bins AS MATERIALIZED (
    SELECT r.grain, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage, r.tenths,
      count(*) AS n
    FROM case_summaries s, statistics_scheme_stage_rows(s) AS r
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), by_scheme AS (
    INSERT INTO statistics_scheme_stage_histograms (grain, period, scheme, patient_scope,
      trust_id, stage, histogram)
    SELECT grain, period, scheme, patient_scope, trust_id, stage,
      array_agg(ARRAY[tenths, n::integer] ORDER BY tenths)
    FROM bins
    GROUP BY 1, 2, 3, 4, 5, 6
  )
  INSERT INTO statistics_stage_histograms (grain, period, trust_id, stage, histogram)
  SELECT grain, period, trust_id, stage, array_agg(ARRAY[tenths, n::integer] ORDER BY tenths)
  FROM (SELECT grain, period, trust_id, stage, tenths, sum(n) AS n FROM bins GROUP BY 1, 2, 3, 4, 5) AS b
  GROUP BY 1, 2, 3, 4;
  -- The bins per ATC code, scheme and scope, counted once and folded into both ATC tables.
  WITH atc_bins AS MATERIALIZED (
    SELECT r.grain, r.atc5, r.period, r.scheme, r.patient_scope, r.trust_id, r.stage, r.tenths,
      count(*) AS n
    FROM case_summaries s, statistics_atc_stage_rows(s) AS r
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ), by_code AS (
    INSERT INTO statistics_atc_stage_histograms (grain, atc5, period, scheme, patient_scope,
      trust_id, stage, histogram)
    SELECT grain, atc5, period, scheme, patient_scope, trust_id, stage,
      array_agg(ARRAY[tenths, n::integer] ORDER BY tenths)
    FROM atc_bins
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  )
  INSERT INTO statistics_atc_group_stage_histograms (grain, atc_group, period, trust_id, stage,
    histogram)
  SELECT grain, atc_group, period, trust_id, stage,
    array_agg(ARRAY[tenths, n::integer] ORDER BY tenths)
  FROM (SELECT b.grain, left(b.atc5, l.n) AS atc_group, b.period, b.trust_id, b.stage, b.tenths,
          sum(b.n) AS n
        FROM atc_bins b, (VALUES (1), (3), (4), (5)) AS l(n)
        WHERE length(b.atc5) >= l.n
        GROUP BY 1, 2, 3, 4, 5, 6) AS g
  GROUP BY 1, 2, 3, 4, 5;
END
$$;
--> statement-breakpoint
-- The histograms of the summaries there are, folded from the per-code table (same bins).
INSERT INTO statistics_atc_group_stage_histograms (grain, atc_group, period, trust_id, stage,
  histogram)
SELECT grain, atc_group, period, trust_id, stage, array_agg(ARRAY[tenths, n] ORDER BY tenths)
FROM (SELECT h.grain, left(h.atc5, l.n) AS atc_group, h.period, h.trust_id, h.stage,
        h.histogram[i][1] AS tenths, sum(h.histogram[i][2])::integer AS n
      FROM statistics_atc_stage_histograms h, (VALUES (1), (3), (4), (5)) AS l(n),
        generate_subscripts(h.histogram, 1) AS i
      WHERE length(h.atc5) >= l.n
      GROUP BY 1, 2, 3, 4, 5, 6) AS g
GROUP BY 1, 2, 3, 4, 5;
