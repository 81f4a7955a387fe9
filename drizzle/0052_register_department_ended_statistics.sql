ALTER TABLE "statistics_scheme_volumes" ADD COLUMN "not_endorsed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_scheme_volumes" ADD COLUMN "withdrawn" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_volumes" ADD COLUMN "not_endorsed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "statistics_volumes" ADD COLUMN "withdrawn" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_department_created_keyset" ON "cases" USING btree ("department_id","created_at","id");
--> statement-breakpoint
-- ===== Custom SQL. Above, generated: the register's department filter pages the department's
-- cases by `cases_department_created_keyset` (features/national/register.server.ts), and the two
-- new counts of the statistics volumes (their default only for the rows there are).
-- The statistics (ADR 0015): the cases that ended without a decision.
-- A summary counts as not endorsed or as withdrawn by the status it is in (both final: no
-- transition leaves them; a draft withdrawn before it was sent has no summary). The result of
-- statistics_volume_rows() gains the two counts, so it is dropped and created again (otherwise as
-- in 0023), and statistics_change() and rebuild_statistics() write them (otherwise as in 0029).
DROP FUNCTION statistics_volume_rows(case_summaries);
--> statement-breakpoint
CREATE FUNCTION statistics_volume_rows(s case_summaries)
RETURNS TABLE (grain text, period date, trust_id uuid, scheme text, patient_scope text,
  atc5 text, submitted integer, decided integer, approved integer,
  approved_with_conditions integer, rejected integer, continued integer, stopped integer,
  not_endorsed integer, withdrawn integer)
LANGUAGE sql STABLE AS $$
  SELECT g.grain, date_trunc(g.grain, (s.submitted_at AT TIME ZONE 'Europe/Oslo'))::date,
    s.trust_id, coalesce(s.scheme, ''), coalesce(s.patient_scope, ''),
    coalesce(left(s.atc_code, 5), ''), 1, (s.outcome IS NOT NULL)::integer,
    coalesce(s.outcome = 'approved', false)::integer,
    coalesce(s.outcome = 'approvedWithConditions', false)::integer,
    coalesce(s.outcome = 'rejected', false)::integer, coalesce(s.continued, false)::integer,
    coalesce(NOT s.continued, false)::integer, (s.status = 'notEndorsed')::integer,
    (s.status = 'withdrawn')::integer
  FROM (VALUES ('day'), ('month'), ('year')) AS g(grain)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistics_change(p_old case_summaries, p_new case_summaries) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO statistics_volumes AS v (grain, period, trust_id, scheme, patient_scope, atc5,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped,
    not_endorsed, withdrawn)
  SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5,
    sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped), sum(x.sign * r.not_endorsed),
    sum(x.sign * r.withdrawn)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s), statistics_volume_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING array[sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped), sum(x.sign * r.not_endorsed),
    sum(x.sign * r.withdrawn)]
    <> array[0, 0, 0, 0, 0, 0, 0, 0, 0]::bigint[]
  ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (grain, period, trust_id, scheme, patient_scope, atc5) DO UPDATE SET
    submitted = v.submitted + EXCLUDED.submitted, decided = v.decided + EXCLUDED.decided,
    approved = v.approved + EXCLUDED.approved,
    approved_with_conditions = v.approved_with_conditions + EXCLUDED.approved_with_conditions,
    rejected = v.rejected + EXCLUDED.rejected, continued = v.continued + EXCLUDED.continued,
    stopped = v.stopped + EXCLUDED.stopped, not_endorsed = v.not_endorsed + EXCLUDED.not_endorsed,
    withdrawn = v.withdrawn + EXCLUDED.withdrawn;
  DELETE FROM statistics_volumes v
   USING (VALUES (p_old), (p_new)) AS x(s), statistics_volume_rows(x.s) AS r
   WHERE (x.s).case_id IS NOT NULL AND v.submitted = 0
     AND (v.grain, v.period, v.trust_id, v.scheme, v.patient_scope, v.atc5)
     = (r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5);

  INSERT INTO statistics_scheme_volumes AS v (grain, period, trust_id, scheme, patient_scope,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped,
    not_endorsed, withdrawn)
  SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope,
    sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped), sum(x.sign * r.not_endorsed),
    sum(x.sign * r.withdrawn)
  FROM (VALUES (-1, p_old), (1, p_new)) AS x(sign, s), statistics_volume_rows(x.s) AS r
  WHERE (x.s).case_id IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5
  HAVING array[sum(x.sign * r.submitted), sum(x.sign * r.decided), sum(x.sign * r.approved),
    sum(x.sign * r.approved_with_conditions), sum(x.sign * r.rejected),
    sum(x.sign * r.continued), sum(x.sign * r.stopped), sum(x.sign * r.not_endorsed),
    sum(x.sign * r.withdrawn)]
    <> array[0, 0, 0, 0, 0, 0, 0, 0, 0]::bigint[]
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (grain, period, trust_id, scheme, patient_scope) DO UPDATE SET
    submitted = v.submitted + EXCLUDED.submitted, decided = v.decided + EXCLUDED.decided,
    approved = v.approved + EXCLUDED.approved,
    approved_with_conditions = v.approved_with_conditions + EXCLUDED.approved_with_conditions,
    rejected = v.rejected + EXCLUDED.rejected, continued = v.continued + EXCLUDED.continued,
    stopped = v.stopped + EXCLUDED.stopped, not_endorsed = v.not_endorsed + EXCLUDED.not_endorsed,
    withdrawn = v.withdrawn + EXCLUDED.withdrawn;
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
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped,
    not_endorsed, withdrawn)
  SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5, sum(r.submitted),
    sum(r.decided), sum(r.approved), sum(r.approved_with_conditions), sum(r.rejected),
    sum(r.continued), sum(r.stopped), sum(r.not_endorsed), sum(r.withdrawn)
  FROM case_summaries s, statistics_volume_rows(s) AS r
  GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO statistics_scheme_volumes (grain, period, trust_id, scheme, patient_scope,
    submitted, decided, approved, approved_with_conditions, rejected, continued, stopped,
    not_endorsed, withdrawn)
  SELECT grain, period, trust_id, scheme, patient_scope, sum(submitted), sum(decided),
    sum(approved), sum(approved_with_conditions), sum(rejected), sum(continued), sum(stopped),
    sum(not_endorsed), sum(withdrawn)
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
-- A summary's change of status into or out of the two changes the aggregates too: before, a
-- change of status alone changed none (the trigger of 0023 compares only what they counted).
CREATE OR REPLACE FUNCTION case_summaries_statistics() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.trust_id, OLD.submitted_at, OLD.scheme, OLD.patient_scope,
      left(OLD.atc_code, 5), OLD.outcome, OLD.continued, OLD.stage_seconds,
      OLD.processing_seconds,
      CASE WHEN OLD.status IN ('notEndorsed', 'withdrawn') THEN OLD.status END)
      IS NOT DISTINCT FROM (NEW.trust_id, NEW.submitted_at, NEW.scheme, NEW.patient_scope,
      left(NEW.atc_code, 5), NEW.outcome, NEW.continued, NEW.stage_seconds,
      NEW.processing_seconds,
      CASE WHEN NEW.status IN ('notEndorsed', 'withdrawn') THEN NEW.status END) THEN
    RETURN NULL;
  END IF;
  PERFORM statistics_change(
    CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN OLD END,
    CASE WHEN TG_OP IN ('UPDATE', 'INSERT') THEN NEW END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The summaries there are: only those that ended without a decision add to the rows they are
-- already counted in (every summary has its row in both tables: it counts as submitted there).
UPDATE statistics_volumes v SET not_endorsed = d.not_endorsed, withdrawn = d.withdrawn
FROM (SELECT r.grain, r.period, r.trust_id, r.scheme, r.patient_scope, r.atc5,
        sum(r.not_endorsed) AS not_endorsed, sum(r.withdrawn) AS withdrawn
      FROM case_summaries s, statistics_volume_rows(s) AS r
      WHERE s.status IN ('notEndorsed', 'withdrawn')
      GROUP BY 1, 2, 3, 4, 5, 6) AS d
WHERE (v.grain, v.period, v.trust_id, v.scheme, v.patient_scope, v.atc5)
  = (d.grain, d.period, d.trust_id, d.scheme, d.patient_scope, d.atc5);
--> statement-breakpoint
UPDATE statistics_scheme_volumes v SET not_endorsed = d.not_endorsed, withdrawn = d.withdrawn
FROM (SELECT grain, period, trust_id, scheme, patient_scope, sum(not_endorsed) AS not_endorsed,
        sum(withdrawn) AS withdrawn
      FROM statistics_volumes
      WHERE not_endorsed <> 0 OR withdrawn <> 0
      GROUP BY 1, 2, 3, 4, 5) AS d
WHERE (v.grain, v.period, v.trust_id, v.scheme, v.patient_scope)
  = (d.grain, d.period, d.trust_id, d.scheme, d.patient_scope);
