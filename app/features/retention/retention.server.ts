import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.server';
import { attachments, authEvents, caseEvents, cases } from '../../db/schema';
import { SYSTEM_ROLE } from '../auth/domain/roles';
import { systemUserId } from '../auth/system-user.server';
import { databaseStorage, type AttachmentStorage } from '../attachments/store.server';
import {
  ANONYMISE_EVENT,
  ANONYMISED_TEXT,
  anonymiseAnswers,
  authEventCutoff,
  ENDED_STATUSES,
  retentionCutoff,
} from './domain/retention';

/**
 * Free text beside the answers that may describe the patient, per case table: replaced by
 * ANONYMISED_TEXT. Codes, outcomes, dates, the løpenummer and who did what stay.
 */
const FREE_TEXT: readonly { table: string; columns: readonly string[] }[] = [
  { table: 'case_events', columns: ['reason'] },
  { table: 'case_decisions', columns: ['reason', 'conditions', 'text'] },
  { table: 'case_endorsements', columns: ['justification'] },
  { table: 'case_section_comments', columns: ['body'] },
  { table: 'case_preparations', columns: ['notes'] },
  { table: 'case_recommendations', columns: ['text'] },
  { table: 'case_messages', columns: ['body'] },
  { table: 'case_urgency', columns: ['reason'] },
  { table: 'case_outcomes', columns: ['side_effects', 'stop_reason'] },
  { table: 'case_consultations', columns: ['question', 'answer'] },
];

/** Ended cases whose last event is older than the cutoff and that are not yet anonymised. */
const dueCases = (db: Db | Tx, cutoff: Date, only?: string) =>
  db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        only === undefined ? undefined : eq(cases.id, only),
        inArray(cases.status, [...ENDED_STATUSES]),
        sql`(select max(e.created_at) from case_events e where e.case_id = ${cases.id}) < ${cutoff.toISOString()}`,
        sql`not exists (select 1 from case_events e where e.case_id = ${cases.id} and e.event = ${ANONYMISE_EVENT})`,
      ),
    );

/**
 * Anonymises the patient data of every case that ended more than PATIENT_DATA_YEARS before `now`
 * (the injected clock): the answers keep only the non-personal summary, free text is replaced,
 * attachments (bytes and names) are removed, and an `anonymise` event is written. Deletes the
 * authentication events older than AUTH_EVENT_YEARS. Runs as the table owner across trusts
 * (append-only tables refuse UPDATE and DELETE to the application role), one transaction per
 * case; a second run finds nothing to do.
 */
export async function runRetention(
  db: Db,
  now: Date,
  storage: AttachmentStorage = databaseStorage(),
): Promise<{ anonymised: string[]; authEventsDeleted: number }> {
  const authEventsDeleted = await deleteOldAuthEvents(db, now);
  const anonymised = await anonymiseEndedCases(db, now, storage);
  return { anonymised, authEventsDeleted };
}

/** Deletes the authentication events older than the period (`authEventCutoff`); how many. */
async function deleteOldAuthEvents(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(authEvents)
    .where(lt(authEvents.createdAt, authEventCutoff(now)))
    .returning({ id: authEvents.id });
  return gone.length;
}

async function anonymiseEndedCases(
  db: Db,
  now: Date,
  storage: AttachmentStorage,
): Promise<string[]> {
  const cutoff = retentionCutoff(now);
  const due = await dueCases(db, cutoff);
  if (due.length === 0) return [];
  const actorId = await systemUserId(db);
  const anonymised: string[] = [];
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
      // Re-checked under the lock: another run may have done it meanwhile.
      const still = await dueCases(tx, cutoff, id);
      if (!row || still.length === 0) return false;
      await tx
        .update(cases)
        .set({ answers: anonymiseAnswers(row.answers), version: row.version + 1, updatedAt: now })
        .where(eq(cases.id, id));
      for (const { table, columns } of FREE_TEXT) {
        for (const column of columns) {
          await tx.execute(
            sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${ANONYMISED_TEXT}
                where case_id = ${id} and ${sql.identifier(column)} is not null and ${sql.identifier(column)} <> ''`,
          );
        }
      }
      const files = await tx
        .select({ key: attachments.storageKey })
        .from(attachments)
        .where(eq(attachments.caseId, id));
      const store = storage.open(tx, row.trustId);
      for (const file of files) await store.delete(file.key);
      await tx.delete(attachments).where(eq(attachments.caseId, id));
      await tx.insert(caseEvents).values({
        caseId: id,
        trustId: row.trustId,
        event: ANONYMISE_EVENT,
        fromStatus: row.status,
        toStatus: row.status,
        actorId,
        actorRole: SYSTEM_ROLE,
        reason: null,
        createdAt: now,
      });
      return true;
    });
    if (done) anonymised.push(id);
  }
  return anonymised;
}
