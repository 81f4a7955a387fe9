-- Audit records, decisions and the access log are append-only for the application role.
REVOKE UPDATE, DELETE ON case_events, case_decisions, access_log FROM sp_app;
--> statement-breakpoint
-- Sessions and reference data are read by the application role; only the seed/admin (owner) writes trusts.
REVOKE INSERT, UPDATE, DELETE ON trusts FROM sp_app;
