import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import {
  attachmentContents,
  attachments,
  caseDecisions,
  caseEvents,
  caseMessages,
  cases,
} from '../../db/schema';
import { postMessage } from '../dialog/dialog.server';
import { completeAnswers, TEST_PATIENT_IDS } from '../../test/actors';
import { prepareCase, type PreparedCase, type TrustActors } from '../../test/case-states';
import { demoActors } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { ANONYMISED_TEXT, PATIENT_DATA_YEARS } from './domain/retention';
import { runRetention } from './retention.server';

const YEAR = 365.25 * 86_400_000;

describe.each(TEST_DATABASES)('retention on %s', (kind) => {
  let database: Database;
  let hbe: TrustActors;
  let old: PreparedCase;
  let recent: PreparedCase;
  let open: PreparedCase;
  /**
   * "Now" as the job sees it: half a year short of the period after the cases were made, so only
   * the cases whose events were moved a year back have ended longer ago than the period.
   */
  const later = () => new Date(Date.now() + (PATIENT_DATA_YEARS - 0.5) * YEAR);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    hbe = await demoActors(db, 'HBE');
    old = await prepareCase(db, hbe, 'closed');
    await postMessage(db, hbe.applicant, old.caseId, {
      body: 'Pasienten er bedre.',
      visibility: 'case',
    });
    recent = await prepareCase(db, hbe, 'closed');
    open = await prepareCase(db, hbe, 'underAssessment');
    // The old case ended long ago, the open one was last touched as long ago: move their events
    // back (as the owner: the audit table is append-only for the application role).
    for (const c of [old, open]) {
      await db
        .update(caseEvents)
        .set({ createdAt: sql`${caseEvents.createdAt} - interval '1 year'` })
        .where(eq(caseEvents.caseId, c.caseId));
    }
  });
  afterAll(() => database.close());

  const caseRow = async (id: string) => {
    const [row] = await database.db.select().from(cases).where(eq(cases.id, id));
    if (!row) throw new Error('no case');
    return row;
  };

  it('anonymises the patient data of a case closed longer ago than the period, keeping the summary', async () => {
    const before = await caseRow(old.caseId);
    const result = await runRetention(database.db, later());
    expect(result.anonymised).toEqual([old.caseId]);
    const after = await caseRow(old.caseId);
    expect(after.answers).toEqual({
      scheme: completeAnswers.scheme,
      patientScope: completeAnswers.patientScope,
      drug: completeAnswers.drug,
      diagnoses: completeAnswers.diagnoses,
    });
    expect(JSON.stringify(after.answers)).not.toContain(TEST_PATIENT_IDS[0]);
    // The summary for statistics is intact.
    expect(after.caseNumber).toBe(before.caseNumber);
    expect(after.status).toBe('closed');
    expect(after.submittedAt).toEqual(before.submittedAt);
    const [decision] = await database.db
      .select()
      .from(caseDecisions)
      .where(eq(caseDecisions.caseId, old.caseId));
    expect(decision?.outcome).toBe('approved');
    expect(decision?.reason).toBe(ANONYMISED_TEXT);
    // Attachments: bytes and names gone.
    expect(
      await database.db.select().from(attachments).where(eq(attachments.caseId, old.caseId)),
    ).toEqual([]);
    expect(
      await database.db
        .select()
        .from(attachmentContents)
        .where(eq(attachmentContents.trustId, before.trustId)),
    ).toHaveLength(2); // the recent and the open case's files
    const messages = await database.db
      .select({ body: caseMessages.body })
      .from(caseMessages)
      .where(eq(caseMessages.caseId, old.caseId));
    expect(messages.map((m) => m.body)).toEqual([ANONYMISED_TEXT]);
    // The audit trail says so.
    const [event] = await database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, old.caseId), eq(caseEvents.event, 'anonymise')));
    expect(event).toMatchObject({ actorRole: 'system', fromStatus: 'closed', toStatus: 'closed' });
  });

  it('leaves a recently closed case and an open case untouched', async () => {
    expect((await caseRow(recent.caseId)).answers).toEqual(completeAnswers);
    expect((await caseRow(open.caseId)).answers).toEqual(completeAnswers);
    expect(
      await database.db.select().from(attachments).where(eq(attachments.caseId, recent.caseId)),
    ).toHaveLength(1);
  });

  it('does nothing on a second run', async () => {
    const version = (await caseRow(old.caseId)).version;
    expect(await runRetention(database.db, later())).toEqual({
      anonymised: [],
      authEventsDeleted: 0,
    });
    expect((await caseRow(old.caseId)).version).toBe(version);
    const events = await database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, old.caseId), eq(caseEvents.event, 'anonymise')));
    expect(events).toHaveLength(1);
  });
});
