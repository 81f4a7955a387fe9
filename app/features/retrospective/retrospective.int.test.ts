import ExcelJS from 'exceljs';
import { asc, eq, sql } from 'drizzle-orm';
import { retrospectiveValues } from '../../test/retrospective';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import {
  caseDecisions,
  caseEvents,
  caseOutcomes,
  cases,
  caseSummaries,
  retrospectiveImports,
} from '../../db/schema';
import { msg } from '../../i18n';
import { demoActors } from '../../test/actors';
import { stateOf } from '../../test/case-states';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { lastMigrationStatement } from '../../test/migrations';
import { runStageAlerts } from '../clocks/clocks.server';
import { getCaseIn, inCasePage } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import { runFollowUps } from '../followup/followup.server';
import { reportLines } from './ui/ImportReport';
import { RETRO_COLUMNS, type RetroValues } from './domain/retrospective';
import {
  checkImport,
  confirmImport,
  deleteExpiredImports,
  listRetrospective,
  previewImport,
  registerRetrospective,
  registrationForm,
  retrospectiveNoteIn,
} from './retrospective.server';
import { parseSpreadsheet } from './spreadsheet.server';

const row = retrospectiveValues;

/** The last statement of migration 0054: the one-time refresh of the registered cases' summaries. */
const MIGRATION_REFRESH = lastMigrationStatement(
  '0054_retrospective_stage_seconds',
  'refresh_case_summary(c.id)',
);

const csvOf = (rows: RetroValues[]) =>
  new TextEncoder().encode(
    `\uFEFF${[
      RETRO_COLUMNS.map((c) => msg.retrospective.columns[c]),
      ...rows.map((r) => RETRO_COLUMNS.map((c) => r[c])),
    ]
      .map((cells) => cells.join(';'))
      .join('\n')}\n`,
  );

async function xlsxOf(rows: RetroValues[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Saker');
  sheet.addRow(RETRO_COLUMNS.map((c) => msg.retrospective.columns[c]));
  for (const r of rows) sheet.addRow(RETRO_COLUMNS.map((c) => r[c]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function sheetRows(file: Uint8Array) {
  const parsed = await parseSpreadsheet(file);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rows;
}

describe.each(TEST_DATABASES)('etterregistrering on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let ous: Awaited<ReturnType<typeof demoActors>>;
  const db = () => database.db;
  const countCases = async () =>
    (
      await db()
        .select({ count: sql<number>`count(*)::int` })
        .from(cases)
    )[0]?.count ?? 0;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    ous = await demoActors(database.db, 'OUS');
  });
  afterAll(() => database.close());

  it('registers one case: løpenummer of the original year, original dates, summary', async () => {
    const before = new Date();
    const result = await registerRetrospective(
      db(),
      hbe.decisionMaker,
      row({ reference: 'ePhorte 2024/77', followUp: 'fortsatt' }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.caseNumber).toBe('HBE-2024-00001');
    const second = await registerRetrospective(
      db(),
      hbe.trustAdmin,
      row({
        submittedDate: '2024-12-30',
        decidedDate: '2025-01-03',
        outcome: 'avslått',
        conditions: '',
      }),
    );
    if (!second.ok) throw new Error(JSON.stringify(second.errors));
    expect(second.caseNumber).toBe('HBE-2024-00002');

    const [c] = await db().select().from(cases).where(eq(cases.id, result.caseId));
    expect(c).toMatchObject({
      retrospective: true,
      status: 'closed',
      applicantId: hbe.decisionMaker.userId,
      submittedAt: new Date('2024-11-15T12:00:00Z'),
      answers: {
        scheme: 'offLabel',
        patientScope: 'single',
        diagnoses: ['ICD10:C83.3', 'ICD10:C50.9'],
        drug: { id: null, label: 'Rituximab 500 mg', atc: 'L01FA01', substance: 'rituksimab' },
      },
    });
    expect(c?.answers.patientId).toBeUndefined();

    const events = await db()
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, result.caseId))
      .orderBy(asc(caseEvents.id));
    expect(
      events.map((e) => [
        e.event,
        e.fromStatus,
        e.toStatus,
        e.createdAt.toISOString().slice(0, 10),
      ]),
    ).toEqual([
      ['create', null, 'draft', '2024-11-15'],
      ['submit', 'draft', 'submitted', '2024-11-15'],
      ['decide', 'submitted', 'decided', '2025-01-10'],
      ['beginFollowUp', 'decided', 'followUp', '2025-01-10'],
      ['recordOutcome', 'followUp', 'closed', '2025-01-10'],
      ['registerRetrospective', 'closed', 'closed', expect.any(String)],
    ]);
    expect(events.every((e) => e.actorId === hbe.decisionMaker.userId)).toBe(true);
    expect(events[2]?.reason).toContain('Etterregistrering');
    expect(events[5]?.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(events[5]?.reason).toContain('ePhorte 2024/77');

    const [decision] = await db()
      .select()
      .from(caseDecisions)
      .where(eq(caseDecisions.caseId, result.caseId));
    expect(decision).toMatchObject({
      version: 1,
      outcome: 'approvedWithConditions',
      conditions: 'Evaluering etter seks måneder.',
      decidedAt: new Date('2025-01-10T12:00:00Z'),
      evaluationDate: null,
    });
    const [outcome] = await db()
      .select()
      .from(caseOutcomes)
      .where(eq(caseOutcomes.caseId, result.caseId));
    expect(outcome?.continued).toBe(true);

    const [summary] = await db()
      .select()
      .from(caseSummaries)
      .where(eq(caseSummaries.caseId, result.caseId));
    expect(summary).toMatchObject({
      caseNumber: 'HBE-2024-00001',
      retrospective: true,
      status: 'closed',
      outcome: 'approvedWithConditions',
      atcCode: 'L01FA01',
      substance: 'rituksimab',
      primaryDiagnosis: 'ICD10:C83.3',
      submittedAt: new Date('2024-11-15T12:00:00Z'),
      decidedAt: new Date('2025-01-10T12:00:00Z'),
      continued: true,
      processingSeconds: 56 * 24 * 3600,
    });
    // The portal knows when it was sent and decided, not how long it was in each stage between:
    // no stage times (the statistics' time per stage would read 56 days waiting for endorsement).
    expect(summary?.stageSeconds).toEqual({});
    // A summary written before migration 0054 (the whole time in «Til forankring») is mended by
    // the migration's refresh.
    await db()
      .update(caseSummaries)
      .set({ stageSeconds: { draft: 0, submitted: 56 * 24 * 3600 } })
      .where(eq(caseSummaries.caseId, result.caseId));
    await db().execute(sql.raw(MIGRATION_REFRESH));
    const [mended] = await db()
      .select({ stageSeconds: caseSummaries.stageSeconds })
      .from(caseSummaries)
      .where(eq(caseSummaries.caseId, result.caseId));
    expect(mended?.stageSeconds).toEqual({});

    const [rejected] = await db()
      .select()
      .from(caseSummaries)
      .where(eq(caseSummaries.caseId, second.caseId));
    expect(rejected).toMatchObject({ status: 'decided', outcome: 'rejected', retrospective: true });

    // Another trust cannot read the registration, even when asking for it by the case's id.
    const asked = { id: result.caseId, retrospective: true };
    expect(
      await inCasePage(db(), ous.decisionMaker, (tx) => retrospectiveNoteIn(tx, asked)),
    ).toBeNull();
    expect(
      await inCasePage(db(), hbe.decisionMaker, (tx) => retrospectiveNoteIn(tx, asked)),
    ).toMatchObject({ registeredBy: 'Per Vik', reference: 'ePhorte 2024/77' });
    // The case page reads the note of a case marked as registered after the fact, of no other.
    await inCasePage(db(), hbe.decisionMaker, async (tx) => {
      const view = await getCaseIn(tx, hbe.decisionMaker, result.caseId);
      expect(view.retrospective).toBe(true);
      expect(await retrospectiveNoteIn(tx, view)).toMatchObject({ reference: 'ePhorte 2024/77' });
      expect(await retrospectiveNoteIn(tx, { ...view, retrospective: false })).toBeNull();
    });
    const listed = await listRetrospective(db(), hbe.trustAdmin);
    expect(listed.map((l) => l.caseNumber).sort()).toEqual(['HBE-2024-00001', 'HBE-2024-00002']);
  });

  it('keeps the jobs away: no follow-up move, no stage alerts', async () => {
    const result = await registerRetrospective(
      db(),
      hbe.decisionMaker,
      row({ submittedDate: '01.02.2023', decidedDate: '01.03.2023' }),
    );
    if (!result.ok) throw new Error('not registered');
    await runFollowUps(db(), new Date('2030-01-01T12:00:00Z'));
    await runStageAlerts(db(), new Date('2030-01-01T12:00:00Z'));
    expect(await stateOf(db(), result.caseId)).toEqual({ status: 'decided', version: 3 });
  });

  it('refuses bad input with an error per field, and other roles and trusts', async () => {
    expect(
      await registerRetrospective(
        db(),
        hbe.decisionMaker,
        row({
          department: 'Kreftklinikken',
          decidedDate: '01.11.2024',
          drugId: 'ID_FINNES_IKKE',
          reference: 'ePhorte 2024/77',
        }),
      ),
    ).toEqual({
      ok: false,
      errors: {
        department: 'departmentUnknown',
        decidedDate: 'decidedBeforeSubmitted',
        drugId: 'drugUnknown',
        reference: 'referenceExists',
      },
    });
    for (const role of [
      'applicant',
      'endorser',
      'assessor',
      'nationalReader',
      'coAuthor',
    ] as const) {
      await expect(registerRetrospective(db(), hbe[role], row())).rejects.toEqual(
        new CaseError('forbidden'),
      );
      await expect(checkImport(db(), hbe[role], 'f.csv', [])).rejects.toEqual(
        new CaseError('forbidden'),
      );
    }
  });

  it("offers the trust's departments and today in Norway as the date fields' last day; later dates are refused", async () => {
    // 23:30 UTC on New Year's Eve is already the new year in Norway.
    const now = new Date('2026-12-31T23:30:00Z');
    const form = await registrationForm(db(), hbe.decisionMaker, now);
    expect(form.today).toBe('2027-01-01');
    expect(form.departments).toContain(row().department);
    // As the date fields send them (YYYY-MM-DD): today is taken, tomorrow is not.
    const tomorrow = row({ submittedDate: '2027-01-02', decidedDate: '2027-01-02' });
    expect(await registerRetrospective(db(), hbe.decisionMaker, tomorrow, now)).toEqual({
      ok: false,
      errors: { submittedDate: 'dateInFuture', decidedDate: 'dateInFuture' },
    });
    const reversed = row({ submittedDate: '2027-01-01', decidedDate: '2026-12-31' });
    expect(await registerRetrospective(db(), hbe.decisionMaker, reversed, now)).toEqual({
      ok: false,
      errors: { decidedDate: 'decidedBeforeSubmitted' },
    });
    await expect(registrationForm(db(), hbe.applicant, now)).rejects.toEqual(
      new CaseError('forbidden'),
    );
  });

  it('bulk: a bad and a mixed file import nothing and report every bad row; a good file imports all', async () => {
    const before = await countCases();

    const bad = await checkImport(
      db(),
      hbe.decisionMaker,
      'feil.csv',
      await sheetRows(
        csvOf([
          row({ outcome: 'kanskje' }),
          row({ mainDiagnosis: 'ZZZ' }),
          row({ scheme: 'Tilgangsordningen', patientScope: 'pasientgruppe' }),
        ]),
      ),
    );
    expect(bad.ok).toBe(false);
    expect(reportLines(bad.reports)).toEqual([
      'Rad 2, Vedtak: skriv innvilget, innvilget med vilkår eller avslått',
      'Rad 3, Hoveddiagnose: ukjent ICD-10-kode',
      'Rad 4, Pasient eller gruppe: unntaksordningen og tilgangsordningen gjelder én pasient – skriv enkeltpasient, eller bruk en annen ordning',
    ]);

    const mixedFile = await xlsxOf([
      row({ reference: 'M-1' }),
      row({ reference: 'M-2', decidedDate: '01.11.2024' }),
      row({ reference: 'M-1' }),
      row({ reference: 'M-4', atc: 'L01' }),
      row({ reference: 'M-5' }),
    ]);
    const mixed = await checkImport(
      db(),
      hbe.decisionMaker,
      'blandet.xlsx',
      await sheetRows(mixedFile),
    );
    expect(mixed.ok).toBe(false);
    expect(reportLines(mixed.reports)).toEqual([
      'Rad 3, Vedtaksdato: datoen kan ikke være før innsendt dato',
      'Rad 4, Referanse: referansen står på en tidligere rad i filen',
      'Rad 5, ATC-kode: ATC-koden må ha sju tegn på formen L01FA01',
    ]);
    expect(await db().select().from(retrospectiveImports)).toEqual([]);
    const afterBad = await countCases();
    expect(afterBad).toBe(before);

    const goodRows = [
      row({ reference: 'G-1', submittedDate: '03.03.2021', decidedDate: '2021-03-20' }),
      row({
        reference: 'G-2',
        submittedDate: '2022-05-05',
        decidedDate: '06.05.2022',
        outcome: 'Avslått',
        conditions: '',
      }),
      row({
        reference: 'G-3',
        patientScope: 'pasientgruppe',
        scheme: 'Uten markedsføringstillatelse',
        submittedDate: '2022-06-01',
        decidedDate: '2022-07-01',
        outcome: 'innvilget',
        conditions: '',
        followUp: 'avsluttet',
      }),
    ];
    const good = await checkImport(
      db(),
      hbe.trustAdmin,
      'gode.xlsx',
      await sheetRows(await xlsxOf(goodRows)),
    );
    if (!good.ok) throw new Error(reportLines(good.reports).join('\n'));
    // The preview and the confirmation belong to the uploader only.
    expect(await previewImport(db(), hbe.decisionMaker, good.importId)).toBeNull();
    expect(await confirmImport(db(), hbe.decisionMaker, good.importId)).toEqual({
      ok: false,
      expired: true,
    });
    expect(await previewImport(db(), ous.trustAdmin, good.importId)).toBeNull();
    // …and expire.
    expect(
      await previewImport(db(), hbe.trustAdmin, good.importId, new Date(Date.now() + 2 * 3600_000)),
    ).toBeNull();
    expect((await previewImport(db(), hbe.trustAdmin, good.importId))?.ok).toBe(true);
    // The nightly retention run deletes only previews past their hour (this one is not yet).
    expect(await deleteExpiredImports(db(), new Date(Date.now() + 30 * 60_000))).toBe(0);

    expect(await confirmImport(db(), hbe.trustAdmin, good.importId)).toEqual({
      ok: true,
      count: 3,
    });
    const imported = await db()
      .select({
        caseNumber: caseSummaries.caseNumber,
        outcome: caseSummaries.outcome,
        status: caseSummaries.status,
        scope: caseSummaries.patientScope,
      })
      .from(caseSummaries)
      .where(eq(caseSummaries.retrospective, true))
      .orderBy(asc(caseSummaries.caseNumber));
    expect(imported).toEqual(
      expect.arrayContaining([
        {
          caseNumber: 'HBE-2021-00001',
          outcome: 'approvedWithConditions',
          status: 'decided',
          scope: 'single',
        },
        { caseNumber: 'HBE-2022-00001', outcome: 'rejected', status: 'decided', scope: 'single' },
        { caseNumber: 'HBE-2022-00002', outcome: 'approved', status: 'closed', scope: 'group' },
      ]),
    );
    // A confirmed import is gone: confirming it again (the back button) imports nothing more and
    // answers with what it imported; to anyone else it is simply gone.
    const casesAfter = await countCases();
    expect(await confirmImport(db(), hbe.trustAdmin, good.importId)).toEqual({
      ok: true,
      count: 3,
    });
    expect(await confirmImport(db(), hbe.decisionMaker, good.importId)).toEqual({
      ok: false,
      expired: true,
    });
    expect(await countCases()).toBe(casesAfter);

    // The same file again: every row is a duplicate.
    const again = await checkImport(
      db(),
      hbe.trustAdmin,
      'gode.xlsx',
      await sheetRows(await xlsxOf(goodRows)),
    );
    expect(again.ok).toBe(false);
    expect(reportLines(again.reports)).toEqual([
      'Rad 2, Referanse: en sak med denne referansen er allerede registrert',
      'Rad 3, Referanse: en sak med denne referansen er allerede registrert',
      'Rad 4, Referanse: en sak med denne referansen er allerede registrert',
    ]);
  });

  it('two confirmations of one file at once (a double click, two tabs) import it once', async () => {
    const staged = await checkImport(
      db(),
      hbe.trustAdmin,
      'dobbel.csv',
      await sheetRows(csvOf([row({ reference: '' }), row({ reference: '' })])),
    );
    if (!staged.ok) throw new Error(reportLines(staged.reports).join('\n'));
    const before = await countCases();
    const results = await Promise.all([
      confirmImport(db(), hbe.trustAdmin, staged.importId),
      confirmImport(db(), hbe.trustAdmin, staged.importId),
    ]);
    expect(results).toEqual([
      { ok: true, count: 2 },
      { ok: true, count: 2 },
    ]);
    expect(await countCases()).toBe(before + 2);
  });

  it('confirmation validates again: a reference registered after the preview stops the whole import', async () => {
    const staged = await checkImport(
      db(),
      ous.decisionMaker,
      'ous.csv',
      await sheetRows(
        csvOf([
          row({ department: 'Kreftklinikken', reference: 'O-1' }),
          row({ department: 'Kreftklinikken', reference: 'O-2' }),
        ]),
      ),
    );
    if (!staged.ok) throw new Error(reportLines(staged.reports).join('\n'));
    const single = await registerRetrospective(
      db(),
      ous.decisionMaker,
      row({ department: 'Kreftklinikken', reference: 'o-2' }),
    );
    expect(single.ok).toBe(true);
    const before = await countCases();
    const result = await confirmImport(db(), ous.decisionMaker, staged.importId);
    expect(result.ok).toBe(false);
    if (result.ok || result.expired) throw new Error('expected a report');
    expect(reportLines(result.reports)).toEqual([
      'Rad 3, Referanse: en sak med denne referansen er allerede registrert',
    ]);
    const after = await countCases();
    expect(after).toBe(before);
    // The other trust's department is unknown here; references are per trust (HBE used G-1).
    const other = await registerRetrospective(
      db(),
      ous.decisionMaker,
      row({ department: 'Kreftavdelingen', reference: 'G-1' }),
    );
    expect(other).toEqual({ ok: false, errors: { department: 'departmentUnknown' } });
  });

  it('deletes a preview no one confirmed once its hour has passed, in every trust', async () => {
    const staged = await checkImport(
      db(),
      ous.decisionMaker,
      'glemt.csv',
      await sheetRows(csvOf([row({ department: 'Kreftklinikken', reference: 'O-9' })])),
    );
    if (!staged.ok) throw new Error(reportLines(staged.reports).join('\n'));
    const rows = async () =>
      (await db().select({ id: retrospectiveImports.id }).from(retrospectiveImports)).map(
        (r) => r.id,
      );
    expect(await rows()).toContain(staged.importId);
    expect(await deleteExpiredImports(db(), new Date(Date.now() + 2 * 3600_000))).toBeGreaterThan(
      0,
    );
    expect(await rows()).toEqual([]);
    expect(await confirmImport(db(), ous.decisionMaker, staged.importId)).toEqual({
      ok: false,
      expired: true,
    });
  });
});
