-- Move the first, minimal application fields into the questionnaire answers.
UPDATE cases SET answers = jsonb_strip_nulls(jsonb_build_object(
  'scheme', scheme,
  'patientScope', patient_scope,
  'patientId', patient_id,
  'drug', CASE WHEN drug <> '' THEN jsonb_build_object('id', NULL, 'label', drug) END,
  'indication', NULLIF(indication, ''),
  'alternativesInsufficient', NULLIF(justification, '')
)) || answers;
--> statement-breakpoint
-- The field-level change history is append-only for the application role.
REVOKE UPDATE, DELETE ON case_changes FROM sp_app;
