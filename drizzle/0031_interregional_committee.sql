ALTER TABLE "case_decisions" ADD COLUMN "interregional_committee" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- ===== Custom SQL (Tilgangsordningen's interregional committee, ADR 0022) =====
-- The time a Tilgangsordningen case spends at the interregional committee is published as its
-- own stage (features/statistics/domain/tables.ts STAGES). No case has been in that status
-- before this migration, so the existing aggregates need no rebuild.
CREATE OR REPLACE FUNCTION statistics_stage_tenths(p_stages jsonb, p_processing bigint)
RETURNS TABLE (stage text, tenths integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT e.key, round(e.value::numeric / 8640)::integer
    FROM jsonb_each_text(p_stages) AS e(key, value)
   WHERE e.key IN ('submitted', 'endorsed', 'underAssessment', 'inConsultation',
                   'awaitingInformation', 'atInterregionalCommittee')
     AND e.value IS NOT NULL
  UNION ALL
  SELECT 'total', round(p_processing::numeric / 8640)::integer WHERE p_processing IS NOT NULL
$$;
