import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import {
  attachmentContents,
  attachments,
  caseConsultations,
  caseDecisions,
  caseEndorsements,
  caseEvents,
  caseInquiries,
  caseLeaderInputs,
  caseMessages,
  caseOutcomes,
  casePreparations,
  caseRecommendations,
  cases,
  caseSectionComments,
  caseUrgency,
  caseWorksheets,
  retrospectiveRegistrations,
  trusts,
} from '../../db/schema';
import type { CriteriaRatings } from '../assessment/domain/criteria';
import { CaseError } from '../cases/domain/errors';
import { loadDialogPage, postMessage } from '../dialog/dialog.server';
import { refusal } from '../../test/refusals';
import { completeAnswers, TEST_PATIENT_IDS } from '../../test/actors';
import { prepareCase, type PreparedCase, type TrustActors } from '../../test/case-states';
import { demoActors } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { ANONYMISED_TEXT, PATIENT_DATA_YEARS } from './domain/retention';
import { CLEARED, FREE_TEXT, RATINGS, runRetention } from './retention.server';

const YEAR = 365.25 * 86_400_000;

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];

/** What someone typed into `table.column` of the old case: unique, so a leftover is found. */
const TYPED = 'Skrevet-om-pasienten';
const typed = (place: string) => `${TYPED} ${place}`;
const typedRatings = (table: string): CriteriaRatings => ({
  severity: { level: 4, text: typed(`${table}.ratings.severity`) },
  benefit: { level: 3, text: typed(`${table}.ratings.benefit`) },
  resourceUse: { level: 2, text: typed(`${table}.ratings.resourceUse`) },
});
const anonymisedRatings = {
  severity: { level: 4, text: ANONYMISED_TEXT },
  benefit: { level: 3, text: ANONYMISED_TEXT },
  resourceUse: { level: 2, text: ANONYMISED_TEXT },
};

/**
 * Text and JSON columns of the case tables (the catalogue's tables with a `case_id`, and `cases`)
 * that hold nothing anyone typed about the patient: kept by the retention job. With FREE_TEXT,
 * RATINGS, CLEARED and HANDLED below, every such column must be named exactly once.
 */
const KEPT: Record<string, readonly string[]> = {
  // The answers are anonymised apart (anonymiseAnswers); the FEST snapshot is the drug's facts.
  cases: ['case_number', 'status', 'fest_snapshot'],
  case_events: ['event', 'from_status', 'to_status', 'actor_role'],
  case_decisions: ['outcome'],
  case_endorsements: ['verdict'],
  case_leaders: ['kind'],
  case_worksheets: ['author_role'],
  case_section_comments: ['section_id', 'author_role'],
  case_recommendations: ['outcome', 'author_role'],
  case_messages: ['author_role', 'visibility'],
  case_urgency: ['actor_role'],
  case_outcomes: ['effect'],
  case_changes: ['question_id'],
  stage_alerts: ['status', 'kind'],
  access_log: ['role', 'action', 'purpose', 'object_id', 'prev_hash', 'hash'],
  notifications: ['kind', 'case_number'],
  case_inquiries: ['status'],
  // The national summary: codes, dates and the drug as chosen; `conditions` is below (derived).
  case_summaries: [
    'case_number',
    'status',
    'scheme',
    'patient_scope',
    'drug_label',
    'fest_product_id',
    'substance',
    'atc_code',
    'diagnosis_codes',
    'primary_diagnosis',
    'outcome',
    'stage_seconds',
  ],
};

/** Columns the job clears by other means: the answers, deleted rows, a derived copy. */
const HANDLED: Record<string, readonly string[]> = {
  cases: ['answers'], // anonymiseAnswers
  attachments: ['file_name', 'mime_type', 'sha256', 'storage_key'], // rows deleted
  // The latest decision's conditions, recomputed by refresh_case_summary() when the `anonymise`
  // event is inserted (after the decisions' free text is replaced).
  case_summaries: ['conditions'],
};

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
    await seedTypedText(database, old.caseId);
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

  /** Free text in every table that holds some, as each feature would write it, for the case. */
  async function seedTypedText(database: Database, caseId: string) {
    const db = database.db;
    const trustId = hbe.applicant.trustId;
    const [other] = await db
      .select({ id: trusts.id })
      .from(trusts)
      .where(sql`${trusts.id} <> ${trustId}`)
      .limit(1);
    if (!other) throw new Error('no other trust');
    const [last] = await db
      .select({ version: sql<number>`max(${caseDecisions.version})` })
      .from(caseDecisions)
      .where(eq(caseDecisions.caseId, caseId));
    const base = { caseId, trustId };
    await db.insert(caseEvents).values({
      ...base,
      event: 'assignCommitteeMember',
      fromStatus: 'closed',
      toStatus: 'closed',
      actorId: hbe.decisionMaker.userId,
      actorRole: 'decisionMaker',
      reason: typed('case_events.reason'),
    });
    await db.insert(caseDecisions).values({
      ...base,
      version: (last?.version ?? 0) + 1,
      outcome: 'approved',
      reason: typed('case_decisions.reason'),
      conditions: typed('case_decisions.conditions'),
      text: typed('case_decisions.text'),
      prescriptionNote: typed('case_decisions.prescription_note'),
      invoicing: typed('case_decisions.invoicing'),
      decidedBy: hbe.decisionMaker.userId,
    });
    await db.insert(caseEndorsements).values({
      ...base,
      authorId: hbe.endorser.userId,
      verdict: 'endorse',
      ratings: typedRatings('case_endorsements'),
      justification: typed('case_endorsements.justification'),
    });
    await db.insert(caseLeaderInputs).values({
      ...base,
      authorId: hbe.endorser.userId,
      ratings: typedRatings('case_leader_inputs'),
      body: typed('case_leader_inputs.body'),
    });
    await db
      .insert(caseWorksheets)
      .values({
        ...base,
        authorId: hbe.assessor.userId,
        authorRole: 'assessor',
        ratings: typedRatings('case_worksheets'),
      })
      .onConflictDoUpdate({
        target: [caseWorksheets.caseId, caseWorksheets.authorId],
        set: { ratings: typedRatings('case_worksheets') },
      });
    await db.insert(caseSectionComments).values({
      ...base,
      sectionId: 'patient',
      authorId: hbe.assessor.userId,
      authorRole: 'assessor',
      body: typed('case_section_comments.body'),
    });
    await db
      .insert(casePreparations)
      .values({ ...base, notes: typed('case_preparations.notes'), updatedBy: hbe.assessor.userId })
      .onConflictDoUpdate({
        target: casePreparations.caseId,
        set: { notes: typed('case_preparations.notes') },
      });
    await db.insert(caseRecommendations).values({
      ...base,
      outcome: 'approved',
      text: typed('case_recommendations.text'),
      authorId: hbe.assessor.userId,
      authorRole: 'assessor',
    });
    await db.insert(caseMessages).values({
      ...base,
      authorId: hbe.applicant.userId,
      authorRole: 'applicant',
      visibility: 'case',
      body: typed('case_messages.body'),
    });
    await db.insert(caseUrgency).values({
      ...base,
      urgent: true,
      reason: typed('case_urgency.reason'),
      actorId: hbe.applicant.userId,
      actorRole: 'applicant',
    });
    await db.insert(caseOutcomes).values({
      ...base,
      effect: 'partial',
      sideEffects: typed('case_outcomes.side_effects'),
      continued: false,
      stopReason: typed('case_outcomes.stop_reason'),
      recordedBy: hbe.applicant.userId,
    });
    await db.insert(caseConsultations).values({
      ...base,
      consultedTrustId: other.id,
      question: typed('case_consultations.question'),
      deadline: '2026-01-31',
      requestedBy: hbe.decisionMaker.userId,
      revokedAt: new Date(),
      revokedBy: hbe.decisionMaker.userId,
      answer: typed('case_consultations.answer'),
    });
    // Another trust's question and the answer (features/inquiries), answered by the director.
    await db.insert(caseInquiries).values({
      ...base,
      askerTrustId: other.id,
      askedBy: hbe.nationalReader.userId,
      question: typed('case_inquiries.question'),
      status: 'answered',
      version: 2,
      answer: typed('case_inquiries.answer'),
      answeredBy: hbe.decisionMaker.userId,
      answeredAt: new Date(),
    });
    await db.insert(retrospectiveRegistrations).values({
      ...base,
      reference: typed('retrospective_registrations.reference'),
      registeredBy: hbe.applicant.userId,
    });
  }

  /** The case tables: the catalogue's tables with a `case_id` column, and `cases`. */
  const caseTables = async () =>
    rowsOf(
      await database.db.execute(sql`
        select table_name as "table" from information_schema.columns
        where table_schema = 'public' and column_name = 'case_id'
        order by table_name`),
    ).map((r) => String(r.table));

  /** Every typed string still found in any of the case's rows, in any table. */
  const typedLeft = async (caseId: string): Promise<string[]> => {
    const found: string[] = [];
    for (const table of ['cases', ...(await caseTables())]) {
      const key = sql.identifier(table === 'cases' ? 'id' : 'case_id');
      const rows = rowsOf(
        await database.db.execute(
          sql`select t::text as row from ${sql.identifier(table)} t where ${key} = ${caseId}`,
        ),
      );
      for (const { row } of rows) {
        for (const m of String(row).matchAll(/Skrevet-om-pasienten ([a-z_.A-Z]+)/g)) {
          found.push(`${table}: ${m[1]}`);
        }
      }
    }
    return found.sort();
  };

  /** Every place seeded by seedTypedText (the ratings' texts, one per criterion). */
  const seededPlaces = [
    ...FREE_TEXT.flatMap(({ table, columns }) => columns.map((c) => `${table}: ${table}.${c}`)),
    ...RATINGS.flatMap(({ table }) =>
      ['severity', 'benefit', 'resourceUse'].map((c) => `${table}: ${table}.ratings.${c}`),
    ),
    ...CLEARED.flatMap(({ table, columns }) => columns.map((c) => `${table}: ${table}.${c}`)),
    'case_summaries: case_decisions.conditions',
  ];

  it('classifies every text and JSON column of the case tables: anonymised, cleared or kept', async () => {
    const tables = ['cases', ...(await caseTables())];
    const columns = rowsOf(
      await database.db.execute(sql`
        select table_name as "table", column_name as "column" from information_schema.columns
        where table_schema = 'public' and udt_name in ('text', 'varchar', 'bpchar', 'json', 'jsonb', '_text', '_varchar')
        order by table_name, column_name`),
    )
      .filter((r) => tables.includes(String(r.table)))
      .map((r) => `${String(r.table)}.${String(r.column)}`);
    const named = [
      ...[...FREE_TEXT, ...RATINGS, ...CLEARED].flatMap(({ table, columns }) =>
        columns.map((c) => `${table}.${c}`),
      ),
      ...[KEPT, HANDLED].flatMap((list) =>
        Object.entries(list).flatMap(([table, cs]) => cs.map((c) => `${table}.${c}`)),
      ),
    ];
    expect(new Set(named).size).toBe(named.length);
    expect(named.sort()).toEqual(columns.sort());
  });

  const caseRow = async (id: string) => {
    const [row] = await database.db.select().from(cases).where(eq(cases.id, id));
    if (!row) throw new Error('no case');
    return row;
  };

  it('anonymises the patient data of a case closed longer ago than the period, keeping the summary', async () => {
    // Before: the typed text is in every table that holds free text (and the summary's copy).
    expect(await typedLeft(old.caseId)).toEqual([...new Set(seededPlaces)].sort());
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
    expect(messages.map((m) => m.body)).toEqual([ANONYMISED_TEXT, ANONYMISED_TEXT]);
    // No typed text is left in any of the case's rows, in any table.
    expect(await typedLeft(old.caseId)).toEqual([]);
    // The ratings keep their levels (statistics), the texts are gone; the reference is removed.
    for (const table of [caseEndorsements, caseLeaderInputs, caseWorksheets]) {
      const rows = await database.db
        .select({ ratings: table.ratings })
        .from(table)
        .where(eq(table.caseId, old.caseId));
      expect(rows.map((r) => r.ratings)).toContainEqual(anonymisedRatings);
      for (const { ratings } of rows) {
        for (const rating of Object.values(ratings ?? {})) {
          expect(rating.text).toBe(ANONYMISED_TEXT);
        }
      }
    }
    const [registration] = await database.db
      .select({ reference: retrospectiveRegistrations.reference })
      .from(retrospectiveRegistrations)
      .where(eq(retrospectiveRegistrations.caseId, old.caseId));
    expect(registration).toEqual({ reference: null });
    // The audit trail says so.
    const [event] = await database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, old.caseId), eq(caseEvents.event, 'anonymise')));
    expect(event).toMatchObject({ actorRole: 'system', fromStatus: 'closed', toStatus: 'closed' });
  });

  it('takes no new message on an anonymised case (nothing would anonymise it), but does on a recent one', async () => {
    const post = (caseId: string) =>
      postMessage(database.db, hbe.applicant, caseId, { body: 'Ny tekst.', visibility: 'case' });
    expect(await refusal(post(old.caseId), CaseError)).toBe('anonymised');
    expect((await loadDialogPage(database.db, hbe.applicant, old.caseId)).canPostAs).toEqual([]);
    const messages = await database.db
      .select({ body: caseMessages.body })
      .from(caseMessages)
      .where(eq(caseMessages.caseId, old.caseId));
    expect(messages.map((m) => m.body)).toEqual([ANONYMISED_TEXT, ANONYMISED_TEXT]);
    expect(await post(recent.caseId)).toMatchObject({ ok: true });
    expect((await loadDialogPage(database.db, hbe.applicant, recent.caseId)).canPostAs).not.toEqual(
      [],
    );
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
      importPreviewsDeleted: 0,
    });
    expect((await caseRow(old.caseId)).version).toBe(version);
    const events = await database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, old.caseId), eq(caseEvents.event, 'anonymise')));
    expect(events).toHaveLength(1);
  });
});
