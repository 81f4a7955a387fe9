import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.server';
import { accessLog } from '../../db/schema';
import { loader as assessmentLoader } from '../../routes/case-assessment';
import { completeAnswersFor, demoActors, signIn } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { CERTICAN, certicanChangedExtract, MINI_2017 } from '../../test/fest-changes';
import { loaderArgs } from '../../test/routes';
import { getAssessment } from '../assessment/assessment.server';
import { createDraft, getCase, transition } from '../cases/cases.server';
import { casePrecedents } from '../precedents/precedents.server';
import type { Scheme } from '../cases/domain/application';
import { importFest } from './fest-import.server';

const scratch = mkdtempSync(join(tmpdir(), 'case-drug-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FREE_TEXT = { id: null, label: 'Rituximab 500 mg infusjonsvæske' };

/**
 * A case's drug as the pages that send and judge it show it (`caseDrugIn`): the FEST facts, the
 * snapshot sent with what changed since (ADR 0027), and the scheme warning, on the case view (the
 * summary, the case page) and the committee's assessment alike.
 */
describe.each(TEST_DATABASES)('a case’s drug and the scheme warning on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    await importFest(database.db, MINI_2017);
  });
  afterAll(() => database.close());

  async function sent(scheme: Scheme, drug: { id: string | null; label: string }) {
    const draft = await createDraft(db(), hbe.applicant, { ...completeAnswersFor(scheme), drug });
    await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    return draft.id;
  }

  it('warns when FEST has the drug marketed with Norwegian MT and the application is «uten norsk MT»', async () => {
    const id = await sent('noMarketingAuthorisation', CERTICAN);
    const { drug } = await getAssessment(db(), hbe.decisionMaker, id);
    expect(drug).toMatchObject({
      schemeWarning: CERTICAN.label,
      sent: true,
      snapshot: { facts: { id: CERTICAN.id, marketingStatus: 'marketed' } },
      drugFacts: { id: CERTICAN.id, marketingStatus: 'marketed' },
      festChanges: [],
      festChangedIn: [],
    });
    // The case view (the summary, the case page) says the same.
    expect((await getCase(db(), hbe.decisionMaker, id)).schemeWarning).toBe(CERTICAN.label);

    // The assessment page reads it with the rest in one transaction; the read logged once.
    const logged = () =>
      db()
        .select({ id: accessLog.id })
        .from(accessLog)
        .where(and(eq(accessLog.caseId, id), eq(accessLog.action, 'assessment')));
    const before = (await logged()).length;
    const { cookie } = await signIn(db(), 'HBE', 'decisionMaker');
    const page = await assessmentLoader(
      loaderArgs(database, `/saker/${id}/vurdering`, cookie, '/saker/:caseId/vurdering', {
        caseId: id,
      }),
    );
    expect(page.view.drug).toMatchObject({ schemeWarning: CERTICAN.label, sent: true });
    expect(page.view.drug.snapshot?.facts.id).toBe(CERTICAN.id);
    expect(page.precedents).toEqual(await casePrecedents(db(), hbe.decisionMaker, id));
    expect((await logged()).length).toBe(before + 1);
  });

  it('warns of nothing when the scheme fits FEST, or the drug is not in FEST', async () => {
    const offLabel = await sent('offLabel', CERTICAN);
    const fits = (await getAssessment(db(), hbe.decisionMaker, offLabel)).drug;
    expect(fits).toMatchObject({ schemeWarning: null, drugFacts: { id: CERTICAN.id } });
    expect(fits.snapshot?.facts.id).toBe(CERTICAN.id);
    expect((await getCase(db(), hbe.decisionMaker, offLabel)).schemeWarning).toBeNull();

    const typed = await sent('noMarketingAuthorisation', FREE_TEXT);
    expect((await getAssessment(db(), hbe.decisionMaker, typed)).drug).toEqual({
      snapshot: null,
      sent: true,
      drugFacts: null,
      festChanges: [],
      festChangedIn: [],
      schemeWarning: null,
    });
  });

  it('follows today’s FEST: once the drug has lost its Norwegian MT the warning goes, and the changes since sending show', async () => {
    const id = await sent('noMarketingAuthorisation', CERTICAN);
    expect((await getAssessment(db(), hbe.decisionMaker, id)).drug.schemeWarning).toBe(
      CERTICAN.label,
    );
    const changed = await importFest(db(), certicanChangedExtract(scratch));
    const { drug } = await getAssessment(db(), hbe.decisionMaker, id);
    expect(drug.schemeWarning).toBeNull();
    expect(drug.drugFacts).toMatchObject({
      marketingStatus: 'notMarketed',
      requiresExemption: true,
    });
    // What the applicant saw stays, with what FEST has changed since and which extract did it.
    expect(drug.snapshot?.facts).toMatchObject({ marketingStatus: 'marketed' });
    expect(drug.festChanges.map((c) => c.kind)).toContain('marketingStatus');
    expect(drug.festChangedIn.map((run) => run.id)).toEqual([changed.importId]);
    expect((await getCase(db(), hbe.decisionMaker, id)).schemeWarning).toBeNull();
  });
});
