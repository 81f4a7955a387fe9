import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MedicationRequest } from 'fhir/r4';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant, type Database } from '../../db/database.server';
import { cases } from '../../db/schema';
import { loader as exportLoader } from '../../routes/case-export';
import { completeAnswers, demoActors, signIn } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { CERTICAN, certicanChangedExtract, MINI_2017 } from '../../test/fest-changes';
import { refusal } from '../../test/refusals';
import { loaderArgs } from '../../test/routes';
import { createDraft, getCase, saveAnswers, transition, transitionIn } from '../cases/cases.server';
import { CaseError } from '../cases/domain/errors';
import type { ExportedDrug } from '../cases/ui/export';
import { exportCaseFhir } from '../interop/fhir.server';
import { importFest } from './fest-import.server';
import { getDrugFacts } from './fest.server';

const HERCEPTIN = 'ID_AFD64EE0-2847-4BCD-8D74-6C062D90FEC0'; // H-resept, in the 2017 extract

const scratch = mkdtempSync(join(tmpdir(), 'fest-snapshot-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(TEST_DATABASES)('FEST snapshot of a case on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let firstImport: number;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    firstImport = (await importFest(database.db, MINI_2017)).importId;
  });
  afterAll(() => database.close());

  const stored = async (caseId: string) => {
    const [row] = await db()
      .select({
        snapshot: cases.festSnapshot,
        submittedAt: cases.submittedAt,
        status: cases.status,
      })
      .from(cases)
      .where(eq(cases.id, caseId));
    if (!row) throw new Error('no case');
    return row;
  };

  const draftWith = (drug: { id: string | null; label: string }) =>
    createDraft(db(), hbe.applicant, { ...completeAnswers, drug });

  it('writes the snapshot with the submission: the same update, the same time', async () => {
    const draft = await draftWith(CERTICAN);
    expect((await stored(draft.id)).snapshot).toBeNull();
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    const row = await stored(draft.id);
    expect(row.status).toBe('submitted');
    expect(row.snapshot).toMatchObject({
      schemaVersion: 1,
      festImport: { id: firstImport, hentetAt: '2017-04-12T18:26:27.336Z' },
      facts: {
        id: CERTICAN.id,
        name: CERTICAN.label,
        atc: { code: 'L04AA18', name: 'Everolimus' },
        strength: '0,1 mg',
        preparattype: { code: '7', name: 'Legemiddel' },
        requiresExemption: false,
        marketingStatus: 'marketed',
        packages: [{ varenr: '014884', packSize: '60 stk', marketed: true, aup: 688.8 }],
        cheapestAup: { amount: 688.8 },
        refund: { bluePrescription: true, hPrescription: false },
      },
    });
    expect(row.snapshot?.takenAt).toBe(row.submittedAt?.toISOString());
  });

  it('links a drug typed by its FEST name, without a choice from the list, to that product', async () => {
    // Without JavaScript no id is posted: the draft is linked when it is created.
    const typed = await draftWith({ id: null, label: 'certican disperg tab 0,1 mg' });
    const drugOf = async (caseId: string) =>
      (await getCase(db(), hbe.applicant, caseId)).answers.drug;
    expect(await drugOf(typed.id)).toEqual({
      id: CERTICAN.id,
      label: 'certican disperg tab 0,1 mg',
    });
    // A name FEST does not have stays free text.
    const free = await draftWith({ id: null, label: 'Rituximab 500 mg infusjonsvæske' });
    expect(await drugOf(free.id)).toEqual({ id: null, label: 'Rituximab 500 mg infusjonsvæske' });
    // Saved later, typed over the free text: linked then.
    const saved = await saveAnswers(db(), hbe.applicant, free.id, {
      drug: {
        base: { id: null, label: 'Rituximab 500 mg infusjonsvæske' },
        value: { id: null, label: CERTICAN.label },
      },
    });
    expect(saved.applied).toEqual(['drug']);
    expect(await drugOf(free.id)).toEqual({ ...CERTICAN });
  });

  it('writes nothing when the submission does not go through', async () => {
    const draft = await draftWith(CERTICAN);
    // A stale version: the compare-and-set refuses, the snapshot with it.
    const code = await refusal(
      transition(db(), hbe.applicant, {
        caseId: draft.id,
        version: draft.version - 1,
        event: 'submit',
      }),
      CaseError,
    );
    expect(code).toBe('conflict');
    expect(await stored(draft.id)).toMatchObject({ snapshot: null, status: 'draft' });
    // The submission's transaction rolled back after the update: no snapshot either.
    await expect(
      inTenant(db(), hbe.applicant, async (tx) => {
        await transitionIn(tx, hbe.applicant, {
          caseId: draft.id,
          version: draft.version,
          event: 'submit',
        });
        expect(
          (await tx.select({ s: cases.festSnapshot }).from(cases).where(eq(cases.id, draft.id)))[0]
            ?.s,
        ).not.toBeNull();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await stored(draft.id)).toMatchObject({ snapshot: null, status: 'draft' });
  });

  it('keeps no snapshot for a drug written as free text', async () => {
    const draft = await draftWith({ id: null, label: 'Rituximab 500 mg infusjonsvæske' });
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    expect((await stored(draft.id)).snapshot).toBeNull();
    const view = await getCase(db(), hbe.decisionMaker, draft.id);
    expect(view).toMatchObject({ festSnapshot: null, festChanges: [], drugFacts: null });
  });

  it('replaces the snapshot at resubmission, with the drug then chosen', async () => {
    const draft = await draftWith(CERTICAN);
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    const first = (await stored(draft.id)).snapshot;
    await transition(db(), hbe.endorser, {
      caseId: draft.id,
      version: submitted.version,
      event: 'returnToApplicant',
      reason: 'Hvorfor ikke trastuzumab?',
    });
    // While returned, the snapshot of what was sent stays.
    expect((await stored(draft.id)).snapshot).toEqual(first);
    const herceptin = await getDrugFacts(db(), HERCEPTIN);
    if (!herceptin) throw new Error('Herceptin is not in the extract');
    const saved = await saveAnswers(db(), hbe.applicant, draft.id, {
      drug: { base: { ...CERTICAN }, value: { id: HERCEPTIN, label: herceptin.name } },
    });
    expect(saved.applied).toEqual(['drug']);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: saved.version,
      event: 'resubmit',
    });
    const second = (await stored(draft.id)).snapshot;
    expect(second?.facts).toMatchObject({ id: HERCEPTIN, refund: { hPrescription: true } });
    expect(second && first && second.takenAt > first.takenAt).toBe(true);
  });

  it('after a FEST import that changes the drug, the case view lists the changes; the exports keep the drug as sent', async () => {
    const draft = await draftWith(CERTICAN);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    expect((await getCase(db(), hbe.decisionMaker, draft.id)).festChanges).toEqual([]);

    const changed = await importFest(db(), certicanChangedExtract(scratch));
    expect(changed.counts.product.changed).toBe(1);
    const view = await getCase(db(), hbe.decisionMaker, draft.id);
    expect(view.drugFacts).toMatchObject({
      marketingStatus: 'notMarketed',
      requiresExemption: true,
    });
    expect(view.festSnapshot?.facts).toMatchObject({
      marketingStatus: 'marketed',
      requiresExemption: false,
    });
    expect(view.festChanges).toEqual([
      { kind: 'marketingStatus', from: 'marketed', to: 'notMarketed' },
      { kind: 'exemption', required: true },
      { kind: 'preparattype', from: 'Legemiddel', to: 'Krever godkj. Fritak' },
      { kind: 'atc', from: 'L04AA18', to: 'L04AH02' },
      { kind: 'price', from: 688.8, to: 712.4 },
    ]);
    // Which extract brought them, from the history the import keeps.
    expect(view.festChangedIn.map((run) => run.id)).toEqual([changed.importId]);
    expect(view.festChangedIn[0]?.hentetAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // FHIR: the MedicationRequest has the ATC code the application was sent with.
    const { bundle } = await exportCaseFhir(db(), hbe.decisionMaker, draft.id);
    const request = bundle.entry?.find((e) => e.resource?.resourceType === 'MedicationRequest')
      ?.resource as MedicationRequest | undefined;
    const atc = request?.medicationCodeableConcept?.coding?.find(
      (c) => c.system === 'http://www.whocc.no/atc',
    );
    expect(atc).toMatchObject({ code: 'L04AA18', display: 'Everolimus' });

    // JSON export: the drug as sent, with what has changed since.
    const { cookie } = await signIn(db(), 'HBE', 'decisionMaker');
    const response = await exportLoader(
      loaderArgs(database, `/saker/${draft.id}/eksport`, cookie, '/saker/:caseId/eksport', {
        caseId: draft.id,
      }),
    );
    const body = (await response.json()) as { drug: ExportedDrug };
    expect(body.drug).toMatchObject({
      asSent: true,
      takenAt: view.festSnapshot?.takenAt,
      festImport: { id: firstImport },
      facts: { id: CERTICAN.id, atc: { code: 'L04AA18' }, marketingStatus: 'marketed' },
    });
    expect(body.drug.changes.map((c) => c.kind)).toEqual([
      'marketingStatus',
      'exemption',
      'preparattype',
      'atc',
      'price',
    ]);

    // FEST back as it was at submission: nothing to say.
    await importFest(db(), MINI_2017);
    expect((await getCase(db(), hbe.decisionMaker, draft.id)).festChanges).toEqual([]);
    expect((await getCase(db(), hbe.decisionMaker, draft.id)).festChangedIn).toEqual([]);
  });

  it('a case sent before snapshots were kept shows today’s facts, and no changes', async () => {
    const draft = await draftWith(CERTICAN);
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    // As sent before this change: the column left empty (no backfill).
    await db().update(cases).set({ festSnapshot: null }).where(eq(cases.id, draft.id));
    const view = await getCase(db(), hbe.decisionMaker, draft.id);
    expect(view).toMatchObject({
      festSnapshot: null,
      festChanges: [],
      drugFacts: { id: CERTICAN.id },
    });
    expect(view.submittedAt).not.toBeNull();
  });
});
