import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Database } from '../../db/database.server';
import { rowsOf } from '../../db/rows';
import { cases, caseSummaries } from '../../db/schema';
import { completeAnswers, demoActors } from '../../test/actors';
import { openTestDatabase, TEST_DATABASES } from '../../test/databases';
import { lastMigrationStatement } from '../../test/migrations';
import { CERTICAN, certicanChangedExtract, MINI_2017 } from '../../test/fest-changes';
import { createDraft, saveAnswers, transition } from '../cases/cases.server';
import { importFest } from '../fest/fest-import.server';
import { getDrugFacts } from '../fest/fest.server';
import { casePrecedents } from '../precedents/precedents.server';
import { endorseWithRatings } from '../../test/case-states';
import { APPROVAL_TERMS } from '../../test/decisions';

/**
 * The national summary's ATC code and substance come from the case's FEST snapshot (ADR 0027,
 * migration 0042) while the drug answer names the product it was taken of; otherwise from today's
 * FEST, then the drug answer (ADR 0014).
 */

const HERCEPTIN = 'ID_AFD64EE0-2847-4BCD-8D74-6C062D90FEC0'; // in the 2017 extract

/** The last statement of migration 0042: the one-time refresh of the summaries it changes. */
const MIGRATION_REFRESH = lastMigrationStatement(
  '0042_case_summaries_from_fest_snapshot',
  'refresh_case_summary(t.case_id)',
);

const scratch = mkdtempSync(join(tmpdir(), 'summary-snapshot-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(TEST_DATABASES)('national summaries from the FEST snapshot on %s', (kind) => {
  let database: Database;
  let hbe: Awaited<ReturnType<typeof demoActors>>;
  let changedExtract: string;
  const db = () => database.db;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    hbe = await demoActors(database.db, 'HBE');
    changedExtract = certicanChangedExtract(scratch);
  });
  afterAll(() => database.close());

  const summaryOf = async (caseId: string) => {
    const [row] = await db()
      .select({
        product: caseSummaries.festProductId,
        atc: caseSummaries.atcCode,
        substance: caseSummaries.substance,
        status: caseSummaries.status,
        updatedAt: caseSummaries.updatedAt,
      })
      .from(caseSummaries)
      .where(eq(caseSummaries.caseId, caseId));
    if (!row) throw new Error('no summary');
    return row;
  };

  /** Cases counted per ATC group (five characters) this year, over every trust and scheme. */
  const countsByAtc = async () => {
    const result = await db().execute(sql`select atc5, sum(submitted)::int as submitted
      from statistics_atc_volumes where grain = 'year'
        and period = date_trunc('year', now() at time zone 'Europe/Oslo')::date
      group by atc5`);
    const rows = rowsOf(result, z.object({ atc5: z.string(), submitted: z.number() }));
    return (atc5: string) => rows.find((r) => r.atc5 === atc5)?.submitted ?? 0;
  };

  /** Certican's substances renamed in today's FEST, as a later extract might. */
  const renameCerticanSubstance = () =>
    db().execute(sql`update fest_products
      set substances = jsonb_set(substances, '{0,name}', '"Everolimus (ny)"')
      where id = ${CERTICAN.id}`);

  const sendCertican = async () => {
    const draft = await createDraft(db(), hbe.applicant, { ...completeAnswers, drug: CERTICAN });
    const submitted = await transition(db(), hbe.applicant, {
      caseId: draft.id,
      version: draft.version,
      event: 'submit',
    });
    return { caseId: draft.id, version: submitted.version };
  };

  it('keeps the ATC code and substance the case was sent with when FEST changes them, in the statistics and the precedents too', async () => {
    await importFest(db(), MINI_2017);
    const before = await countsByAtc();
    const sent = await sendCertican();
    const other = await sendCertican();
    expect(await summaryOf(sent.caseId)).toMatchObject({
      product: CERTICAN.id,
      atc: 'L04AA18',
      substance: 'Everolimus',
    });

    // A later extract moves Certican to L04AH02, and renames its substance.
    expect((await importFest(db(), changedExtract)).counts.product.changed).toBe(1);
    await renameCerticanSubstance();

    // Status changes and the decision refresh the summary: still the drug as sent.
    const endorsed = await endorseWithRatings(db(), hbe.endorser, {
      caseId: sent.caseId,
      version: sent.version,
      reason: 'Godt begrunnet.',
    });
    expect(await summaryOf(sent.caseId)).toMatchObject({
      status: 'endorsed',
      atc: 'L04AA18',
      substance: 'Everolimus',
    });
    await transition(db(), hbe.decisionMaker, {
      caseId: sent.caseId,
      version: endorsed.version,
      event: 'decide',
      outcome: 'approved',
      reason: 'Faglig godt begrunnet.',
      ...APPROVAL_TERMS,
    });
    expect(await summaryOf(sent.caseId)).toMatchObject({
      status: 'decided',
      atc: 'L04AA18',
      substance: 'Everolimus',
    });

    // The statistics by ATC count it under the code it was sent with.
    const after = await countsByAtc();
    expect(after('L04AA')).toBe(before('L04AA') + 2);
    expect(after('L04AH')).toBe(before('L04AH'));

    // Another case sent with the same drug is matched on the code it was sent with, as the
    // summaries hold it: the decision above is its national practice (not L04AH02's none).
    const { practice } = await casePrecedents(db(), hbe.applicant, other.caseId);
    expect(practice).toEqual({ total: 1, approved: 1, rejected: 0 });
  });

  it('without a snapshot of the product named, keeps today’s rule: today’s FEST, then the drug answer', async () => {
    await importFest(db(), MINI_2017);

    // Sent before snapshots were kept (no snapshot): today's FEST.
    const old = await sendCertican();
    await db().update(cases).set({ festSnapshot: null }).where(eq(cases.id, old.caseId));

    // Returned, and the drug answer changed to another product (the snapshot is of Certican).
    const returned = await sendCertican();
    await transition(db(), hbe.endorser, {
      caseId: returned.caseId,
      version: returned.version,
      event: 'returnToApplicant',
      reason: 'Hvorfor ikke trastuzumab?',
    });
    const herceptinFacts = await getDrugFacts(db(), HERCEPTIN);
    if (!herceptinFacts) throw new Error('Herceptin is not in the extract');
    const saved = await saveAnswers(db(), hbe.applicant, returned.caseId, {
      drug: { base: { ...CERTICAN }, value: { id: HERCEPTIN, label: herceptinFacts.name } },
    });
    expect(saved.applied).toEqual(['drug']);

    // A drug written as free text (the drug answer's own ATC code and substance, as
    // etterregistrering records them): no snapshot.
    const freeDraft = await createDraft(db(), hbe.applicant, {
      ...completeAnswers,
      drug: { id: null, label: 'Rituximab 500 mg infusjonsvæske' },
    });
    const free = await transition(db(), hbe.applicant, {
      caseId: freeDraft.id,
      version: freeDraft.version,
      event: 'submit',
    });
    await db().execute(sql`update cases set answers = jsonb_set(answers, '{drug}',
      '{"id": null, "label": "Rituximab", "atc": "L01FA01", "substance": "Rituksimab"}'::jsonb)
      where id = ${freeDraft.id}`);
    expect((await db().select().from(cases).where(eq(cases.id, freeDraft.id)))[0]).toMatchObject({
      festSnapshot: null,
    });

    await importFest(db(), changedExtract);
    await renameCerticanSubstance();
    await endorseWithRatings(db(), hbe.endorser, {
      caseId: old.caseId,
      version: old.version,
      reason: 'Godt begrunnet.',
    });
    await transition(db(), hbe.applicant, {
      caseId: returned.caseId,
      version: saved.version,
      event: 'withdraw',
      reason: 'Trukket.',
    });
    await endorseWithRatings(db(), hbe.endorser, {
      caseId: freeDraft.id,
      version: free.version,
      reason: 'Godt begrunnet.',
    });

    expect(await summaryOf(old.caseId)).toMatchObject({
      status: 'endorsed',
      product: CERTICAN.id,
      atc: 'L04AH02',
      substance: 'Everolimus (ny)',
    });
    // Herceptin in today's FEST (the later extract leaves it as it was), not the snapshot's Certican.
    expect(await summaryOf(returned.caseId)).toMatchObject({
      status: 'withdrawn',
      product: HERCEPTIN,
      atc: 'L01XC03',
      substance: 'Trastuzumab',
    });
    expect(await summaryOf(freeDraft.id)).toMatchObject({
      status: 'endorsed',
      product: null,
      atc: 'L01FA01',
      substance: 'Rituksimab',
    });
  });

  it('migration 0042 refreshes the summaries it changes, and no other', async () => {
    await importFest(db(), MINI_2017);
    const stale = await sendCertican();
    const staleSubstance = await sendCertican();
    const unchanged = await sendCertican();
    const withoutSnapshot = await sendCertican();
    await db()
      .update(cases)
      .set({ festSnapshot: null })
      .where(eq(cases.id, withoutSnapshot.caseId));
    await importFest(db(), changedExtract);
    // As the function of 0016 left it: today's FEST.
    await db().execute(
      sql`update case_summaries set atc_code = 'L04AH02' where case_id = ${stale.caseId}`,
    );
    await renameCerticanSubstance();
    await db().execute(sql`update case_summaries set substance = 'Everolimus (ny)'
      where case_id = ${staleSubstance.caseId}`);
    const before = await countsByAtc();
    const untouched = await Promise.all(
      [unchanged.caseId, withoutSnapshot.caseId].map(async (id) => (await summaryOf(id)).updatedAt),
    );

    await db().execute(sql.raw(MIGRATION_REFRESH));

    for (const { caseId } of [stale, staleSubstance]) {
      expect(await summaryOf(caseId)).toMatchObject({ atc: 'L04AA18', substance: 'Everolimus' });
    }
    expect(
      await Promise.all(
        [unchanged.caseId, withoutSnapshot.caseId].map(
          async (id) => (await summaryOf(id)).updatedAt,
        ),
      ),
    ).toEqual(untouched);
    expect(await summaryOf(withoutSnapshot.caseId)).toMatchObject({ atc: 'L04AA18' });
    const after = await countsByAtc();
    expect(after('L04AA')).toBe(before('L04AA') + 1);
    expect(after('L04AH')).toBe(before('L04AH') - 1);
  });
});
