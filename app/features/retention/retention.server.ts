import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database.server';
import { attachments, authEvents, caseEvents, cases } from '../../db/schema';
import { SYSTEM_ROLE } from '../auth/domain/roles';
import { systemUserId } from '../auth/system-user.server';
import { deleteExpiredImports } from '../retrospective/retrospective.server';
import { databaseStorage, type AttachmentStorage } from '../attachments/store.server';
import {
  ANONYMISE_EVENT,
  ANONYMISED_TEXT,
  anonymiseAnswers,
  authEventCutoff,
  ENDED_STATUSES,
  retentionCutoff,
} from './domain/retention';
import { eachApart } from '../../lib/each-apart.server';

/**
 * Free text beside the answers that anyone typed about a case, per case table (docs/security.md
 * § Retention): replaced by ANONYMISED_TEXT. Codes, levels, outcomes, dates, the løpenummer and
 * who did what stay. `retention.int.test.ts` reads the catalogue and fails for a text or JSON
 * column of a case table that is neither here (or in RATINGS, CLEARED) nor listed there as kept.
 */
export const FREE_TEXT: readonly { table: string; columns: readonly string[] }[] = [
  { table: 'case_events', columns: ['reason'] },
  // The decision's parts and the whole text composed from them (the last two are the trust's
  // phrases with the løpenummer, but they are parts of the decision text as sent).
  {
    table: 'case_decisions',
    columns: ['reason', 'conditions', 'text', 'prescription_note', 'invoicing'],
  },
  { table: 'case_endorsements', columns: ['justification'] },
  { table: 'case_leader_inputs', columns: ['body'] },
  { table: 'case_section_comments', columns: ['body'] },
  { table: 'case_preparations', columns: ['notes'] },
  { table: 'case_recommendations', columns: ['text'] },
  { table: 'case_messages', columns: ['body'] },
  { table: 'case_urgency', columns: ['reason'] },
  { table: 'case_outcomes', columns: ['side_effects', 'stop_reason'] },
  { table: 'case_consultations', columns: ['question', 'answer'] },
  // Asked and answered across trusts about the case (features/inquiries): meant to hold no
  // patient data, but typed by people, so treated as the rest.
  { table: 'case_inquiries', columns: ['question', 'answer'] },
];

/**
 * JSON columns holding priority-criteria ratings (`CriteriaRatings`, assessment/domain/criteria.ts:
 * per criterion a `level` and a free `text`): each criterion's text is replaced by
 * ANONYMISED_TEXT, its level kept, so the ratings still count in statistics.
 */
export const RATINGS: readonly { table: string; columns: readonly string[] }[] = [
  { table: 'case_endorsements', columns: ['ratings'] },
  { table: 'case_leader_inputs', columns: ['ratings'] },
  { table: 'case_worksheets', columns: ['ratings'] },
];

/**
 * Free text that must stay unique where set, so it is removed (null) rather than replaced: the
 * trust's own earlier reference of a retrospective case (an archive number, unique per trust).
 */
export const CLEARED: readonly { table: string; columns: readonly string[] }[] = [
  { table: 'retrospective_registrations', columns: ['reference'] },
];

const columnsOf = (list: readonly { table: string; columns: readonly string[] }[]) =>
  list.flatMap(({ table, columns }) => columns.map((column) => ({ table, column })));

/** Replaces, removes and blanks the case's free text (all of it, in the case's transaction). */
async function anonymiseFreeText(tx: Tx, caseId: string): Promise<void> {
  for (const { table, column } of columnsOf(FREE_TEXT)) {
    const c = sql.identifier(column);
    await tx.execute(
      sql`update ${sql.identifier(table)} set ${c} = ${ANONYMISED_TEXT}
          where case_id = ${caseId} and ${c} is not null and ${c} <> ''`,
    );
  }
  for (const { table, column } of columnsOf(RATINGS)) {
    const c = sql.identifier(column);
    // Every member that is an object with a non-empty string `text` gets the text replaced;
    // levels and anything else stay as they are.
    await tx.execute(
      sql`update ${sql.identifier(table)} set ${c} = (
            select coalesce(jsonb_object_agg(e.key,
              case when jsonb_typeof(e.value -> 'text') = 'string' and e.value ->> 'text' <> ''
                then jsonb_set(e.value, '{text}', to_jsonb(${ANONYMISED_TEXT}::text))
                else e.value end), '{}'::jsonb)
            from jsonb_each(${c}) as e)
          where case_id = ${caseId} and jsonb_typeof(${c}) = 'object'`,
    );
  }
  for (const { table, column } of columnsOf(CLEARED)) {
    const c = sql.identifier(column);
    await tx.execute(
      sql`update ${sql.identifier(table)} set ${c} = null where case_id = ${caseId} and ${c} is not null`,
    );
  }
}

/**
 * Whether the case has been anonymised (only an ended case ever is: no query for any other). A
 * use case that adds free text to a case (a message in its dialog) refuses an anonymised one:
 * nothing would ever anonymise the new text.
 */
export async function anonymisedIn(tx: Tx, row: { id: string; status: string }): Promise<boolean> {
  if (!(ENDED_STATUSES as readonly string[]).includes(row.status)) return false;
  const [found] = await tx
    .select({ id: caseEvents.id })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.event, ANONYMISE_EVENT)))
    .limit(1);
  return found !== undefined;
}

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
 * authentication events older than AUTH_EVENT_YEARS, and the retrospective imports' previews no
 * one confirmed in their time (they hold the uploaded rows, patients' identities included). Runs
 * as the table owner across trusts (append-only tables refuse UPDATE and DELETE to the application
 * role), one transaction per case; a second run finds nothing to do.
 */
export async function runRetention(
  db: Db,
  now: Date,
  storage: AttachmentStorage = databaseStorage(),
): Promise<{ anonymised: string[]; authEventsDeleted: number; importPreviewsDeleted: number }> {
  const authEventsDeleted = await deleteOldAuthEvents(db, now);
  const importPreviewsDeleted = await deleteExpiredImports(db, now);
  const anonymised = await anonymiseEndedCases(db, now, storage);
  return { anonymised, authEventsDeleted, importPreviewsDeleted };
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
  // Each case apart: one case's fault (a file that cannot be deleted) leaves the others to be done.
  await eachApart(
    due,
    ({ id }) => `Anonymising case ${id}`,
    async ({ id }) => {
      const done = await db.transaction(async (tx) => {
        const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
        // Re-checked under the lock: another run may have done it meanwhile.
        const still = await dueCases(tx, cutoff, id);
        if (!row || still.length === 0) return false;
        await tx
          .update(cases)
          .set({ answers: anonymiseAnswers(row.answers), version: row.version + 1, updatedAt: now })
          .where(eq(cases.id, id));
        await anonymiseFreeText(tx, id);
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
    },
  );
  return anonymised;
}
