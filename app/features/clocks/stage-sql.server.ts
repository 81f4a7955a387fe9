import { sql, type SQL } from 'drizzle-orm';
import { caseEvents } from '../../db/schema';

/**
 * When a case entered its current status: the latest audit row that changed to it (a subquery
 * on the `cases` row of the outer query (by its table name), served by the case_events (case_id, id) index).
 */
export const enteredCurrentStatus: SQL<Date | null> = sql`(
  select max(e.created_at) from case_events e
  where e.case_id = "cases"."id" and e.to_status = "cases"."status"
    and e.from_status is distinct from e.to_status)`.mapWith(caseEvents.createdAt);

/**
 * The last day of the case's open consultation while it is in consultation, else null (a subquery
 * on the `cases` row of the outer query, served by the one-open-consultation index): the stage's
 * due date (`stageDueAt`).
 */
export const openConsultationDeadline: SQL<string | null> = sql<string | null>`(
  case when "cases"."status" = 'inConsultation' then (
    select c.deadline::text from case_consultations c
    where c.case_id = "cases"."id" and c.revoked_at is null and c.answered_at is null) end)`;
