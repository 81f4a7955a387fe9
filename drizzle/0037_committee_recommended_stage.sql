-- ===== Custom SQL (the committee's recommendation is a status, ADR 0028) =====
-- The medical director's time after the committee's recommendation is published as its own stage
-- (features/statistics/domain/tables.ts STAGES). No summary holds a `recommended` stage before
-- this migration, so every existing summary gives the same rows through the new function and the
-- aggregates need no rebuild: the moves below change them through the usual triggers.
CREATE OR REPLACE FUNCTION statistics_stage_tenths(p_stages jsonb, p_processing bigint)
RETURNS TABLE (stage text, tenths integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT e.key, round(e.value::numeric / 8640)::integer
    FROM jsonb_each_text(p_stages) AS e(key, value)
   WHERE e.key IN ('submitted', 'endorsed', 'underAssessment', 'recommended', 'inConsultation',
                   'awaitingInformation', 'atInterregionalCommittee')
     AND e.value IS NOT NULL
  UNION ALL
  SELECT 'total', round(p_processing::numeric / 8640)::integer WHERE p_processing IS NOT NULL
$$;
--> statement-breakpoint
-- A case under assessment whose committee has recommended since the case last entered the
-- assessment was, in the new workflow, recommended then: it moves to `recommended`, with its
-- version bumped as every status change bumps it (a form shown before is stale).
UPDATE cases AS c
   SET status = 'recommended', version = c.version + 1
 WHERE c.status = 'underAssessment'
   AND (SELECT max(r.created_at) FROM case_recommendations r WHERE r.case_id = c.id)
     > (SELECT max(e.created_at) FROM case_events e
         WHERE e.case_id = c.id AND e.to_status = 'underAssessment'
           AND e.from_status IS DISTINCT FROM e.to_status);
--> statement-breakpoint
-- Their `recommend` event, as the use case now writes it: by the newest recommendation's author in
-- the role they gave it in, at its time, with its text as the reason: for every case in
-- `recommended` without an event into it (exactly the cases moved above). The insert refreshes each
-- case's national summary (and through it the statistics aggregates) by the usual triggers: the
-- assessment's time now ends at the recommendation.
INSERT INTO case_events (case_id, trust_id, event, from_status, to_status, actor_id, actor_role,
                         reason, created_at)
SELECT r.case_id, r.trust_id, 'recommend', 'underAssessment', 'recommended', r.author_id,
       r.author_role, r.text, r.created_at
  FROM (SELECT DISTINCT ON (x.case_id) x.*
          FROM case_recommendations x
          JOIN cases c ON c.id = x.case_id AND c.status = 'recommended'
         WHERE NOT EXISTS (SELECT 1 FROM case_events e
                            WHERE e.case_id = x.case_id AND e.to_status = 'recommended')
         ORDER BY x.case_id, x.created_at DESC, x.id DESC) AS r
 ORDER BY r.created_at, r.case_id;
