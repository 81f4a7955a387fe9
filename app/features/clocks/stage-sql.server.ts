import { sql, type SQL } from 'drizzle-orm';
import { caseEvents, cases } from '../../db/schema';

/**
 * When a case entered its current status: the latest audit row that changed to it (a subquery
 * on the case row, served by the case_events (case_id, id) index).
 */
export const enteredCurrentStatus: SQL<Date | null> = sql`(
  select max(${caseEvents.createdAt}) from ${caseEvents}
  where ${caseEvents.caseId} = ${cases.id} and ${caseEvents.toStatus} = ${cases.status}
    and ${caseEvents.fromStatus} is distinct from ${caseEvents.toStatus})`.mapWith(
  caseEvents.createdAt,
);
